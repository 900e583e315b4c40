/**
 * A new version reaches a user who has used the app before, without losing their answers: two real
 * builds of the app (told apart by the build date in the footer, set with SOURCE_DATE_EPOCH) served
 * one after the other at the same address, as a deploy would.
 *
 * The user answers part of the interview on version A, with the service worker in control and a
 * second tab open. Version B is deployed. One reload runs version B, resumes the interview where it
 * was with the same answers, and the old build's cache is gone. The second tab, still running A, is
 * told a new version is available and picks it up with its reload button. With the server stopped,
 * the app still loads — version B, from the new cache.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible, screenshots, startPreview } from './support';

/** A port of its own, next to the suite's (E2E_PORT, default 4173; security.spec.ts uses E2E_PORT + 6). */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 7;
const ORIGIN = `http://127.0.0.1:${PORT}`;

const VERSIONS = {
  a: { date: '2026-01-02', footer: '（2026年1月2日构建）' },
  b: { date: '2026-03-04', footer: '（2026年3月4日构建）' },
} as const;
type Version = keyof typeof VERSIONS;

const dirs: Partial<Record<Version, string>> = {};

/** A production build, as `npm run build` makes it, dated `date` (shown in the footer). */
function build(version: Version): string {
  const dir = mkdtempSync(join(tmpdir(), `psc-offline-update-${version}-`));
  dirs[version] = dir;
  const epoch = String(Date.parse(`${VERSIONS[version].date}T00:00:00Z`) / 1000);
  execFileSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, NODE_ENV: 'production', SOURCE_DATE_EPOCH: epoch },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

/** The name of the cache a build's service worker fills. */
function cacheOf(dir: string): string {
  const name = /const CACHE = '([^']+)'/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))?.[1];
  if (!name) throw new Error(`no cache name in ${dir}/sw.js`);
  return name;
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

const APP_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** The footer names the version the page runs: package.json's version and the build date. */
async function expectVersion(page: Page, version: Version) {
  await expect(page.getByRole('contentinfo').getByText(/^版本 /)).toHaveText(`版本 ${APP_VERSION}${VERSIONS[version].footer}`);
}

/** The interview resumed at the location step, with the answers given on version A. */
async function expectResumed(page: Page) {
  await expect(page.getByText('已恢复您上次的回答。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeVisible();
  await expect(page.getByRole('group', { name: '您是否在天津注册或经营？' }).getByRole('radio', { name: '是', exact: true })).toBeChecked();
  await expect(page.getByLabel('您位于天津哪个区？').locator('option:checked')).toHaveText('武清区');
  await expect(page.getByRole('group', { name: '您是否位于以下功能区？（可多选）' }).getByRole('checkbox', { name: '都不在', exact: true })).toBeChecked();
}

test.describe('a new version', () => {
  test.beforeAll(() => {
    test.setTimeout(180_000);
    build('a');
    build('b');
  });

  test.afterAll(() => {
    for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  });

  test('is picked up at the next load, keeps the saved answers, and replaces the offline copy', async ({ context, page }) => {
    test.setTimeout(150_000);
    const [cacheA, cacheB] = [cacheOf(dirs.a!), cacheOf(dirs.b!)];
    expect(cacheB).not.toBe(cacheA);

    let server = await startPreview(PORT, dirs.a);
    try {
      // Version A: the first visit installs the service worker, which takes control of the page.
      await page.goto(`${ORIGIN}/`);
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
      await expect.poll(() => cacheNames(page)).toEqual([cacheA]);
      await expectVersion(page, 'a');

      // Part of the interview: the first step, and answers on the second (saved as they are given).
      await page.getByRole('button', { name: '开始' }).click();
      await page.getByRole('group', { name: '您以什么身份填写？' }).getByRole('radio', { name: '企业', exact: true }).check();
      await page.getByLabel(/名称/).fill('天津某自行车有限公司');
      await page.getByRole('button', { name: '下一步' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeVisible();
      await page.getByRole('group', { name: '您是否在天津注册或经营？' }).getByRole('radio', { name: '是', exact: true }).check();
      await page.getByLabel('您位于天津哪个区？').selectOption({ label: '武清区' });
      await page.getByRole('group', { name: '您是否位于以下功能区？（可多选）' }).getByRole('checkbox', { name: '都不在', exact: true }).check();

      // A second tab, left open on version A.
      const stale = await context.newPage();
      await stale.goto(`${ORIGIN}/`);
      await expectResumed(stale);
      await expectVersion(stale, 'a');

      // Version B is deployed at the same address.
      await server.stop();
      server = await startPreview(PORT, dirs.b);

      // One reload: version B, the interview where it was, and only the new build's cache.
      await page.reload();
      await expectVersion(page, 'b');
      await expectResumed(page);
      // The new worker installs (fetching the whole build again) before it deletes the old cache: on a busy
      // machine this once took longer than 20 s.
      await expect.poll(() => cacheNames(page), { timeout: 60_000 }).toEqual([cacheB]);
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
      await expect(page.getByText('本应用已有新版本')).toHaveCount(0);

      // The tab still on version A is told, and its reload button brings version B.
      const notice = stale.getByRole('status').filter({ hasText: '本应用已有新版本。重新加载即可使用新版本，已保存的回答不会丢失。' });
      await expect(notice).toBeVisible();
      await expectAccessible(stale, 'update notice');
      await screenshots(stale, 'offline-update-notice');
      await notice.getByRole('button', { name: '重新加载' }).click();
      await expectVersion(stale, 'b');
      await expectResumed(stale);
      await expect(stale.getByText('本应用已有新版本')).toHaveCount(0);
      await stale.close();

      // Offline, the app that loads is version B, with the answers.
      await server.stop();
      await expect(page.request.get(`${ORIGIN}/`)).rejects.toThrow();
      await page.reload();
      await expectVersion(page, 'b');
      await expectResumed(page);
      await page.getByRole('button', { name: '下一步' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '业务' })).toBeVisible();
    } finally {
      await server.stop();
    }
  });
});
