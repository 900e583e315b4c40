/**
 * What the batch screen's tests share: the fixture's members file, the screen as the app shows it (with an
 * in-memory workspace, and the page header's language switch when asked), and choosing a file.
 */
import { render, screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { LanguageProvider, useLanguage } from '@/app/language';
import { BOM, csvLine } from '@/batch';
import { BatchScreen, type BatchKeeper } from '@/features/batch/batch-screen';
import { MemoryStore } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { fixture } from '../engine/helpers';

export const HEADER = ['name', 'kind', 'located_here', 'company_name', 'degradable', 'materials', 'exports', 'export_share', 'staff', 'size'];
/** Two companies, one row with an error (a kind that is no option), one association. */
export const members = [
  ['乙公司', 'company', '是', '', '否', '', '是', '60', '', ''],
  ['甲公司', 'company', '是', '', '是', '', '否', '', '', ''],
  ['坏公司', 'robot', '是', '', '', '', '', '', '', ''],
  ['丙协会', 'association', '是', '', '', '', '', '', '', ''],
];
export const csv = (rows: string[][], header = HEADER) => BOM + csvLine(header) + rows.map(csvLine).join('');

/** The page header's language switch, as the app has it. */
function LanguageSwitch() {
  const { lang, setLang } = useLanguage();
  return (
    <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}

export function renderScreen(store = new MemoryStore(), { languageSwitch = false, keeper }: { languageSwitch?: boolean; keeper?: BatchKeeper } = {}) {
  render(
    <LanguageProvider>
      {languageSwitch && <LanguageSwitch />}
      <WorkspaceStoreProvider store={store}>
        <BatchScreen rulebooks={[fixture]} useWorker={false} keeper={keeper} />
      </WorkspaceStoreProvider>
    </LanguageProvider>,
  );
  return store;
}

/** Chooses a members file (CSV, or .xlsx by its name) in the file field, in either language. */
export async function importFile(user: ReturnType<typeof userEvent.setup>, text: string | Uint8Array, name = 'members.csv') {
  const type = name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  await user.upload(screen.getByLabelText(/^(会员文件（CSV 或 Excel）|Members file \(CSV or Excel\))$/), new File([text as BlobPart], name, { type }));
}
