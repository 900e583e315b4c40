import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expectAccessible, screenshots } from './support';

/**
 * An association's batch run in a real browser: a GBK file as Chinese Excel saves it, then ten thousand
 * members in UTF-8 — assessed in the Web Worker while the page stays responsive (no long task over 200 ms).
 * The workspace receives the members and compares two of them.
 */

/** Text → GBK bytes with Python's codecs (Node has no GBK encoder). */
function gbk(text: string): Buffer {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gbk"))'], { input: Buffer.from(text, 'utf8') });
}

async function exampleRows(page: Page): Promise<{ header: string; rows: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载示例文件' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  // Rows end in CRLF; the label row's cells hold bare LFs inside quotes.
  const lines = text.split('\r\n').filter(Boolean);
  return { header: lines[0]!, rows: lines.slice(2) };
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: '功能' }).getByRole('button', { name, exact: true });
const named = (row: string, name: string) => row.replace(/^[^,]*/, name);

test('a GBK file and ten thousand members, in the worker, with the workspace', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/');
  await nav(page, '批量评估').click();
  await expect(page.getByRole('heading', { level: 1, name: '批量评估' })).toBeFocused();
  const { header, rows } = await exampleRows(page);
  expect(rows).toHaveLength(3);

  // GBK, detected automatically.
  const members = ['天津甲公司', '滨海乙贸易有限公司', '和平丙商会'];
  const gbkFile = gbk([header, ...rows.map((r, i) => named(r, members[i]!))].join('\r\n') + '\r\n');
  await page.getByLabel('会员 CSV 文件').setInputFiles({ name: 'members-gbk.csv', mimeType: 'text/csv', buffer: gbkFile });
  await expect(page.getByText(/3 个会员有效并已评估/)).toContainText('编码：GBK（中文版 Excel）');
  const matrix = page.getByRole('table', { name: /每位会员在各条款下的结论/ });
  await expect(matrix.getByRole('rowheader')).toHaveText(members);
  await expect(page.getByRole('figure', { name: '各条款适用的会员数' }).getByRole('listitem')).toHaveCount(19);
  await expectAccessible(page, 'batch results');
  await screenshots(page, 'batch');

  // The members go to the workspace; two are compared.
  await page.getByRole('button', { name: '将 3 个会员加入工作区' }).click();
  await expect(page.getByText('已将 3 个会员加入工作区。')).toBeVisible();
  await nav(page, '工作区').click();
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).toBeFocused();
  await expect(page.getByRole('list', { name: '已保存的评估' }).getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page, 'workspace');
  await screenshots(page, 'workspace');
  await page.getByRole('checkbox', { name: /天津甲公司/ }).check();
  await page.getByRole('checkbox', { name: /和平丙商会/ }).check();
  await page.getByRole('button', { name: '比较所选（2）' }).click();
  await expect(page.getByRole('table', { name: '各条款的结论（每列一位填写者）' }).getByRole('row')).toHaveCount(20);
  await expectAccessible(page, 'workspace comparison');
  await screenshots(page, 'workspace-compare');

  // Ten thousand members in UTF-8.
  await nav(page, '批量评估').click();
  const big = [header];
  for (let i = 0; i < 10_000; i += 1) big.push(named(rows[i % 3]!, `会员${i + 1}`));
  // The file is made in the page first, so that only the app's own work is measured (Playwright's
  // setInputFiles decodes its payload on the page's main thread).
  await page.evaluate((text) => {
    const file = new File([text], 'members-10000.csv', { type: 'text/csv' });
    (window as unknown as { __file: File }).__file = file;
  }, big.join('\r\n') + '\r\n');
  await page.waitForTimeout(300);
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  const started = Date.now();
  await page.evaluate(() => {
    const input = document.getElementById('batch-file') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add((window as unknown as { __file: File }).__file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByText(/10000 个会员有效并已评估/)).toBeVisible({ timeout: 60_000 });
  await expect(matrix).toBeVisible({ timeout: 60_000 });
  const elapsed = Date.now() - started;
  await expect(page.getByText('显示第 1–50 个，共 10000 个会员')).toBeVisible();
  await expect(matrix.getByRole('rowheader').first()).toHaveText('会员1');
  // A page settles before long tasks are reported.
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const longest = Math.max(0, ...longTasks);
  console.log(`10,000 members: ${elapsed} ms from choosing the file to the matrix; ${longTasks.length} long tasks, longest ${Math.round(longest)} ms`);
  expect(longest).toBeLessThan(200);
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(matrix.getByRole('rowheader').first()).toHaveText('会员51');
});
