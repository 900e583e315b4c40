// @vitest-environment jsdom
/**
 * Opening a share link someone sent: it must not wipe out an interview under way in this browser without
 * asking, and a link pasted into the tab where the app is already open must open too (no reload happens).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { sessionKey } from '@/features/wizard/persistence';
import { MemoryStore } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { encodeShareFragment } from '@/share/share-link';
import { popState, press } from '../browser-history';
import { fixture } from '../engine/helpers';

const shared = { kind: 'company', located_here: true, company_name: '绿盒子', degradable: true, exports: true, export_share: 30, staff: 12 };
const mine = { kind: 'company', located_here: true, company_name: '我的公司' };
const saveSession = (answers: object) =>
  localStorage.setItem(sessionKey('demo-packaging'), JSON.stringify({ version: 1, rulebook: 'demo-packaging', hash: fixture.hash, answers, at: { at: 'step', step: 'packaging' }, savedAt: '2026-01-01' }));
const sessionAnswers = () => JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers;
const QUESTION = /这个分享链接包含别人分享给您的回答/;

let store: MemoryStore;
const renderApp = () =>
  render(
    <WorkspaceStoreProvider store={store}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );

beforeEach(() => {
  localStorage.clear();
  store = new MemoryStore();
  window.history.replaceState(null, '', `/#${encodeShareFragment(fixture, shared)}`);
});

it('asks before a link replaces an interview under way; keeping it leaves the interview as it was', async () => {
  const user = userEvent.setup();
  saveSession(mine);
  renderApp();
  const question = await screen.findByRole('alertdialog', { name: QUESTION });
  expect(screen.getByRole('button', { name: '先把进行中的自测保存到工作区，再打开' })).toHaveFocus();
  // The question is the page: its heading is the page's only one shown.
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('打开分享的链接？');
  expect(screen.queryByRole('heading', { name: '您的结果' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '不打开链接，继续我的自测' }));
  expect(question).not.toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: '打开分享的链接？' })).not.toBeInTheDocument();
  expect(sessionAnswers()).toEqual(mine);
  expect(await screen.findByRole('heading', { level: 1 })).toBeVisible();
  expect(screen.queryByText('已打开分享链接中的回答。')).not.toBeInTheDocument();
  expect(window.location.hash).toBe('');
});

it('opens the link without saving when asked to: the shared answers become the interview', async () => {
  const user = userEvent.setup();
  saveSession(mine);
  renderApp();
  await user.click(await screen.findByRole('button', { name: '不保存，直接打开' }));
  expect(await screen.findByText('已打开分享链接中的回答。')).toBeInTheDocument();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  // The button pressed is gone: the focus is on the results' heading, not on the page.
  await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: '您的结果' })).toHaveFocus());
  expect(sessionAnswers()).toEqual(shared);
  expect(await store.list()).toEqual([]);
});

it('saves the interview under way to the workspace first, under its respondent name, then opens the link', async () => {
  const user = userEvent.setup();
  saveSession(mine);
  renderApp();
  await user.click(await screen.findByRole('button', { name: '先把进行中的自测保存到工作区，再打开' }));
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  expect((await store.list()).map((e) => [e.name, e.answers])).toEqual([['我的公司', mine]]);
  expect(sessionAnswers()).toEqual(shared);
});

it('opens a link at once when no interview is under way, or when it holds the same answers', async () => {
  saveSession(shared);
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

it('opens a link at once when the interview differs from it only in an answer to a question it no longer asks', async () => {
  // The link made from this interview's results: the share of exports, asked before "exports" became "no", is not in it.
  const noExports = { ...shared, exports: false, export_share: undefined };
  window.history.replaceState(null, '', `/#${encodeShareFragment(fixture, JSON.parse(JSON.stringify(noExports)))}`);
  saveSession({ ...noExports, export_share: 30 });
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

it('opens a link pasted into the tab where the app is already open', async () => {
  window.history.replaceState(null, '', '/');
  renderApp();
  expect(await screen.findByRole('button', { name: '开始' })).toBeInTheDocument();
  act(() => {
    window.history.replaceState(null, '', `/#${encodeShareFragment(fixture, shared)}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  expect(await screen.findByText('已打开分享链接中的回答。')).toBeInTheDocument();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  expect(window.location.hash).toBe('');
  expect(sessionAnswers()).toEqual(shared);
});

it('asks about a link pasted into the open tab too, and keeping the interview keeps it where it was', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', '/');
  await startAsCompany(user);
  paste(encodeShareFragment(fixture, shared));
  await user.click(await screen.findByRole('button', { name: '不打开链接，继续我的自测' }));
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeVisible();
  // The button pressed is gone: the focus is on the screen shown again.
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
  expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();
  expect(sessionAnswers()).toEqual({ kind: 'company' });
});

/** A link pasted into the address bar of the open tab: a new history entry, holding nothing, and its popstate and hashchange (as Chromium sends them). */
function paste(fragment: string) {
  act(() => {
    window.history.pushState(null, '', `/#${fragment}`);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

it('after keeping the interview over a pasted link, Back goes to the screen before, not to the same screen again', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', '/');
  await startAsCompany(user);
  paste(encodeShareFragment(fixture, shared));
  const left = popState();
  await user.click(await screen.findByRole('button', { name: '不打开链接，继续我的自测' }));
  await act(() => left);
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeVisible();

  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
});

it('a broken link pasted over an interview leaves it where it was, and says so', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', '/');
  await startAsCompany(user);
  const fragment = encodeShareFragment(fixture, shared);
  // The app goes back from the entry the paste made (see the test above): the next popstate.
  let left = popState();
  paste(fragment.slice(0, 10) + (fragment[10] === 'A' ? 'B' : 'A') + fragment.slice(11));
  const alert = await screen.findByRole('alert');
  await act(() => left);
  expect(alert).toHaveTextContent('这个分享链接已损坏或被修改，无法读取。您正在进行的自测没有改变。');
  // It takes the focus: the page may be scrolled far below it.
  expect(alert).toHaveFocus();
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeVisible();
  expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();
  expect(sessionAnswers()).toEqual({ kind: 'company' });

  await user.click(within(alert).getByRole('button', { name: '关闭提示' }));
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();

  // Not dismissed, it goes when another screen is shown: it was about the screen it came over.
  left = popState();
  paste('psc1.broken');
  expect(await screen.findByRole('alert')).toBeInTheDocument();
  await act(() => left);
  await user.click(within(screen.getByRole('group', { name: '是否位于示例市？' })).getByRole('radio', { name: '是' }));
  await user.click(screen.getByRole('button', { name: '下一步' }));
  expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

it('"start again" after a link pasted into the open tab goes back past the interview before it too', async () => {
  const user = userEvent.setup();
  window.history.replaceState({ pageBefore: true }, '', '/');
  window.history.pushState(null, '', '/');
  await startAsCompany(user);
  await user.click(within(screen.getByRole('group', { name: '是否位于示例市？' })).getByRole('radio', { name: '是' }));
  await user.click(screen.getByRole('button', { name: '下一步' }));
  paste(encodeShareFragment(fixture, shared));
  await user.click(await screen.findByRole('button', { name: '不保存，直接打开' }));
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();

  await startAgain(user);
  expect(await screen.findByRole('button', { name: '开始' })).toBeInTheDocument();
  await press('back');
  expect(window.history.state).toEqual({ pageBefore: true });
  expect(screen.queryByRole('heading', { level: 1, name: '包装' })).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
});

it('Forward to the entry of a pasted link that was not opened comes straight back', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', '/');
  await startAsCompany(user);
  const kept = window.history.state;
  paste(encodeShareFragment(fixture, shared));
  const left = popState();
  await user.click(await screen.findByRole('button', { name: '不打开链接，继续我的自测' }));
  await act(() => left);
  const forward = popState();
  const bounced = new Promise((resolve) => forward.then(() => window.addEventListener('popstate', resolve, { once: true })));
  act(() => window.history.forward());
  await act(() => bounced);
  expect(window.history.state).toEqual(kept);
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeVisible();
});

it('"start again" after a reload and a link opened over the interview still goes back to the visit\'s first entry', async () => {
  const user = userEvent.setup();
  // A reload on the second step: the entries behind it are the app's.
  window.history.replaceState({ pageBefore: true }, '', '/');
  window.history.pushState({ pscScreen: 'intro', pscView: 'interview' }, '', '/');
  window.history.pushState({ pscScreen: 'step:who', pscView: 'interview', pscBehind: 1 }, '', '/');
  window.history.pushState({ pscScreen: 'step:packaging', pscView: 'interview', pscBehind: 2 }, '', '/');
  saveSession(mine);
  render(
    <WorkspaceStoreProvider store={store}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );
  expect(await screen.findByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
  paste(encodeShareFragment(fixture, shared));
  await user.click(await screen.findByRole('button', { name: '不保存，直接打开' }));
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  await startAgain(user);
  expect(window.history.state).toMatchObject({ pscScreen: 'intro' });
  expect(window.history.state.pscBehind ?? 0).toBe(0);
  await press('back');
  expect(window.history.state).toEqual({ pageBefore: true });
});

it('a broken link pasted over the policy text leaves it open, with the message in focus', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', '/');
  localStorage.setItem(sessionKey('demo-packaging'), JSON.stringify({ version: 1, rulebook: 'demo-packaging', hash: fixture.hash, answers: shared, at: { at: 'results' }, savedAt: '2026-01-01' }));
  render(
    <WorkspaceStoreProvider store={store}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: '您的结果' });
  await user.click(screen.getAllByRole('button', { name: /^在政策原文中查看/ })[0]!);
  expect(screen.getByRole('region', { name: /政策原文/ })).toBeInTheDocument();
  const left = popState();
  paste('psc1.broken');
  const alert = await screen.findByRole('alert');
  await act(() => left);
  expect(screen.getByRole('region', { name: /政策原文/ })).toBeInTheDocument();
  expect(alert).toHaveFocus();
  // It was about the page it came over: it goes with it (closed, the page goes back in the history).
  const closed = popState();
  await user.click(screen.getAllByRole('button', { name: '返回结果' })[0]!);
  await act(() => closed);
  expect(screen.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

/** As in the built app (it takes over from the prerendered intro): start, and answer the first question. */
async function startAsCompany(user: ReturnType<typeof userEvent.setup>) {
  render(
    <WorkspaceStoreProvider store={store}>
      <App rulebooks={[fixture]} start={{ kind: 'fresh', at: 'intro' }} />
    </WorkspaceStoreProvider>,
  );
  await user.click(screen.getByRole('button', { name: '开始' }));
  await user.click(screen.getByRole('radio', { name: '企业' }));
}

/** "Start again", confirmed, and the way back through the history to the visit's first entry. */
async function startAgain(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: '重新开始' }));
  const atStart = popState();
  await user.click(screen.getByRole('button', { name: '清除并重新开始' }));
  await act(() => atStart);
}

it('a broken link the page opened with: the message stays on the intro until the interview starts, and Back does not bring it back', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', '/#psc1.broken');
  renderApp();
  expect(await screen.findByText(/这个分享链接.*已为您重新开始/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '开始' }));
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeInTheDocument();
  expect(screen.queryByText(/已为您重新开始/)).not.toBeInTheDocument();
  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
  expect(screen.queryByText(/已为您重新开始/)).not.toBeInTheDocument();
});

it('a link whose answers no longer fit the questionnaire lists each, at its path, in the language of the page', async () => {
  window.history.replaceState(null, '', `/#${encodeShareFragment(fixture, { ...shared, kind: 'ngo', export_share: 150 })}`);
  renderApp();
  expect(await screen.findByText(/这个分享链接中的回答与当前问卷不符（2 处问题）/)).toBeInTheDocument();
  const problems = screen.getByRole('list');
  expect(within(problems).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    'answers.kind："ngo" 不是问题“kind”的选项；可选：company, association',
    'answers.export_share：不能大于 100',
  ]);
});
