// @vitest-environment jsdom
/**
 * The footer names the version and build date (vite.config.ts `define`), as each language writes dates,
 * so a user can tell support which version they run and see that an update arrived.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { App } from '@/app/app';
import { APP_VERSION, BUILD_DATE } from '@/app/version';
import { fixture } from '../engine/helpers';

beforeEach(() => localStorage.clear());

it("is package.json's version and a build date", () => {
  expect(APP_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  expect(BUILD_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

it('shows the version and build date in the footer, in Chinese and in English', async () => {
  const user = userEvent.setup();
  render(<App rulebooks={[fixture]} />);
  const [year, month, day] = BUILD_DATE!.split('-').map(Number);
  expect(screen.getByText(`版本 ${APP_VERSION}（${year}年${month}月${day}日构建）`)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'English' }));
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  expect(screen.getByText(`Version ${APP_VERSION}, built ${months[month! - 1]} ${day}, ${year}`)).toBeInTheDocument();
});
