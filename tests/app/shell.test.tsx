// @vitest-environment jsdom
/**
 * The app shell: the rulebook's title, the first question, the language switch.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { sessionKey } from '@/features/wizard/persistence';
import { encodeShareFragment } from '@/share/share-link';
import { press } from '../browser-history';
import { fixture } from '../engine/helpers';

beforeEach(() => {
  localStorage.clear();
  // jsdom keeps one history per file: each test starts on an entry of its own (one holding a policy chosen is a reload of it).
  window.history.pushState(null, '', '/');
});

it('shows the rulebook title, and the first question of the first step once started', async () => {
  const user = userEvent.setup();
  render(<App rulebooks={[fixture]} />);
  expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '开始' }));
  expect(screen.getByRole('group', { name: '您是？' })).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: '企业' })).toBeInTheDocument();
});

it('switches to English, sets the page language and remembers the choice', async () => {
  const user = userEvent.setup();
  const { unmount } = render(<App rulebooks={[fixture]} />);
  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByRole('heading', { level: 1, name: 'Demo City Measures on Green Packaging' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Start' }));
  expect(screen.getByRole('group', { name: 'You are?' })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe('en');
  unmount();
  render(<App rulebooks={[fixture]} />);
  expect(screen.getByRole('heading', { level: 1, name: 'About you' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '中文' })).toBeInTheDocument();
});

it('lets the user choose when there are several rulebooks', async () => {
  const user = userEvent.setup();
  const second = { ...fixture, meta: { ...fixture.meta, id: 'other', title: { zh: '另一项政策', en: 'Another policy' } } };
  render(<App rulebooks={[fixture, second]} />);
  await user.click(screen.getByRole('button', { name: '另一项政策' }));
  expect(screen.getByRole('heading', { level: 1, name: '另一项政策' })).toBeInTheDocument();
});

describe('several rulebooks in the built app: the choice of policy first, each interview loaded once one is needed', () => {
  const second = { ...fixture, meta: { ...fixture.meta, id: 'other', title: { zh: '另一项政策', en: 'Another policy' } } };
  const catalogue = [fixture, second].map((r) => ({ id: r.meta.id, title: r.meta.title }));

  it('shows the choice from the titles alone, and loads the interviews when one is chosen', async () => {
    const user = userEvent.setup();
    let arrive = (_: (typeof fixture)[]) => {};
    const load = vi.fn(() => new Promise<(typeof fixture)[]>((resolve) => (arrive = resolve)));
    render(<App rulebooks={{ catalogue, load }} />);
    expect(screen.getByRole('heading', { level: 1, name: '选择要自测的政策' })).toBeInTheDocument();
    expect(load).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '另一项政策' }));
    expect(screen.getByRole('status')).toHaveTextContent('正在加载…');
    await act(async () => arrive([fixture, second]));
    expect(await screen.findByRole('heading', { level: 1, name: '另一项政策' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '开始' }));
    expect(screen.getByRole('group', { name: '您是？' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when the interview cannot load, and tries again on the next choice', async () => {
    const user = userEvent.setup();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce([fixture, second]);
    render(<App rulebooks={{ catalogue, load }} />);
    await user.click(screen.getByRole('button', { name: '示例市绿色包装促进办法' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('应用未能加载完成');
    await user.click(screen.getByRole('button', { name: '示例市绿色包装促进办法' }));
    expect(await screen.findByRole('button', { name: '开始' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('Back from the policy chosen returns to the choice; a reload on it returns to that policy', async () => {
    const user = userEvent.setup();
    const load = vi.fn(() => Promise.resolve([fixture, second]));
    const { unmount } = render(<App rulebooks={{ catalogue, load }} />);
    await user.click(screen.getByRole('button', { name: '另一项政策' }));
    await screen.findByRole('heading', { level: 1, name: '另一项政策' });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: '另一项政策' })).toHaveFocus());
    await press('back');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: '选择要自测的政策' })).toHaveFocus());
    await press('forward');
    expect(await screen.findByRole('heading', { level: 1, name: '另一项政策' })).toBeInTheDocument();
    // A reload: the page drawn anew on the same history entry.
    unmount();
    render(<App rulebooks={{ catalogue, load }} />);
    expect(await screen.findByRole('heading', { level: 1, name: '另一项政策' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: '选择要自测的政策' })).not.toBeInTheDocument();
  });

  it('opens a share link: its interview loads without a choice', async () => {
    window.history.replaceState(null, '', `/#${encodeShareFragment(second, { kind: 'company', located_here: true, degradable: true, exports: false, staff: 10 })}`);
    const load = vi.fn(() => Promise.resolve([fixture, second]));
    render(<App rulebooks={{ catalogue, load }} />);
    expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
    expect(screen.getByText('已打开分享链接中的回答。')).toBeInTheDocument();
    // The results say which policy they are for.
    expect(screen.getByText('以下是根据您的回答，对《另一项政策》各条措施的判断。')).toBeInTheDocument();
    // The link's policy: its interview is the one saved.
    expect(JSON.parse(localStorage.getItem(sessionKey('other'))!).answers).toMatchObject({ kind: 'company', staff: 10 });
  });
});
