/**
 * A second policy is a new folder under rules/: the app built with two opens on the choice of policy, loads a
 * policy's questionnaire once it is chosen, and returns to it on a reload. Built here from rules/ plus a copy of
 * the Tianjin rulebook under another id and title (PSC_RULES_DIR), served on a port of its own.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rulesWithSecondPolicy } from '../second-policy';
import { recordRequests, startPreview, watchCspViolations } from './support';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 8;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SECOND = '第二项政策（演示）';
let dir = '';
let server: { stop: () => Promise<void> } | null = null;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'psc-two-policies-'));
  const rules = join(dir, 'rules');
  rulesWithSecondPolicy(rules, { zh: SECOND, en: 'A second policy (demo)' });
  execFileSync('npx', ['vite', 'build', '--outDir', join(dir, 'dist'), '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, NODE_ENV: 'production', PSC_RULES_DIR: rules },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = await startPreview(PORT, join(dir, 'dist'));
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('opens on the choice of policy; the questionnaire loads once one is chosen; a reload returns to it, Back to the choice', async ({ page }) => {
  const requests = recordRequests(page);
  // Served from a build outside the project (an absolute --outDir): the header's policy is still the page's own.
  const violations = await watchCspViolations(page);
  await page.goto(`${ORIGIN}/`);
  const choice = page.getByRole('heading', { level: 1, name: '选择要自测的政策' });
  await expect(choice).toBeVisible();
  // The app has taken over from the prerendered page.
  await page.waitForFunction(() => document.querySelectorAll('#root template').length === 0);
  expect(requests.filter((url) => url.includes('rulebook-interviews'))).toEqual([]);

  await page.getByRole('button', { name: SECOND }).click();
  await expect(page.getByRole('heading', { level: 1, name: SECOND })).toBeFocused();
  expect(requests.filter((url) => url.includes('rulebook-interviews'))).toHaveLength(1);
  await page.getByRole('button', { name: '开始' }).click();
  await page.getByRole('radio', { name: '企业', exact: true }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('group', { name: '您以什么身份填写？' }).getByRole('radio', { name: '企业', exact: true })).toBeChecked();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: SECOND })).toBeVisible();
  await page.goBack();
  await expect(choice).toBeVisible();
  // The policy with an interview under way says so; the other does not.
  await expect(page.getByRole('button', { name: SECOND })).toHaveAccessibleDescription('有未完成的自测，将从上次的位置继续');
  await expect(page.getByRole('button', { name: '天津市促进内外贸一体化发展若干措施' })).toHaveAccessibleDescription('');
  await page.getByRole('button', { name: SECOND }).click();
  await expect(page.getByRole('button', { name: '继续上次的回答' })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('offline before the questionnaires were cached, the workspace says it could not load, and loads once online', async ({ context, page }) => {
  await context.route('**/sw.js', (route) => route.abort());
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => document.querySelectorAll('#root template').length === 0);
  let requests = 0;
  page.on('request', () => (requests += 1));
  await context.setOffline(true);
  await page.getByRole('button', { name: '工作区' }).click();
  await expect(page.getByRole('alert')).toContainText('应用未能加载完成');
  await page.waitForTimeout(500);
  // Asked once, not again and again.
  expect(requests).toBeLessThanOrEqual(2);
  await context.setOffline(false);
  await page.getByRole('button', { name: '自测' }).click();
  await page.getByRole('button', { name: '工作区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).toBeVisible();
});
