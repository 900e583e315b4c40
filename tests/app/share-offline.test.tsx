// @vitest-environment jsdom
/**
 * A share link opened while the app cannot load the code that reads it (offline before it was cached, or the
 * network failed meanwhile): the user is told so, and the link stays in the address bar for a reload to open.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { MemoryStore } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import type * as ShareLink from '@/share/share-link';
import { fixture } from '../engine/helpers';

const { encodeShareFragment } = await vi.importActual<typeof ShareLink>('@/share/share-link');
// The chunk that decodes links cannot be fetched.
vi.mock('@/share/share-link', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const fragment = encodeShareFragment(fixture, { kind: 'company', located_here: true, company_name: '绿盒子' });
const UNAVAILABLE = '应用未能加载完成。请检查网络连接后重新加载页面，已保存的回答不会丢失。';
const renderApp = () =>
  render(
    <WorkspaceStoreProvider store={new MemoryStore()}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );

beforeEach(() => localStorage.clear());

it('a link the page opened with: says it cannot be opened now, keeps it in the address bar, and the intro works', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', `/#${fragment}`);
  renderApp();
  expect(await screen.findByText(UNAVAILABLE)).toBeInTheDocument();
  expect(window.location.hash).toBe(`#${fragment}`);
  await user.click(screen.getByRole('button', { name: '开始' }));
  expect(screen.getByRole('radio', { name: '企业' })).toBeInTheDocument();
});

it('a link pasted into the open tab: the interview stays as it was, with the message, and the link stays in the address bar', async () => {
  const user = userEvent.setup();
  window.history.replaceState(null, '', '/');
  renderApp();
  await user.click(screen.getByRole('button', { name: '开始' }));
  await user.click(screen.getByRole('radio', { name: '企业' }));
  act(() => {
    window.history.pushState(null, '', `/#${fragment}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  expect(await screen.findByRole('alert')).toHaveTextContent(UNAVAILABLE);
  expect(window.location.hash).toBe(`#${fragment}`);
  expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();
});
