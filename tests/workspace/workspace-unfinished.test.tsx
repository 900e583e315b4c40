// @vitest-environment jsdom
/**
 * An entry whose answers are not all given (an answers file without some of them, an interview saved part-way)
 * is listed as unfinished, with the clauses that may apply once it is finished — not as "0 clauses apply" alone,
 * which a consultant reads as "nothing applies to this client".
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageProvider } from '@/app/language';
import type { Language } from '@/i18n';
import { MemoryStore, savedAssessment } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { Workspace } from '@/features/workspace/workspace';
import { fixture } from '../engine/helpers';

/** Every question the fixture asks a company answered: clause 3 applies (a small company), clause 1 does not. */
const finished = { kind: 'company', located_here: true, company_name: '完整公司', degradable: false, exports: false, staff: 12 };
/** Finished, but "don't know" whether its packaging is degradable: clause 1 may apply. */
const unsure = { ...finished, company_name: '不清楚公司', degradable: 'dont_know' };
/** An answers file that stops after the first step: clauses 1 and 3 may apply, neither is decided. */
const partial = { rulebook: 'demo-packaging', answers: { kind: 'company', located_here: true, company_name: '半截公司' } };

beforeEach(() => localStorage.clear());

function renderWorkspace(store: MemoryStore, lang: Language = 'zh') {
  render(
    <LanguageProvider initial={lang}>
      <WorkspaceStoreProvider store={store}>
        <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />
      </WorkspaceStoreProvider>
    </LanguageProvider>,
  );
}

const entry = (list: HTMLElement, name: string) => within(list).getAllByRole('listitem').find((li) => li.textContent!.includes(name))!;

it('lists an entry imported from an incomplete answers file as unfinished, with the clauses that may apply', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, finished, '完整公司', '2026-01-02T00:00:00Z'), savedAssessment(fixture, unsure, '不清楚公司', '2026-01-01T00:00:00Z')]);
  renderWorkspace(store);
  await user.upload(await screen.findByLabelText('导入工作区文件（JSON）'), new File([JSON.stringify(partial)], 'answers.json', { type: 'application/json' }));
  expect(await screen.findByText('已导入 1 条评估。')).toBeInTheDocument();
  const list = screen.getByRole('list', { name: '已保存的评估' });

  const imported = entry(list, '半截公司');
  expect(imported).toHaveTextContent('适用条款：0 条');
  expect(imported).toHaveTextContent('回答尚未完成：可能适用 2 条，补充回答后才能确定');
  // Answered "don't know": nothing is missing, but a clause may still apply.
  const dontKnow = entry(list, '不清楚公司');
  expect(dontKnow).toHaveTextContent('适用条款：1 条');
  expect(dontKnow).toHaveTextContent('可能适用：1 条（还需补充信息）');
  expect(dontKnow).not.toHaveTextContent('回答尚未完成');
  // Every clause decided: the count alone.
  const done = entry(list, '完整公司');
  expect(done).toHaveTextContent('适用条款：1 条');
  expect(done).not.toHaveTextContent('可能适用');
});

it('says so in English too', async () => {
  const store = new MemoryStore([savedAssessment(fixture, partial.answers, '半截公司'), savedAssessment(fixture, unsure, '不清楚公司')]);
  renderWorkspace(store, 'en');
  const list = await screen.findByRole('list', { name: 'Saved assessments' });
  expect(entry(list, '半截公司')).toHaveTextContent('Clauses that apply: 0');
  expect(entry(list, '半截公司')).toHaveTextContent('Answers still missing: 2 clauses may apply, to be settled by answering them');
  expect(entry(list, '不清楚公司')).toHaveTextContent('May apply: 1 (more information needed)');
});
