// @vitest-environment jsdom
/**
 * What a consultant does in the workspace: save the current assessment, find it in the list with its
 * applying-clause count, rename, duplicate, delete and undo; compare two side by side; export and import.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { App } from '@/app/app';
import { LanguageProvider } from '@/app/language';
import { SaveToWorkspaceButton } from '@/features/workspace/save-button';
import { MemoryStore, savedAssessment, type WorkspaceStore } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { Workspace } from '@/features/workspace/workspace';
import { saveSession } from '@/features/wizard/persistence';
import { interviewAnswers } from '@/features/wizard/wizard';
import { fixture } from '../engine/helpers';
import { popState, press } from '../browser-history';
import { captureDownloads, type Download } from '../downloads';

const company = { kind: 'company', located_here: true, company_name: '绿盒子', degradable: true, exports: false };
const association = { kind: 'association', located_here: true, company_name: '包装协会' };

let downloads: Download[] = [];
beforeEach(() => {
  localStorage.clear();
  downloads = captureDownloads();
});

function wrap(store: WorkspaceStore, children: ReactNode) {
  return (
    <LanguageProvider>
      <WorkspaceStoreProvider store={store}>{children}</WorkspaceStoreProvider>
    </LanguageProvider>
  );
}

const list = () => screen.getByRole('list', { name: '已保存的评估' });
const names = () => within(list()).getAllByRole('listitem').map((li) => li.querySelector('.workspace-name')!.textContent);

it('saves the current assessment, lists it, renames, duplicates, deletes and undoes the delete', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore();
  const { unmount } = render(wrap(store, <SaveToWorkspaceButton rulebook={fixture} answers={company} />));
  await user.click(screen.getByRole('button', { name: '保存到工作区' }));
  expect(await screen.findByText('已将“绿盒子”保存到工作区。')).toBeInTheDocument();
  unmount();

  const onOpen = vi.fn();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={onOpen} />));
  expect(screen.getByRole('heading', { level: 1, name: '工作区' })).toHaveFocus();
  const item = (await screen.findAllByRole('listitem'))[0]!;
  expect(item).toHaveTextContent('绿盒子');
  expect(item).toHaveTextContent('demo-packaging 版本 1.2.3');
  // c1 applies to a company using degradable packaging.
  expect(item).toHaveTextContent('适用条款：1 条');

  await user.click(within(item).getByRole('button', { name: '重命名 “绿盒子”' }));
  const field = screen.getByLabelText('“绿盒子”的新名称');
  expect(field).toHaveFocus();
  // As long as a name typed in the interview or read from a batch file, and no longer.
  expect(field).toHaveAttribute('maxLength', '2000');
  // A longer name pasted is cut, and the field says so.
  await user.clear(field);
  await user.paste('名'.repeat(2500));
  expect(field).toHaveAccessibleDescription('粘贴的文字超过 2000 字，只保留了前 2000 字。');
  await user.clear(field);
  await user.click(screen.getByRole('button', { name: '保存名称' }));
  expect(screen.getByRole('alert')).toHaveTextContent('名称不能为空。');
  await user.type(field, '绿盒子有限公司');
  await user.click(screen.getByRole('button', { name: '保存名称' }));
  expect(await screen.findByText('已重命名为“绿盒子有限公司”。')).toBeInTheDocument();
  expect(names()).toEqual(['绿盒子有限公司']);

  await user.click(screen.getByRole('button', { name: '复制 “绿盒子有限公司”' }));
  expect(await screen.findByText('已复制为“绿盒子有限公司（副本）”。')).toBeInTheDocument();
  expect(names()).toEqual(expect.arrayContaining(['绿盒子有限公司', '绿盒子有限公司（副本）']));

  await user.click(screen.getByRole('button', { name: '删除 “绿盒子有限公司（副本）”' }));
  expect(await screen.findByText('已删除“绿盒子有限公司（副本）”。')).toBeInTheDocument();
  // The entry's buttons have gone with it: the focus is on "undo", not on the page.
  await waitFor(() => expect(screen.getByRole('button', { name: '撤销删除' })).toHaveFocus());
  expect(names()).toEqual(['绿盒子有限公司']);
  expect(await store.list()).toHaveLength(1);

  await user.click(screen.getByRole('button', { name: '撤销删除' }));
  expect(await screen.findByText('已恢复“绿盒子有限公司（副本）”。')).toBeInTheDocument();
  expect(names()).toHaveLength(2);

  await user.click(screen.getByRole('button', { name: '打开 “绿盒子有限公司”' }));
  // With the entry opened, which the results then offer to update (tests/app/workspace-update.test.tsx). The
  // rename named the respondent anew among the answers too (the rulebook's name question): the report, the
  // downloads and the interview call the client by the new name.
  const opened = (await store.list()).find((item) => item.name === '绿盒子有限公司');
  expect(opened!.answers).toEqual({ ...company, company_name: '绿盒子有限公司' });
  expect(onOpen).toHaveBeenCalledWith(
    expect.objectContaining({ answers: { ...company, company_name: '绿盒子有限公司' }, respondentName: '绿盒子有限公司', rulebook: fixture, workspaceEntry: { id: opened!.id, name: '绿盒子有限公司' } }),
  );
});

it('restores a deleted entry once, however often "undo" is pressed', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子'), savedAssessment(fixture, association, '包装协会')]);
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('button', { name: '删除 “绿盒子”' }));
  expect(await screen.findByText('已删除“绿盒子”。')).toBeInTheDocument();
  // Two clicks in quick succession, before the first has been stored.
  const undo = screen.getByRole('button', { name: '撤销删除' });
  fireEvent.click(undo);
  fireEvent.click(undo);
  expect(await screen.findByText('已恢复“绿盒子”。')).toBeInTheDocument();
  expect(names().sort()).toEqual(['包装协会', '绿盒子'].sort());
  expect(await store.list()).toHaveLength(2);
});

it('still offers to undo a delete after the workspace was left and opened again (Back, another view, a reload)', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子'), savedAssessment(fixture, association, '包装协会')]);
  const { unmount } = render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('button', { name: '删除 “绿盒子”' }));
  expect(await screen.findByText('已删除“绿盒子”。')).toBeInTheDocument();
  unmount();

  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  expect(await screen.findByText('已删除“绿盒子”。')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '撤销删除' }));
  expect(await screen.findByText('已恢复“绿盒子”。')).toBeInTheDocument();
  expect(names().sort()).toEqual(['包装协会', '绿盒子'].sort());
  cleanup();

  // Undone, it is not offered again.
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await screen.findAllByRole('listitem');
  expect(screen.queryByRole('button', { name: '撤销删除' })).not.toBeInTheDocument();
});

it('keeps a new name being typed when the workspace is left and opened again (another view, a reload), until it is saved or cancelled', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子'), savedAssessment(fixture, association, '包装协会')]);
  const { unmount } = render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('button', { name: '重命名 “绿盒子”' }));
  await user.type(screen.getByLabelText('“绿盒子”的新名称'), '有限公司');
  unmount();

  const again = render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  expect(await screen.findByLabelText('“绿盒子”的新名称')).toHaveValue('绿盒子有限公司');
  // Only that entry's box: the other is as it was.
  expect(screen.getByRole('button', { name: '重命名 “包装协会”' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '保存名称' }));
  expect(await screen.findByText('已重命名为“绿盒子有限公司”。')).toBeInTheDocument();
  again.unmount();

  // Saved: no box when the workspace opens again. Nor after a cancel.
  const third = render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('button', { name: '重命名 “包装协会”' }));
  await user.click(screen.getByRole('button', { name: '取消' }));
  third.unmount();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await screen.findAllByRole('listitem');
  expect(screen.queryByRole('textbox', { name: /的新名称$/ })).not.toBeInTheDocument();
});

it('puts a deleted entry back ticked when it was ticked, ready to compare again', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子'), savedAssessment(fixture, association, '包装协会')]);
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('checkbox', { name: /绿盒子/ }));
  await user.click(screen.getByRole('checkbox', { name: /包装协会/ }));
  await user.click(screen.getByRole('button', { name: '删除 “绿盒子”' }));
  expect(await screen.findByRole('button', { name: '比较所选（1）' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '撤销删除' }));
  expect(await screen.findByText('已恢复“绿盒子”。')).toBeInTheDocument();
  expect(screen.getByRole('checkbox', { name: /绿盒子/ })).toBeChecked();
  // The focus goes to it (the undo button is gone).
  await waitFor(() => expect(screen.getByRole('checkbox', { name: /绿盒子/ })).toHaveFocus());
  expect(screen.getByRole('button', { name: '比较所选（2）' })).toBeInTheDocument();
  // One that was not ticked comes back unticked.
  await user.click(screen.getByRole('checkbox', { name: /包装协会/ }));
  await user.click(screen.getByRole('button', { name: '删除 “包装协会”' }));
  await user.click(await screen.findByRole('button', { name: '撤销删除' }));
  expect(await screen.findByText('已恢复“包装协会”。')).toBeInTheDocument();
  expect(screen.getByRole('checkbox', { name: /包装协会/ })).not.toBeChecked();
});

it('says which entry cannot be opened when its saved answers no longer fit the questionnaire (not that the policy is missing)', async () => {
  const user = userEvent.setup();
  // Saved by an earlier version's batch import, which let "none of these" go with other choices.
  const store = new MemoryStore([savedAssessment(fixture, { ...company, materials: ['none', 'paper'] }, '旧的导入')]);
  const onOpen = vi.fn();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={onOpen} />));
  await user.click(await screen.findByRole('button', { name: '打开 “旧的导入”' }));
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('无法打开“旧的导入”：保存的回答与当前问卷不符');
  // Where, and what is wrong there, in the user's language.
  expect(alert).toHaveTextContent('answers.materials："none" 只能单独选择，不能与其他选项同选');
  expect(alert).not.toHaveTextContent('本应用中没有政策');
  expect(onOpen).not.toHaveBeenCalled();
});

it('asks before opening an entry over an interview under way, and can save that interview first', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子')]);
  const mine = { kind: 'association', located_here: true, company_name: '我的协会' };
  saveSession(fixture, mine, { at: 'step', step: 'who' });
  const onOpen = vi.fn();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={onOpen} interviewAnswers={interviewAnswers} />));
  await user.click(await screen.findByRole('button', { name: '打开 “绿盒子”' }));
  const dialog = screen.getByRole('alertdialog', { name: '打开“绿盒子”会替换您正在进行的自测，其中的回答尚未保存到工作区。' });
  expect(onOpen).not.toHaveBeenCalled();
  // Cancel: nothing happens, and the user is back on the button.
  await user.click(within(dialog).getByRole('button', { name: '取消' }));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(onOpen).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: '打开 “绿盒子”' }));
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '先把进行中的自测保存到工作区，再打开' }));
  expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ answers: company, respondentName: '绿盒子' }));
  const saved = await store.list();
  expect(saved.map((i) => i.name).sort()).toEqual(['我的协会', '绿盒子'].sort());
  expect(saved.find((i) => i.name === '我的协会')!.answers).toEqual(mine);
});

it('opens at once when the interview under way is one of the entries, opened and left as it was', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子'), savedAssessment(fixture, association, '包装协会')]);
  // The association's entry opened before: its answers, in another order.
  saveSession(fixture, Object.fromEntries(Object.entries(association).reverse()), { at: 'results' });
  const onOpen = vi.fn();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={onOpen} interviewAnswers={interviewAnswers} />));
  await user.click(await screen.findByRole('button', { name: '打开 “绿盒子”' }));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ answers: company }));
});

it('opens at once when the interview under way differs from an entry only in answers to questions it no longer asks', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子'), savedAssessment(fixture, association, '包装协会')]);
  // The association's entry opened, its respondent first switched to a company and back: the company's answers stay
  // in the interview, not asked (and not saved by an update).
  saveSession(fixture, { ...association, degradable: true, exports: true, export_share: 40 }, { at: 'results' });
  const onOpen = vi.fn();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={onOpen} interviewAnswers={interviewAnswers} />));
  await user.click(await screen.findByRole('button', { name: '打开 “绿盒子”' }));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ answers: company }));
});

it('opens at once when there is no interview under way', async () => {
  const user = userEvent.setup();
  const onOpen = vi.fn();
  render(wrap(new MemoryStore([savedAssessment(fixture, company, '绿盒子')]), <Workspace rulebooks={[fixture]} onOpen={onOpen} interviewAnswers={interviewAnswers} />));
  await user.click(await screen.findByRole('button', { name: '打开 “绿盒子”' }));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(onOpen).toHaveBeenCalledTimes(1);
});

it('compares two assessments clause by clause and marks the clauses whose verdicts differ', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子', '2026-01-02T00:00:00Z'), savedAssessment(fixture, association, '包装协会', '2026-01-01T00:00:00Z')]);
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('checkbox', { name: /绿盒子/ }));
  await user.click(screen.getByRole('button', { name: '比较所选（1）' }));
  expect(screen.getByRole('alert')).toHaveTextContent('请至少选择两条评估进行比较。');
  await user.click(screen.getByRole('checkbox', { name: /包装协会/ }));
  await user.click(screen.getByRole('button', { name: '比较所选（2）' }));

  expect(screen.getByRole('heading', { level: 1, name: '比较评估' })).toHaveFocus();
  const table = screen.getByRole('table', { name: '各条款的结论（每列一位填写者）' });
  expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['条款', '绿盒子', '包装协会', '差异']);
  const row = (name: RegExp) => within(table).getByRole('rowheader', { name }).closest('tr')!;
  // Clause 1 applies to the company only; clause 3 to the association only; clause 2 is information for both.
  expect(row(/（一）/)).toHaveTextContent('✓ 适用');
  expect(row(/（一）/)).toHaveTextContent('≠ 结论不同');
  expect(row(/（一）/)).toHaveClass('differs');
  expect(row(/（三）/)).toHaveTextContent('≠ 结论不同');
  expect(row(/（二）/)).toHaveTextContent('相同');
  expect(row(/（二）/)).not.toHaveClass('differs');
  expect(screen.getByText('2 个条款的结论不同。')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '返回列表' }));
  expect(await screen.findByRole('list', { name: '已保存的评估' })).toBeInTheDocument();
});

it('marks a clause whose verdicts are alike but whose support items differ, and names those items', async () => {
  const user = userEvent.setup();
  // Both companies get clause 1; to the exporter a second of its items applies too.
  const exporter = { ...company, company_name: '出口盒子', exports: true, export_share: 60 };
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子', '2026-01-02T00:00:00Z'), savedAssessment(fixture, exporter, '出口盒子', '2026-01-01T00:00:00Z')]);
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('checkbox', { name: /绿盒子/ }));
  await user.click(screen.getByRole('checkbox', { name: /出口盒子/ }));
  await user.click(screen.getByRole('button', { name: '比较所选（2）' }));
  const table = screen.getByRole('table', { name: '各条款的结论（每列一位填写者）' });
  const row = within(table).getByRole('rowheader', { name: /（一）/ }).closest('tr')!;
  expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['✓ 适用', '✓ 适用', '≠ 支持事项不同：采用国际绿色包装标准']);
  expect(row).toHaveClass('differs');
  expect(screen.getByText('所有条款的结论都相同，但 1 个条款中的支持事项结论不同。')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '返回列表' }));
  expect(await screen.findByRole('list', { name: '已保存的评估' })).toBeInTheDocument();
});

it("is left by the browser's Back for the list, selection kept; Forward and a reload show it again, while what it compares is saved", async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子', '2026-01-02T00:00:00Z'), savedAssessment(fixture, association, '包装协会', '2026-01-01T00:00:00Z')]);
  const { unmount } = render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('checkbox', { name: /绿盒子/ }));
  await user.click(screen.getByRole('checkbox', { name: /包装协会/ }));
  await user.click(screen.getByRole('button', { name: '比较所选（2）' }));
  const comparison = () => screen.getByRole('heading', { level: 1, name: '比较评估' });
  expect(comparison()).toHaveFocus();

  await press('back');
  expect(await screen.findByRole('list', { name: '已保存的评估' })).toBeInTheDocument();
  expect(screen.getByRole('checkbox', { name: /绿盒子/ })).toBeChecked();
  await waitFor(() => expect(screen.getByRole('button', { name: '比较所选（2）' })).toHaveFocus());
  await press('forward');
  expect(comparison()).toBeInTheDocument();

  // A reload on the comparison's entry: the list is read again, then the comparison shown.
  unmount();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  expect(await screen.findByRole('heading', { level: 1, name: '比较评估' })).toBeInTheDocument();
  expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['条款', '绿盒子', '包装协会', '差异']);

  // One of them deleted meanwhile: Forward to the comparison shows the list.
  await user.click(screen.getByRole('button', { name: '返回列表' }));
  expect(await screen.findByRole('list', { name: '已保存的评估' })).toBeInTheDocument();
  await store.delete((await store.list()).find((i) => i.name === '包装协会')!.id);
  cleanup();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await screen.findByRole('list', { name: '已保存的评估' });
  // Forward comes straight back to the list, which says why (the entry is left behind: Forward to it again does the same).
  await act(async () => {
    const returned = new Promise((resolve) => {
      let n = 0;
      window.addEventListener('popstate', function count() {
        if ((n += 1) === 2) resolve(window.removeEventListener('popstate', count));
      });
    });
    window.history.forward();
    await returned;
  });
  expect(await screen.findByRole('alert')).toHaveTextContent('无法再显示这次比较：其中有评估已被删除。');
  expect(screen.getByRole('list', { name: '已保存的评估' })).toBeInTheDocument();
  expect(screen.queryByRole('heading', { level: 1, name: '比较评估' })).not.toBeInTheDocument();
});

it('keeps what is ticked over a visit to another view, and its own button in the navigation returns from the comparison to the list', async () => {
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子', '2026-01-02T00:00:00Z'), savedAssessment(fixture, association, '包装协会', '2026-01-01T00:00:00Z')]);
  render(
    <WorkspaceStoreProvider store={store}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );
  const nav = (name: string) => within(screen.getByRole('navigation', { name: '功能' })).getByRole('button', { name });
  // Not user-event: a screen that suspends inside its act() is never retried in jsdom (React 19).
  fireEvent.click(nav('工作区'));
  fireEvent.click(await screen.findByRole('checkbox', { name: /绿盒子/ }));
  fireEvent.click(screen.getByRole('checkbox', { name: /包装协会/ }));
  // Another view and back by the navigation: still ticked.
  fireEvent.click(nav('自测'));
  await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: '工作区' })).not.toBeInTheDocument());
  fireEvent.click(nav('工作区'));
  expect(await screen.findByRole('button', { name: '比较所选（2）' })).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: '比较所选（2）' }));
  expect(await screen.findByRole('heading', { level: 1, name: '比较评估' })).toBeInTheDocument();

  fireEvent.click(nav('自测'));
  await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: '比较评估' })).not.toBeInTheDocument());
  await press('back');
  expect(await screen.findByRole('heading', { level: 1, name: '比较评估' })).toBeInTheDocument();
  await press('back');
  expect(await screen.findByRole('button', { name: '比较所选（2）' })).toBeInTheDocument();
  expect(screen.getByRole('checkbox', { name: /绿盒子/ })).toBeChecked();
  expect(screen.getByRole('checkbox', { name: /包装协会/ })).toBeChecked();

  fireEvent.click(screen.getByRole('button', { name: '比较所选（2）' }));
  expect(await screen.findByRole('heading', { level: 1, name: '比较评估' })).toBeInTheDocument();
  await act(async () => {
    const moved = popState();
    fireEvent.click(nav('工作区'));
    await moved;
  });
  expect(await screen.findByRole('button', { name: '比较所选（2）' })).toBeInTheDocument();
  expect(screen.queryByRole('heading', { level: 1, name: '比较评估' })).not.toBeInTheDocument();
});

it('imports an assessment a file holds twice once, and says that the second is the same as the first, not that it was already in the workspace', async () => {
  const user = userEvent.setup();
  const source = new MemoryStore([savedAssessment(fixture, company, '绿盒子'), savedAssessment(fixture, association, '包装协会')]);
  const { unmount } = render(wrap(source, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('button', { name: '导出全部（JSON）' }));
  const [first, second] = JSON.parse(await downloads[0]!.text);
  unmount();

  const store = new MemoryStore();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  const twice = JSON.stringify([first, second, first]);
  await user.upload(await screen.findByLabelText('导入工作区文件（JSON）'), new File([twice], 'twice.json', { type: 'application/json' }));
  expect(await screen.findByText('已导入 2 条评估。文件中有 1 条与前面的一条相同（名称、答案和政策版本都相同），按同一条计。')).toBeInTheDocument();
  expect(await store.list()).toHaveLength(2);
});

it("keeps each entry's dates through an export and an import, and says which entries were made under other rules", async () => {
  const user = userEvent.setup();
  const source = new MemoryStore([
    { ...savedAssessment(fixture, company, '绿盒子', '2026-03-01T08:00:00.000Z'), updatedAt: '2026-04-02T09:00:00.000Z' },
    savedAssessment(fixture, association, '包装协会', '2026-05-03T10:00:00.000Z'),
  ]);
  const { unmount } = render(wrap(source, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('button', { name: '导出全部（JSON）' }));
  const files = JSON.parse(await downloads[0]!.text);
  unmount();
  expect(files.map((f: { savedAt: string; updatedAt: string }) => [f.savedAt, f.updatedAt]).sort()).toEqual([
    ['2026-03-01T08:00:00.000Z', '2026-04-02T09:00:00.000Z'],
    ['2026-05-03T10:00:00.000Z', '2026-05-03T10:00:00.000Z'],
  ]);
  // One entry edited to name another version of the rules.
  const older = files.map((f: { respondentName: string; rulebook: object }) => (f.respondentName === '包装协会' ? { ...f, rulebook: { ...f.rulebook, version: '0.9.0' } } : f));

  const store = new MemoryStore();
  render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.upload(await screen.findByLabelText('导入工作区文件（JSON）'), new File([JSON.stringify(older)], 'workspace.json', { type: 'application/json' }));
  expect(await screen.findByText(/^已导入 2 条评估。文件中有 1 条是按其他版本的规则（demo-packaging v0\.9\.0 · [0-9a-f]{12}）保存的，已按当前规则重新评估，结论可能与保存时不同。$/)).toBeInTheDocument();
  const imported = await store.list();
  expect(imported.map((i) => [i.name, i.savedAt, i.updatedAt])).toEqual([
    ['包装协会', '2026-05-03T10:00:00.000Z', '2026-05-03T10:00:00.000Z'],
    ['绿盒子', '2026-03-01T08:00:00.000Z', '2026-04-02T09:00:00.000Z'],
  ]);
  expect(within(list()).getAllByRole('listitem')[1]).toHaveTextContent('保存于 2026年4月2日');
  // Its facts are read one by one, not run together.
  expect(within(list()).getAllByRole('listitem')[1]).toHaveTextContent(/保存于 2026年4月2日；demo-packaging 版本 [\d.]+；适用条款：\d+ 条/);
});

it('exports the workspace as JSON and imports it back into another browser', async () => {
  const user = userEvent.setup();
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子'), savedAssessment(fixture, association, '包装协会')]);
  const { unmount } = render(wrap(store, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  await user.click(await screen.findByRole('button', { name: '导出全部（JSON）' }));
  expect(downloads[0]!.name).toMatch(/^policy-self-check_workspace_\d{4}-\d\d-\d\d\.json$/);
  const text = await downloads[0]!.text;
  const files = JSON.parse(text);
  expect(files).toHaveLength(2);
  expect(files.map((f: { format: string }) => f.format)).toEqual(['policy-self-check/assessment', 'policy-self-check/assessment']);
  await user.click(screen.getByRole('button', { name: '导出 JSON “绿盒子”' }));
  expect(JSON.parse(await downloads[1]!.text)).toMatchObject({ respondentName: '绿盒子', answers: company });
  unmount();

  const other = new MemoryStore();
  render(wrap(other, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  expect(await screen.findByText(/工作区还是空的/)).toBeInTheDocument();
  // A bad file first: nothing is added, and each problem is named.
  const bad = JSON.stringify([files[0], { ...files[1], answers: { kind: 'robot' } }]);
  await user.upload(screen.getByLabelText('导入工作区文件（JSON）'), new File([bad], 'bad.json', { type: 'application/json' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('文件未导入，工作区没有变化');
  // Said beside the import, at the foot of the page where the user is, not at the top of the screen.
  const follows = (earlier: Element, later: Element) => Boolean(earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING);
  expect(follows(screen.getByLabelText('导入工作区文件（JSON）'), alert)).toBe(true);
  // The entry by its place and by the name the file gives it.
  expect(alert).toHaveTextContent(`第 2 条（“${files[1].respondentName}”）：文件中的回答与当前问卷不符（1 处问题）。`);
  expect(alert).toHaveTextContent('answers.kind');
  expect(await other.list()).toEqual([]);

  await user.upload(screen.getByLabelText('导入工作区文件（JSON）'), new File([text], 'workspace.json', { type: 'application/json' }));
  expect(await screen.findByText('已导入 2 条评估。')).toBeInTheDocument();
  expect(follows(list(), screen.getByText('已导入 2 条评估。'))).toBe(true);
  expect(follows(screen.getByLabelText('导入工作区文件（JSON）'), screen.getByText('已导入 2 条评估。'))).toBe(true);
  expect(names().sort()).toEqual(['包装协会', '绿盒子'].sort());
  const imported = await other.list();
  expect(imported.map((i) => i.answers).sort((a, b) => String(a.kind).localeCompare(String(b.kind)))).toEqual([association, company]);

  // The same file again: nothing is doubled, and the list says why.
  await user.upload(screen.getByLabelText('导入工作区文件（JSON）'), new File([text], 'workspace.json', { type: 'application/json' }));
  expect(await screen.findByText('已导入 0 条评估；2 条已在工作区中（名称、答案和政策版本都相同），没有重复导入。')).toBeInTheDocument();
  expect(await other.list()).toHaveLength(2);

  // A failed import after a good one: only the failure is shown, not the earlier success beside it; in the user's words.
  await user.upload(screen.getByLabelText('导入工作区文件（JSON）'), new File(['[{"format": '], 'broken.json', { type: 'application/json' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('文件未导入，工作区没有变化：这不是 JSON 文件：可能选错了文件，或文件没有完整保存。');
  expect(screen.queryByText(/已导入/)).not.toBeInTheDocument();
  await user.upload(screen.getByLabelText('导入工作区文件（JSON）'), new File([''], 'empty.json', { type: 'application/json' }));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('文件未导入，工作区没有变化：文件是空的。'));
  await user.upload(screen.getByLabelText('导入工作区文件（JSON）'), new File(['[]'], 'none.json', { type: 'application/json' }));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('文件未导入，工作区没有变化：文件里没有任何评估。'));
  // Some other JSON: said in words, without the checker's English about the file's format.
  await user.upload(screen.getByLabelText('导入工作区文件（JSON）'), new File(['{"hello": 1}'], 'other.json', { type: 'application/json' }));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('这不是“政策自测”导出的评估文件。'));
  expect(screen.getByRole('alert')).not.toHaveTextContent('format');
});

it('keeps working and says why when the browser refuses storage', async () => {
  const user = userEvent.setup();
  const refusing = new MemoryStore([], true);
  const { unmount } = render(wrap(refusing, <Workspace rulebooks={[fixture]} onOpen={vi.fn()} />));
  expect(await screen.findByRole('alert')).toHaveTextContent('本浏览器不允许保存数据');
  expect(screen.getByLabelText('导入工作区文件（JSON）')).toBeInTheDocument();
  unmount();
  render(wrap(refusing, <SaveToWorkspaceButton rulebook={fixture} answers={company} />));
  await user.click(screen.getByRole('button', { name: '保存到工作区' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('自测仍可正常使用');
});

it('an assessment opened from the workspace says so, not that a file was imported', async () => {
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子')]);
  render(wrap(store, <App rulebooks={[fixture]} />));
  // Not user-event: a screen that suspends inside its act() is never retried in jsdom (React 19).
  fireEvent.click(screen.getByRole('button', { name: '工作区' }));
  fireEvent.click(await screen.findByRole('button', { name: '打开 “绿盒子”' }));
  expect(await screen.findByText('已打开工作区中保存的评估，并按当前规则重新评估。')).toBeInTheDocument();
  expect(screen.queryByText(/已导入评估文件/)).not.toBeInTheDocument();
});

it('names each entry by its policy title when the app holds several policies', async () => {
  const copy = { ...fixture, meta: { ...fixture.meta, id: 'demo-copy', title: { zh: '示例区绿色包装办法', en: 'Demo District Green Packaging' }, version: '0.1.0' } };
  const store = new MemoryStore([savedAssessment(fixture, company, '绿盒子', '2026-01-01T00:00:00Z'), savedAssessment(copy, association, '包装协会', '2026-01-02T00:00:00Z')]);
  render(wrap(store, <Workspace rulebooks={[fixture, copy]} onOpen={vi.fn()} />));
  await screen.findAllByRole('listitem');
  const entry = (name: string) => within(list()).getAllByRole('listitem').find((li) => li.querySelector('.workspace-name')!.textContent === name)!;
  expect(entry('绿盒子')).toHaveTextContent('示例市绿色包装促进办法 版本 1.2.3');
  expect(entry('包装协会')).toHaveTextContent('示例区绿色包装办法 版本 0.1.0');
});
