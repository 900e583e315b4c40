// @vitest-environment jsdom
/**
 * The app shell: the rulebook's title, the first question, the language switch.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { fixture } from '../engine/helpers';

beforeEach(() => localStorage.clear());

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
