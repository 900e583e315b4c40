// @vitest-environment jsdom
/**
 * The workspace lists the most recently changed assessment first, and entries changed at the same moment in the
 * same order every time: after a reload (the browser's storage reads them back in an order of its own) and after an
 * export and an import into another browser (which keep each entry's dates and name, not its id).
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageProvider } from '@/app/language';
import { MemoryStore, savedAssessment, type SavedAssessment } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { Workspace } from '@/features/workspace/workspace';
import type { Answers } from '@/rulebook/schema';
import { fixture } from '../engine/helpers';
import { captureDownloads, type Download } from '../downloads';

const company = { kind: 'company', located_here: true, degradable: true, exports: false, staff: 12 };
const association = { kind: 'association', located_here: true };
const UPDATED = '2026-03-01T00:00:00.000Z';
const entry = (name: string, answers: Answers, savedAt: string, updatedAt = UPDATED): SavedAssessment => ({ ...savedAssessment(fixture, answers, name, savedAt), updatedAt });

/** All changed at one moment (a file imported without dates gives each the file's date), but one. */
const entries = [
  // Two sites of one client, saved a month apart.
  entry('绿盒子', company, '2026-01-01T00:00:00.000Z'),
  entry('绿盒子', { ...company, degradable: false }, '2026-02-01T00:00:00.000Z'),
  // Numbered alike (a batch file's members): 会员01 and 会员1 are one name to the collator.
  entry('会员1', association, '2026-01-01T00:00:00.000Z'),
  entry('会员01', association, '2026-01-01T00:00:00.000Z'),
  // One client twice, alike but for an answer.
  entry('包装协会', association, '2026-01-01T00:00:00.000Z'),
  entry('包装协会', { ...association, located_here: false }, '2026-01-01T00:00:00.000Z'),
  // Changed in Beijing time, an hour before the others (a later text, an earlier moment).
  entry('北京分公司', company, '2026-01-01T00:00:00.000Z', '2026-03-01T07:00:00+08:00'),
];

let downloads: Download[] = [];
beforeEach(() => {
  localStorage.clear();
  downloads = captureDownloads();
});

function renderWorkspace(store: MemoryStore) {
  return render(
    <LanguageProvider>
      <WorkspaceStoreProvider store={store}>
        <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />
      </WorkspaceStoreProvider>
    </LanguageProvider>,
  );
}

/** Each entry as the list shows it: its name, and what tells two of one name apart (their date and counts). */
async function shown(): Promise<string[]> {
  const list = await screen.findByRole('list', { name: '已保存的评估' });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => `${li.querySelector('.workspace-name')!.textContent} ${li.querySelector('.workspace-meta')!.textContent}`);
}

it('lists entries changed at the same moment in the same order after a reload and after an export and an import', async () => {
  const user = userEvent.setup();
  const { unmount } = renderWorkspace(new MemoryStore(entries));
  const first = await shown();
  expect(first).toHaveLength(entries.length);
  const at = (name: string, counts: string) => first.findIndex((row) => row.startsWith(`${name} `) && row.includes(counts));
  // Of two changed at once, the one saved later first.
  expect(at('绿盒子', '适用条款：1 条')).toBeLessThan(at('绿盒子', '适用条款：2 条'));
  // Changed an hour before the others: last.
  expect(first.at(-1)).toMatch(/^北京分公司 /);
  unmount();

  // A reload: the storage reads them back in another order (IndexedDB's is by id).
  const reloaded = renderWorkspace(new MemoryStore([...entries].reverse()));
  expect(await shown()).toEqual(first);
  await user.click(screen.getByRole('button', { name: '导出全部（JSON）' }));
  const file = await downloads[0]!.text;
  reloaded.unmount();
  // Another browser: the entries get new ids.
  const other = new MemoryStore();
  renderWorkspace(other);
  await user.upload(await screen.findByLabelText('导入工作区文件（JSON）'), new File([file], 'workspace.json', { type: 'application/json' }));
  expect(await screen.findByText('已导入 7 条评估。')).toBeInTheDocument();
  expect(await shown()).toEqual(first);
});
