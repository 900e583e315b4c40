// @vitest-environment jsdom
/**
 * A consultant opens a client's saved assessment from the workspace, changes an answer and saves: the entry
 * opened is updated, under the name it has in the workspace, rather than a copy being added beside it; "save as
 * new" adds one; the same answers are never saved twice. What counts is the answers to the questions asked (an
 * entry may hold others). The link to the entry survives a reload.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { MemoryStore, savedAssessment } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { sessionKey } from '@/features/wizard/persistence';
import type { Answers } from '@/rulebook/schema';
import { fixture } from '../engine/helpers';

const client = { kind: 'company', located_here: true, company_name: '绿盒子', degradable: true, exports: true, export_share: 30, staff: 12 };

let store: MemoryStore;
const renderApp = () =>
  render(
    <WorkspaceStoreProvider store={store}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );

/** A client's entry, opened: the workspace holds it, and the interview is at its results. */
function seed(answers: Answers) {
  // Renamed in the workspace: its name there is not the respondent's name among the answers.
  const entry = savedAssessment(fixture, answers, '绿盒子（武清厂）', '2026-01-01T00:00:00Z');
  store = new MemoryStore([entry]);
  // As the workspace's "open" leaves it (tests/workspace/workspace.test.tsx checks what it hands over): the
  // interview at the results, linked to the entry.
  localStorage.setItem(
    sessionKey('demo-packaging'),
    JSON.stringify({ version: 1, rulebook: 'demo-packaging', hash: fixture.hash, answers, at: { at: 'results' }, entry: { id: entry.id, name: entry.name }, savedAt: '2026-01-01' }),
  );
}

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  seed(client);
});

async function openAtResults() {
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
}

it('updates the entry opened, under its workspace name, once an answer has changed; unchanged, there is nothing to update', async () => {
  const user = userEvent.setup();
  await openAtResults();
  expect(screen.getByText('这份评估对应工作区中的“绿盒子（武清厂）”：修改回答后可以更新它，或另存为新的评估。')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '更新工作区中的“绿盒子（武清厂）”' }));
  expect(await screen.findByText('工作区中的“绿盒子（武清厂）”已是这些回答，无需更新。')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '查看或修改回答' }));
  await user.click(await screen.findByRole('button', { name: '修改：出口占销售额的比重' }));
  await user.clear(screen.getByLabelText(/出口占销售额的比重/));
  await user.type(screen.getByLabelText(/出口占销售额的比重/), '75');
  await user.click(screen.getByRole('button', { name: '保存并返回' }));
  await user.click(await screen.findByRole('button', { name: '查看结果' }));
  await user.click(await screen.findByRole('button', { name: '更新工作区中的“绿盒子（武清厂）”' }));
  expect(await screen.findByText('已更新工作区中的“绿盒子（武清厂）”。')).toBeInTheDocument();

  const entries = await store.list();
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ name: '绿盒子（武清厂）', savedAt: '2026-01-01T00:00:00Z', answers: { ...client, export_share: 75 } });
  expect(entries[0]!.updatedAt > '2026-01-01T00:00:00Z').toBe(true);
});

it('finds nothing to update in an entry holding an answer to a question no longer asked; an answer dropped by a change is an update', async () => {
  const user = userEvent.setup();
  // Imported from an answers file (or saved before only the answers asked were kept): the share of exports, of a
  // client who does not export — the interview does not ask it, and the results do not show it.
  seed({ ...client, exports: false });
  await openAtResults();
  await user.click(screen.getByRole('button', { name: '更新工作区中的“绿盒子（武清厂）”' }));
  expect(await screen.findByText('工作区中的“绿盒子（武清厂）”已是这些回答，无需更新。')).toBeInTheDocument();
  // Left as it was.
  expect(await store.list()).toMatchObject([{ answers: { ...client, exports: false }, updatedAt: '2026-01-01T00:00:00Z' }]);

  // The client exports after all: the share kept in the interview is asked again, with its answer, and saved.
  const exports = async (answer: '是' | '否') => {
    await user.click(screen.getByRole('button', { name: '查看或修改回答' }));
    await user.click(await screen.findByRole('button', { name: '修改：是否出口？' }));
    await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: answer }));
    await user.click(screen.getByRole('button', { name: '保存并返回' }));
    await user.click(await screen.findByRole('button', { name: '查看结果' }));
    const update = await screen.findByRole('button', { name: '更新工作区中的“绿盒子（武清厂）”' });
    // (What the last update said is gone with the results left.)
    expect(screen.queryByText(/已更新|无需更新/)).not.toBeInTheDocument();
    await user.click(update);
  };
  await exports('是');
  expect(await screen.findByText('已更新工作区中的“绿盒子（武清厂）”。')).toBeInTheDocument();
  expect((await store.list())[0]!.answers).toMatchObject(client);
  // Then it does not: its share is no longer asked, and the update leaves it out.
  await exports('否');
  expect(await screen.findByText('已更新工作区中的“绿盒子（武清厂）”。')).toBeInTheDocument();
  const { answers } = (await store.list())[0]!;
  const { export_share: _dropped, ...rest } = client;
  expect(answers).toMatchObject({ ...rest, exports: false });
  expect(answers).not.toHaveProperty('export_share');
});

it('saves as a new assessment beside the entry opened, once; the same answers again are not saved twice', async () => {
  const user = userEvent.setup();
  await openAtResults();
  await user.click(screen.getByRole('button', { name: '另存为新的评估' }));
  expect(await screen.findByText('已将“绿盒子”保存到工作区。')).toBeInTheDocument();
  // From now on "update" is about the new entry, which it names (not as one opened from the workspace: it was just saved).
  expect(screen.getByText('这份评估对应工作区中的“绿盒子”：修改回答后可以更新它，或另存为新的评估。')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '另存为新的评估' }));
  expect(await screen.findByText('“绿盒子”已在工作区中（名称、答案和政策版本都相同），没有重复保存。')).toBeInTheDocument();
  expect((await store.list()).map((e) => e.name).sort()).toEqual(['绿盒子', '绿盒子（武清厂）'].sort());
});

it('still offers to update the entry after a reload, and saves anew when the entry has been deleted meanwhile', async () => {
  const user = userEvent.setup();
  await openAtResults();
  cleanup();
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  const update = await screen.findByRole('button', { name: '更新工作区中的“绿盒子（武清厂）”' });

  await store.delete((await store.list())[0]!.id);
  await user.click(update);
  expect(await screen.findByText('工作区中已没有“绿盒子（武清厂）”（可能已被删除），已将这些回答另存为“绿盒子”。')).toBeInTheDocument();
  expect((await store.list()).map((e) => e.name)).toEqual(['绿盒子']);
});

it('names the entry as the workspace has it now: renamed there since it was opened, by its new name; deleted, it is offered no more', async () => {
  const user = userEvent.setup();
  const [entry] = await store.list();
  await store.rename(entry!.id, '绿盒子包装有限公司', fixture.meta.respondentNameQuestion);
  await openAtResults();
  expect(await screen.findByText('这份评估对应工作区中的“绿盒子包装有限公司”：修改回答后可以更新它，或另存为新的评估。')).toBeInTheDocument();
  expect(screen.queryByText(/绿盒子（武清厂）/)).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '更新工作区中的“绿盒子包装有限公司”' }));
  expect(await screen.findByText('已更新工作区中的“绿盒子包装有限公司”。')).toBeInTheDocument();
  cleanup();

  await store.delete(entry!.id);
  await openAtResults();
  expect(await screen.findByRole('button', { name: '保存到工作区' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /^更新工作区中的/ })).not.toBeInTheDocument();
  expect(screen.queryByText(/这份评估对应工作区中的/)).not.toBeInTheDocument();
});

it('forgets the entry on "start again": a new interview is not saved over it', async () => {
  const user = userEvent.setup();
  await openAtResults();
  await user.click(screen.getByRole('button', { name: '查看或修改回答' }));
  await screen.findByRole('button', { name: '查看结果' });
  expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).entry).toMatchObject({ name: '绿盒子（武清厂）' });
  await user.click(screen.getByRole('button', { name: '重新开始' }));
  await user.click(await screen.findByRole('button', { name: '清除并重新开始' }));
  expect(await screen.findByRole('button', { name: '开始' })).toBeInTheDocument();
  expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging')) ?? '{}').entry).toBeUndefined();
});
