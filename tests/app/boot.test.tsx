// @vitest-environment jsdom
/**
 * The first screens before the app has loaded: the prerendered intro and first step (src/prerender),
 * made usable by src/boot.ts, then taken over by the app (src/app-root.tsx) without losing anything.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { join } from 'node:path';
import { mountApp } from '@/app-root';
import { showBootFailure, startBoot } from '@/boot';
import { saveSession, sessionKey } from '@/features/wizard/persistence';
import { LANGUAGE_STORAGE_KEY } from '@/i18n/languages';
import { renderFirstScreens } from '@/prerender/first-screen';
import { loadRulebooks } from '@/rulebook/load';

// The app with the Tianjin policy alone (with several, the first screen is the choice of policy).
const tianjin = loadRulebooks(join(process.cwd(), 'rules')).find((r) => r.meta.id === 'tianjin-2022')!;
const page = renderFirstScreens([tianjin]);

let root: HTMLElement;
beforeEach(() => {
  localStorage.clear();
  document.documentElement.lang = 'zh-CN';
  document.body.innerHTML = `<div id="root">${page}</div>`;
  root = document.getElementById('root')!;
});

const takeOver = () => act(() => mountApp(root, [tianjin]));

it('shows the intro at once, and the first question on "start", before any of the app has loaded', async () => {
  const user = userEvent.setup();
  startBoot(root);
  expect(screen.getByRole('heading', { level: 1, name: '天津市促进内外贸一体化发展若干措施' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '开始' }));
  expect(screen.getByRole('heading', { level: 1, name: '关于您' })).toHaveFocus();
  expect(screen.getByRole('group', { name: '您以什么身份填写？' })).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: '企业' })).not.toBeChecked();
});

it('keeps what was answered and pressed before the app loaded: the app continues from there', async () => {
  const user = userEvent.setup();
  startBoot(root);
  await user.click(screen.getByRole('button', { name: '开始' }));
  await user.click(screen.getByRole('radio', { name: '企业' }));
  await user.type(screen.getByLabelText(/名称/), '津门自行车');
  await user.click(screen.getByRole('button', { name: '下一步' }));
  // Nothing to go on with yet: the button says it is busy, the page stays.
  expect(screen.getByRole('button', { name: '下一步' })).toHaveAttribute('aria-busy', 'true');
  expect(screen.getByRole('heading', { level: 1, name: '关于您' })).toBeInTheDocument();

  takeOver();
  expect(await screen.findByRole('heading', { level: 1, name: '所在地' })).toBeInTheDocument();
  const saved = JSON.parse(localStorage.getItem(sessionKey(tianjin.meta.id))!) as { answers: Record<string, unknown> };
  expect(saved.answers).toMatchObject({ respondent_type: 'enterprise', respondent_name: '津门自行车' });
});

it('puts the focus back where it was when the app takes over', async () => {
  const user = userEvent.setup();
  startBoot(root);
  await user.click(screen.getByRole('button', { name: '开始' }));
  await user.click(screen.getByRole('radio', { name: '行业协会或商会' }));
  takeOver();
  expect(screen.getByRole('radio', { name: '行业协会或商会' })).toBeChecked();
  expect(screen.getByRole('radio', { name: '行业协会或商会' })).toHaveFocus();
});

it('takes over only once a key pressed on the page is released, so that the press is not lost', async () => {
  const user = userEvent.setup();
  startBoot(root);
  await user.click(screen.getByRole('button', { name: '开始' }));
  // Space on a radio checks it when the key comes up; the app arrives in between.
  const radio = screen.getByRole('radio', { name: '企业' });
  fireEvent.keyDown(radio, { key: ' ' });
  takeOver();
  expect(root.querySelector('template')).not.toBeNull();
  fireEvent.keyUp(radio, { key: ' ' });
  radio.click();
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(root.querySelector('template')).toBeNull();
  expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();
});

it('switches language before the app loads; the app keeps the choice', async () => {
  const user = userEvent.setup();
  startBoot(root);
  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByRole('heading', { level: 1, name: /Tianjin/ })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe('en');
  expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  await user.click(screen.getByRole('button', { name: 'Start' }));
  expect(screen.getByRole('group', { name: 'Who are you answering for?' })).toBeInTheDocument();
  takeOver();
  expect(screen.getByRole('group', { name: 'Who are you answering for?' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '中文' })).toBeInTheDocument();
});

it('opens in the stored language', () => {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  startBoot(root);
  expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '开始' })).not.toBeInTheDocument();
});

it('with a saved interview, waits for the app, which resumes it where it was', async () => {
  saveSession(tianjin, { respondent_type: 'enterprise' }, { at: 'step', step: 'location' });
  startBoot(root);
  expect(screen.queryByRole('button', { name: '开始' })).not.toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('正在加载…');
  takeOver();
  expect(await screen.findByRole('heading', { level: 1, name: '所在地' })).toBeInTheDocument();
});

it('after "start again" (a session saved without answers), offers "start" at once: there is nothing to resume', () => {
  saveSession(tianjin, {}, { at: 'intro' });
  startBoot(root);
  expect(screen.getByRole('button', { name: '开始' })).toBeInTheDocument();
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
});

it('with a session saved on a step before any answer, waits for the app, which goes back to the interview', async () => {
  saveSession(tianjin, {}, { at: 'step', step: 'location' });
  startBoot(root);
  expect(screen.queryByRole('button', { name: '开始' })).not.toBeInTheDocument();
  takeOver();
  // The first step: the steps before the one saved come first.
  expect(await screen.findByRole('heading', { level: 1, name: '关于您' })).toBeInTheDocument();
  expect(screen.queryByText('已恢复您上次的回答。')).not.toBeInTheDocument();
});

it('on a reload of the workspace, waits for the app, which shows the workspace again', async () => {
  window.history.replaceState({ pscScreen: 'intro', pscView: 'workspace' }, '');
  try {
    startBoot(root);
    expect(screen.queryByRole('button', { name: '开始' })).not.toBeInTheDocument();
    // Not the intro meanwhile: the status alone, under the workspace's button marked as the page shown.
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '工作区' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: '自测' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('status')).toHaveTextContent('正在加载…');
    takeOver();
    expect(await screen.findByRole('heading', { level: 1, name: '工作区' })).toBeInTheDocument();
  } finally {
    window.history.replaceState(null, '');
  }
});

it('the app draws the same page the prerender showed, so nothing jumps when it takes over', async () => {
  const user = userEvent.setup();
  startBoot(root);
  const intro = shown(root);
  takeOver();
  expect(shown(root)).toBe(intro);

  document.body.innerHTML = `<div id="root">${page}</div>`;
  root = document.getElementById('root')!;
  startBoot(root);
  await user.click(screen.getByRole('button', { name: '开始' }));
  const step = shown(root);
  takeOver();
  expect(shown(root)).toBe(step);
});

/** The page on screen (not the templates), with each element's attributes in one order. */
function shown(container: HTMLElement): string {
  const serialise = (node: Node): string => {
    if (!(node instanceof Element)) return node.textContent ?? '';
    const attributes = [...node.attributes].map((a) => `${a.name}="${a.value}"`).sort();
    return `<${node.localName} ${attributes.join(' ')}>${[...node.childNodes].map(serialise).join('')}</${node.localName}>`;
  };
  return serialise(container.firstElementChild!);
}

it('says so when the app cannot load', () => {
  startBoot(root);
  showBootFailure(root);
  expect(screen.getByRole('alert')).toHaveTextContent('应用未能加载完成');
});
