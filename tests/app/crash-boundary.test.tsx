// @vitest-environment jsdom
/**
 * A screen that fails while it renders: the page says so, in the user's language, and offers a way out that
 * loses nothing (reload; download the saved interview; clear it and start again), instead of going blank.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CrashBoundary } from '@/app/crash-boundary';
import { sessionKey } from '@/features/wizard/persistence';
import { LANGUAGE_STORAGE_KEY } from '@/i18n/languages';
import { captureDownloads, type Download } from '../downloads';

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'replace')");
}

let downloads: Download[] = [];
const reload = vi.fn();
beforeEach(() => {
  localStorage.clear();
  downloads = captureDownloads();
  vi.stubGlobal('location', { ...window.location, reload });
  // React reports the error it caught; the boundary logs it too.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  reload.mockReset();
});

const saved = { version: 1, rulebook: 'tianjin-2022', hash: 'x', answers: { respondent_type: 'enterprise', staff_count: 30 }, at: { at: 'step', step: 'size' }, savedAt: '2026-12-01' };

it('says that the page failed, keeps the saved interview, and offers to download it', async () => {
  const user = userEvent.setup();
  localStorage.setItem(sessionKey('tianjin-2022'), JSON.stringify(saved));
  render(
    <CrashBoundary>
      <Broken />
    </CrashBoundary>,
  );
  expect(screen.getByRole('alert')).toHaveTextContent('抱歉，页面出错，无法继续显示。您的回答仍保存在本浏览器中。');
  await user.click(screen.getByRole('button', { name: '下载已保存的回答（JSON）' }));
  expect(downloads.map((d) => d.name)).toEqual(['policy-self-check_tianjin-2022_saved-answers.json']);
  // An answers file the first page imports.
  expect(JSON.parse(await downloads[0]!.text)).toEqual({ rulebook: 'tianjin-2022', answers: saved.answers });
  await user.click(screen.getByRole('button', { name: '重新加载页面' }));
  expect(reload).toHaveBeenCalledTimes(1);
  expect(localStorage.getItem(sessionKey('tianjin-2022'))).not.toBeNull();
});

it('clears the interview under way, and only that, to start again', async () => {
  const user = userEvent.setup();
  localStorage.setItem(sessionKey('tianjin-2022'), JSON.stringify(saved));
  localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
  render(
    <CrashBoundary>
      <Broken />
    </CrashBoundary>,
  );
  expect(screen.getByRole('alert')).toHaveTextContent('Sorry, something went wrong and the page cannot go on.');
  await user.click(screen.getByRole('button', { name: 'Clear the interview under way and start again' }));
  expect(localStorage.getItem(sessionKey('tianjin-2022'))).toBeNull();
  expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  expect(reload).toHaveBeenCalledTimes(1);
});

it('offers only to reload when nothing is saved', () => {
  render(
    <CrashBoundary>
      <Broken />
    </CrashBoundary>,
  );
  expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['重新加载页面']);
});
