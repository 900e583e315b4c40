// @vitest-environment jsdom
/**
 * A workspace with thousands of saved assessments (an association adds its batch members): one page of
 * 50 is rendered and assessed, with a count and page controls; search by name; the selection for
 * comparison holds across pages; open, delete and undo work on any page.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageProvider } from '@/app/language';
import type * as Engine from '@/engine';
import { assess } from '@/engine';
import { MemoryStore, savedAssessment } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { Workspace } from '@/features/workspace/workspace';
import { fixture } from '../engine/helpers';

vi.mock('@/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof Engine>();
  return { ...engine, assess: vi.fn(engine.assess) };
});

const COUNT = 5000;
const name = (n: number) => `会员 ${String(n).padStart(4, '0')}`;
/** Saved at the same moment: the list is then in name order. */
const store = () =>
  new MemoryStore(Array.from({ length: COUNT }, (_, i) => savedAssessment(fixture, { kind: i % 2 ? 'association' : 'company', located_here: true }, name(i + 1), '2026-01-02T00:00:00Z')));

const list = () => screen.getByRole('list', { name: '已保存的评估' });
const names = () => within(list()).getAllByRole('listitem').map((li) => li.querySelector('.workspace-name')!.textContent);
const pager = () => screen.getByRole('navigation', { name: '分页' });
/**
 * With 5,000 entries a role query over the whole page takes seconds in jsdom (every button's name and
 * visibility): find the entry by its name, then query by role inside it; page-wide buttons by their text.
 */
const entry = (name: string) => screen.getByText(name, { selector: '.workspace-name' }).closest('li')!;
const button = (text: string) => screen.getByText(text, { selector: 'button' });

function renderWorkspace(workspace = store(), onOpen = vi.fn()) {
  render(
    <LanguageProvider>
      <WorkspaceStoreProvider store={workspace}>
        <Workspace rulebooks={[fixture]} onOpen={onOpen} />
      </WorkspaceStoreProvider>
    </LanguageProvider>,
  );
  return { workspace, onOpen };
}

beforeEach(() => {
  vi.mocked(assess).mockClear();
});

it('renders and assesses one page of 50 out of 5,000, with the count and the page', { timeout: 60_000 }, async () => {
  renderWorkspace();
  await screen.findByRole('list', { name: '已保存的评估' });
  expect(within(list()).getAllByRole('listitem')).toHaveLength(50);
  expect(names()[0]).toBe('会员 0001');
  expect(names()[49]).toBe('会员 0050');
  expect(screen.getByText('显示第 1–50 条，共 5000 条评估')).toBeInTheDocument();
  expect(within(pager()).getByText('第 1 / 100 页')).toBeInTheDocument();
  expect(within(pager()).getByRole('button', { name: '上一页' })).toBeDisabled();
  // The same controls below the list, as their own landmark.
  expect(within(screen.getByRole('navigation', { name: '分页（列表下方）' })).getByText('第 1 / 100 页')).toBeInTheDocument();
  // Only the page shown is assessed (React may render it twice), not the 5,000.
  expect(vi.mocked(assess).mock.calls.length).toBeLessThanOrEqual(100);
  expect(within(list()).getAllByRole('checkbox')).toHaveLength(50);
});

it('keeps the selection across pages and compares assessments chosen on different pages', { timeout: 60_000 }, async () => {
  const user = userEvent.setup();
  renderWorkspace();
  await screen.findByRole('list', { name: '已保存的评估' });
  await user.click(within(entry('会员 0001')).getByRole('checkbox', { name: /会员 0001/ }));
  await user.click(within(pager()).getByRole('button', { name: '下一页' }));
  expect(names()[0]).toBe('会员 0051');
  expect(screen.getByText('显示第 51–100 条，共 5000 条评估')).toBeInTheDocument();
  expect(within(pager()).getByRole('button', { name: '下一页' })).toHaveFocus();
  await user.click(within(entry('会员 0052')).getByRole('checkbox', { name: /会员 0052/ }));
  await user.click(within(pager()).getByRole('button', { name: '上一页' }));
  // Back on page 1 the first choice is still checked; the focus stays in the pager.
  expect(within(entry('会员 0001')).getByRole('checkbox')).toBeChecked();
  await waitFor(() => expect(within(pager()).getByRole('button', { name: '下一页' })).toHaveFocus());
  await user.click(button('比较所选（2）'));
  const table = screen.getByRole('table', { name: '各条款的结论（每列一位填写者）' });
  expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['条款', '会员 0001', '会员 0052', '差异']);
  await user.click(screen.getByRole('button', { name: '返回列表' }));
  expect(await screen.findByText('比较所选（2）', { selector: 'button' })).toBeInTheDocument();
  await user.click(button('清除选择'));
  expect(button('比较所选（0）')).toBeInTheDocument();
});

it('opens, deletes and restores an assessment on a later page, and stays on that page', { timeout: 60_000 }, async () => {
  const user = userEvent.setup();
  const { workspace, onOpen } = renderWorkspace();
  await screen.findByRole('list', { name: '已保存的评估' });
  await user.click(within(pager()).getByRole('button', { name: '下一页' }));
  await user.click(within(pager()).getByRole('button', { name: '下一页' }));
  expect(within(pager()).getByText('第 3 / 100 页')).toBeInTheDocument();

  await user.click(within(entry('会员 0123')).getByRole('button', { name: '打开 “会员 0123”' }));
  expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ respondentName: '会员 0123', rulebook: fixture }));

  await user.click(within(entry('会员 0120')).getByRole('button', { name: '删除 “会员 0120”' }));
  expect(await screen.findByText('已删除“会员 0120”。')).toBeInTheDocument();
  expect(screen.getByText('显示第 101–150 条，共 4999 条评估')).toBeInTheDocument();
  expect(names()).not.toContain('会员 0120');
  expect(names()[49]).toBe('会员 0151');
  expect(await workspace.list()).toHaveLength(4999);

  await user.click(button('撤销删除'));
  expect(await screen.findByText('已恢复“会员 0120”。')).toBeInTheDocument();
  expect(within(pager()).getByText('第 3 / 100 页')).toBeInTheDocument();
  expect(names()).toContain('会员 0120');
  expect(await workspace.list()).toHaveLength(5000);
});

it('searches by name, pages through the matches, and shows the last page that is left after a delete', { timeout: 60_000 }, async () => {
  const user = userEvent.setup();
  const associations = Array.from({ length: 51 }, (_, i) => savedAssessment(fixture, { kind: 'association' }, `协会 ${String(i + 1).padStart(2, '0')}`, '2026-01-01T00:00:00Z'));
  const workspace = store();
  await workspace.putMany(associations);
  renderWorkspace(workspace);
  await screen.findByRole('list', { name: '已保存的评估' });
  expect(screen.getByText('显示第 1–50 条，共 5051 条评估')).toBeInTheDocument();
  await user.click(within(pager()).getByRole('button', { name: '下一页' }));
  // A search starts on its first page.
  await user.type(screen.getByRole('searchbox', { name: '按名称搜索' }), '协会');
  await waitFor(() => expect(screen.getByText('显示第 1–50 条，共 51 条评估')).toBeInTheDocument());
  expect(names()[0]).toBe('协会 01');
  await user.click(within(pager()).getByRole('button', { name: '下一页' }));
  expect(names()).toEqual(['协会 51']);
  // "Next" is disabled on the last page: the focus moves to "Previous".
  await waitFor(() => expect(within(pager()).getByRole('button', { name: '上一页' })).toHaveFocus());

  // Deleting the last page's only item shows the page before, now the only one.
  await user.click(within(entry('协会 51')).getByRole('button', { name: '删除 “协会 51”' }));
  expect(await screen.findByText('已删除“协会 51”。')).toBeInTheDocument();
  expect(screen.getByText('显示第 1–50 条，共 50 条评估')).toBeInTheDocument();
  expect(screen.queryByRole('navigation', { name: '分页' })).not.toBeInTheDocument();

  await user.clear(screen.getByRole('searchbox', { name: '按名称搜索' }));
  await user.type(screen.getByRole('searchbox', { name: '按名称搜索' }), '没有这个');
  await waitFor(() => expect(screen.getByText('没有名称包含“没有这个”的评估。')).toBeInTheDocument());
  expect(within(list()).queryAllByRole('listitem')).toHaveLength(0);
});
