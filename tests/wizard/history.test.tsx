// @vitest-environment jsdom
/**
 * The browser's Back and Forward buttons — a phone's Back button above all — move between the interview's
 * screens and the app's views instead of leaving the app, and nothing entered is lost on the way.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { saveSession, sessionKey } from '@/features/wizard/persistence';
import { MemoryStore } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { press } from '../browser-history';
import { fixture } from '../engine/helpers';

const renderApp = () =>
  render(
    <WorkspaceStoreProvider store={new MemoryStore()}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );

/** A company's first step answered: on the second step. */
async function toSecondStep(user: ReturnType<typeof userEvent.setup>) {
  renderApp();
  await user.click(screen.getByRole('button', { name: '开始' }));
  await user.click(screen.getByRole('radio', { name: '企业' }));
  await user.click(within(screen.getByRole('group', { name: '是否位于示例市？' })).getByRole('radio', { name: '是' }));
  await user.click(screen.getByRole('button', { name: '下一步' }));
  expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
}

beforeEach(() => {
  localStorage.clear();
  // jsdom keeps one history per file: each test starts on an entry of its own, marked by nothing, after one that
  // stands for the page before the app (Back to it shows nothing of the app's).
  window.history.pushState({ pageBefore: true }, '', '/');
  window.history.pushState(null, '', '/');
});

it('goes back to the previous step with its answers, and forward again', async () => {
  const user = userEvent.setup();
  await toSecondStep(user);

  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
  expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();

  await press('forward');
  expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();

  await press('back');
  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '继续上次的回答' })).toBeInTheDocument();
});

it('comes back to the intro, not out of the app, from the screen a visit resumed at', async () => {
  saveSession(fixture, { kind: 'company', located_here: true }, { at: 'step', step: 'packaging' });
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
  expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual({ kind: 'company', located_here: true });
});

it('goes back from the workspace to the interview where it was', async () => {
  renderApp();
  fireEvent.click(screen.getByRole('button', { name: '开始' }));
  // Not user-event: a screen that suspends inside its act() is never retried in jsdom (React 19).
  fireEvent.click(screen.getByRole('button', { name: '工作区' }));
  expect(await screen.findByRole('heading', { level: 1, name: '工作区' })).toBeInTheDocument();
  await press('back');
  expect(screen.queryByRole('heading', { level: 1, name: '工作区' })).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeVisible();
  expect(screen.getByRole('button', { name: '自测' })).toHaveAttribute('aria-current', 'page');
});

it('comes back to the intro, not to the results of no answers, after "start again"', async () => {
  const user = userEvent.setup();
  saveSession(fixture, { kind: 'association', located_here: true }, { at: 'review' });
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: '检查您的回答' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '重新开始' }));
  await user.click(screen.getByRole('button', { name: '清除并重新开始' }));
  expect(await screen.findByRole('button', { name: '开始' })).toBeInTheDocument();
  await press('back');
  expect(screen.queryByRole('heading', { level: 1, name: '检查您的回答' })).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
});

it('Forward to a step being changed from the review still saves and returns to the review', async () => {
  const user = userEvent.setup();
  saveSession(fixture, { kind: 'association', located_here: true }, { at: 'review' });
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: '检查您的回答' })).toBeInTheDocument();
  await user.click(screen.getAllByRole('button', { name: /^修改/ })[0]!);
  expect(screen.getByRole('button', { name: '保存并返回' })).toBeInTheDocument();
  await press('back');
  expect(await screen.findByRole('heading', { level: 1, name: '检查您的回答' })).toBeInTheDocument();
  await press('forward');
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '保存并返回' }));
  expect(await screen.findByRole('heading', { level: 1, name: '检查您的回答' })).toBeInTheDocument();
});

it('after "start again", Back does not walk through the cleared interview\'s steps', async () => {
  const user = userEvent.setup();
  await toSecondStep(user);

  await user.click(screen.getByRole('button', { name: '重新开始' }));
  const back = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  await user.click(screen.getByRole('button', { name: '清除并重新开始' }));
  await act(() => back);
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '开始' })).toBeInTheDocument();
  expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual({});

  await press('back');
  expect(screen.queryByRole('heading', { level: 1, name: '包装' })).not.toBeInTheDocument();
  expect(screen.queryByRole('heading', { level: 1, name: '基本情况' })).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
});

it('a reload on the policy text shows the policy text again, and Back returns to the results', async () => {
  saveSession(fixture, { kind: 'company', located_here: true, degradable: true, exports: false, staff: 10 }, { at: 'results' });
  const results = { pscScreen: 'results', pscView: 'interview', pscBehind: 1 };
  window.history.replaceState(results, '');
  window.history.pushState({ ...results, pscBehind: 2, pscPage: 'source', pscReading: { quote: '对使用可降解包装材料的本市企业给予技术指导。', from: 'read-c1-degradable-0' } }, '');
  renderApp();
  const source = await screen.findByRole('region', { name: /政策原文/ });
  expect(within(source).getByText('对使用可降解包装材料的本市企业给予技术指导。', { selector: 'mark' })).toBeInTheDocument();
  await press('back');
  expect(screen.queryByRole('region', { name: /政策原文/ })).not.toBeInTheDocument();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  // Back on the button the page was opened from, in its section, open again.
  const button = document.getElementById('read-c1-degradable-0')!;
  expect(button).toHaveFocus();
  expect(button).toBeVisible();
});

it('a reload on the workspace shows the workspace again, without a new history entry, and Back returns to the interview', async () => {
  const interview = { pscScreen: 'intro', pscView: 'interview' };
  window.history.replaceState(interview, '');
  window.history.pushState({ ...interview, pscView: 'workspace', pscBehind: 1 }, '');
  const entries = window.history.length;
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: '工作区' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '工作区' })).toHaveAttribute('aria-current', 'page');
  expect(window.history.length).toBe(entries);
  await press('back');
  expect(screen.queryByRole('heading', { level: 1, name: '工作区' })).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeVisible();
});

it('Forward to the review, after an answer changed on the way back opened a new question, stays on the step that asks it', async () => {
  const user = userEvent.setup();
  await reviewOfACompany();
  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
  await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '是' }));
  await press('forward');
  await waitFor(() => expect(window.history.state).toMatchObject({ pscScreen: 'step:packaging' }));
  expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
  expect(screen.getByLabelText(/出口占销售额的比重/)).toBeVisible();
  // The review's entry now stands for the step too: the next Back goes on to the step before it.
  await press('back');
  expect(await screen.findByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
});

it('Forward to a step the changed answers no longer ask goes where they lead next, not back to the first step', async () => {
  const user = userEvent.setup();
  await reviewOfACompany();
  await press('back');
  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeInTheDocument();
  // An association is not asked about packaging.
  await user.click(screen.getByRole('radio', { name: '行业协会' }));
  await press('forward');
  expect(screen.getByRole('heading', { level: 1, name: /检查/ })).toBeInTheDocument();
});

/** A company's interview on the review, reached through its steps: their entries are behind it. */
async function reviewOfACompany() {
  saveSession(fixture, { kind: 'company', located_here: true, degradable: true, exports: false, staff: 10 }, { at: 'review' });
  window.history.replaceState({ pscScreen: 'intro' }, '');
  window.history.pushState({ pscScreen: 'step:who', pscBehind: 1 }, '');
  window.history.pushState({ pscScreen: 'step:packaging', pscBehind: 2 }, '');
  window.history.pushState({ pscScreen: 'review', pscBehind: 3 }, '');
  renderApp();
  expect(await screen.findByRole('heading', { level: 1, name: /检查/ })).toBeInTheDocument();
}

it('closes the "start again?" question when Back leaves its screen, and it is not there on coming forward', async () => {
  const user = userEvent.setup();
  await toSecondStep(user);
  await user.click(screen.getByRole('button', { name: '重新开始' }));
  expect(screen.getByRole('alertdialog')).toBeInTheDocument();

  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: '重新开始' })).toBeInTheDocument();

  await press('forward');
  expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

it('Back passes over a step no longer asked that would only lead back to the screen shown (it seemed to do nothing)', async () => {
  await reviewOfACompanyTurnedAssociation();

  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
  await press('back');
  expect(screen.getByRole('heading', { level: 1, name: '检查您的回答' })).toHaveFocus();
  // The packaging step's entry would give way to the review, shown already: Back goes on to the step before it.
  await press('back');
  expect(await screen.findByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
  expect(screen.getByRole('radio', { name: '行业协会' })).toBeChecked();
});

it('Forward after Back has passed over such a step goes on to the later screens, each press showing another', async () => {
  await reviewOfACompanyTurnedAssociation();
  await press('back');
  await press('back');
  await press('back');
  expect(await screen.findByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
  expect(screen.queryByRole('button', { name: '保存并返回' })).not.toBeInTheDocument();

  // The packaging step's entry gives way to the review; the review's own entry after it shows the same, and is passed over.
  await press('forward');
  expect(screen.getByRole('heading', { level: 1, name: '检查您的回答' })).toHaveFocus();
  await press('forward');
  expect(await screen.findByRole('button', { name: '保存并返回' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
  await press('forward');
  expect(screen.getByRole('heading', { level: 1, name: '检查您的回答' })).toHaveFocus();
  // And back again, each press showing another screen.
  await press('back');
  expect(await screen.findByRole('button', { name: '保存并返回' })).toBeInTheDocument();
  await press('back');
  expect(await screen.findByRole('heading', { level: 1, name: '检查您的回答' })).toHaveFocus();
  expect(screen.queryByRole('button', { name: '保存并返回' })).not.toBeInTheDocument();
  await press('back');
  expect(await screen.findByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
});

/** The company's review, after the first step was changed from it to an association: the packaging step, whose entry is behind, is no longer asked. */
async function reviewOfACompanyTurnedAssociation() {
  const user = userEvent.setup();
  await reviewOfACompany();
  await user.click(screen.getAllByRole('button', { name: /^修改/ })[0]!);
  await user.click(screen.getByRole('radio', { name: '行业协会' }));
  fireEvent.click(screen.getByRole('button', { name: '保存并返回' }));
  expect(await screen.findByRole('heading', { level: 1, name: '检查您的回答' })).toBeInTheDocument();
}
