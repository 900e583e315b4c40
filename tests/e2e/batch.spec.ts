import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/batch/csv-parse.ts';
import { xlsxWorkbook } from '../../src/batch/xlsx-write.ts';
import { expectAccessible, screenshots, SCREENSHOTS } from './support';

/**
 * An association's batch run in a real browser: a GBK file as Chinese Excel saves it, then ten thousand
 * members in UTF-8 — assessed in the Web Worker while the page stays responsive (no long task over 200 ms).
 * The workspace receives the members and compares two of them; with ten thousand more it shows a page at
 * a time. Excel workbooks are downloaded and imported; a cancelled run keeps the members assessed so far.
 */

/** Text → GBK bytes with Python's codecs (Node has no GBK encoder). */
function gbk(text: string): Buffer {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gbk"))'], { input: Buffer.from(text, 'utf8') });
}

async function exampleRows(page: Page): Promise<{ header: string; rows: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV 示例' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  // Rows end in CRLF; the label row's cells hold bare LFs inside quotes.
  const lines = text.split('\r\n').filter(Boolean);
  return { header: lines[0]!, rows: lines.slice(2) };
}

/** Put a file made in the page into the file input, so that only the app's own work is measured. */
async function chooseInPage(page: Page, text: string, name: string) {
  // Playwright's setInputFiles decodes its payload on the page's main thread: make the file there first.
  await page.evaluate(
    ({ text, name }) => {
      (window as unknown as { __file: File }).__file = new File([text], name, { type: 'text/csv' });
    },
    { text, name },
  );
  await page.waitForTimeout(300);
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  await page.evaluate(() => {
    const input = document.getElementById('batch-file') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add((window as unknown as { __file: File }).__file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
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
  // The rulebook's four example respondents (rules/tianjin-2022/examples), by name.
  expect(rows.map((r) => r.split(',')[0])).toEqual(['天津市津南区某农业专业合作社', '天津某自行车有限公司', '天津某跨境电商有限公司', '天津市某自行车行业协会']);

  // GBK, detected automatically.
  const members = ['天津甲公司', '滨海乙贸易有限公司', '和平丙商会'];
  const gbkFile = gbk([header, ...rows.slice(0, 3).map((r, i) => named(r, members[i]!))].join('\r\n') + '\r\n');
  await page.getByLabel('会员文件（CSV 或 Excel）').setInputFiles({ name: 'members-gbk.csv', mimeType: 'text/csv', buffer: gbkFile });
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
  // On a phone the clauses stay readable beside the verdicts, and in view when the table scrolls sideways.
  await expect(page.getByText('表格较宽：左右滑动可查看其余各列。')).toBeHidden();
  await page.setViewportSize({ width: 375, height: 800 });
  // It says that the table scrolls sideways: a cut-off column alone did not.
  await expect(page.getByRole('region', { name: '各条款的结论（每列一位填写者）' })).toHaveAccessibleDescription('表格较宽：左右滑动可查看其余各列。');
  const compared = page.getByRole('table', { name: '各条款的结论（每列一位填写者）' });
  const clause = compared.getByRole('rowheader', { name: /（五）/ });
  expect((await clause.boundingBox())!.width).toBeGreaterThanOrEqual(120);
  const left = (await clause.boundingBox())!.x;
  const caption = page.getByText('各条款的结论（每列一位填写者）', { exact: true });
  const captionAt = (await caption.boundingBox())!.x;
  await page.getByRole('region', { name: '各条款的结论（每列一位填写者）' }).evaluate((region) => (region.scrollLeft = region.scrollWidth));
  expect(Math.abs((await clause.boundingBox())!.x - left)).toBeLessThanOrEqual(4);
  // So does the table's caption.
  expect((await caption.boundingBox())!.x).toBe(captionAt);
  expect(captionAt).toBeGreaterThanOrEqual(0);
  // Printed (on a small page), scrolled sideways as it was: every column on the page, none under the clauses'.
  await page.setViewportSize({ width: 300, height: 800 });
  await page.getByRole('region', { name: '各条款的结论（每列一位填写者）' }).evaluate((region) => (region.scrollLeft = region.scrollWidth));
  await page.emulateMedia({ media: 'print' });
  const headers = compared.getByRole('columnheader');
  const first = (await headers.nth(0).boundingBox())!;
  const second = (await headers.nth(1).boundingBox())!;
  const last = (await headers.last().boundingBox())!;
  expect(second.x).toBeGreaterThanOrEqual(first.x + first.width - 1);
  expect(first.x).toBeGreaterThanOrEqual(0);
  expect(last.x + last.width).toBeLessThanOrEqual(300);
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: `${SCREENSHOTS}/workspace-compare-375-scrolled.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  // The browser's Back returns to the list (not out of the workspace), Forward to the comparison.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /和平丙商会/ })).toBeChecked();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: '比较评估' })).toBeVisible();
  // One of them deleted: Forward to the comparison comes back to the list, which says why, and again the same.
  await page.goBack();
  await page.getByRole('button', { name: '删除 “和平丙商会”' }).click();
  await expect(page.getByText('已删除“和平丙商会”。')).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('alert')).toHaveText('无法再显示这次比较：其中有评估已被删除。');
  await page.goForward();
  await page.waitForTimeout(300);
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).toBeVisible();
  await page.getByRole('button', { name: '撤销删除' }).click();
  await expect(page.getByRole('list', { name: '已保存的评估' }).getByRole('listitem')).toHaveCount(3);

  // Back at the batch screen, the results are still there.
  await nav(page, '批量评估').click();
  await expect(matrix.getByRole('rowheader')).toHaveText(members);

  await nav(page, '工作区').click();
  // Deleted in another tab, a comparison reloaded shows the list, which says why; one Back leaves it.
  await page.getByRole('checkbox', { name: /和平丙商会/ }).check();
  await page.getByRole('button', { name: '比较所选（2）' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '比较评估' })).toBeVisible();
  const other = await page.context().newPage();
  await other.goto('/');
  await nav(other, '工作区').click();
  await other.getByRole('button', { name: '删除 “和平丙商会”' }).click();
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('无法再显示这次比较：其中有评估已被删除。');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).not.toBeVisible();
  await other.getByRole('button', { name: '撤销删除' }).click();
  await expect(other.getByRole('list', { name: '已保存的评估' }).getByRole('listitem')).toHaveCount(3);
  await other.close();
  await nav(page, '批量评估').click();

  // Ten thousand members in UTF-8.
  const big = [header];
  for (let i = 0; i < 10_000; i += 1) big.push(named(rows[i % 3]!, `会员${i + 1}`));
  const started = Date.now();
  await chooseInPage(page, big.join('\r\n') + '\r\n', 'members-10000.csv');
  await expect(page.getByText(/10000 个会员有效并已评估/)).toBeVisible({ timeout: 60_000 });
  await expect(matrix).toBeVisible({ timeout: 60_000 });
  // The whole first page: its rows are added a few per frame.
  await expect(matrix.getByRole('rowheader')).toHaveCount(50);
  const elapsed = Date.now() - started;
  await expect(page.getByText('显示第 1–50 个，共 10000 个会员')).toBeVisible();
  await expect(matrix.getByRole('rowheader').first()).toHaveText('会员1');
  // A page settles before long tasks are reported.
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const longest = Math.max(0, ...longTasks);
  // Printed, not asserted: timings are the benchmark's (scripts/bench-batch-browser.ts), not a test's.
  console.log(`10,000 members: ${elapsed} ms from choosing the file to the matrix; ${longTasks.length} long tasks, longest ${Math.round(longest)} ms`);
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(matrix.getByRole('rowheader').first()).toHaveText('会员51');

  // Ten thousand members in the workspace: one page of 50 at a time, searched by name.
  await page.getByRole('button', { name: '将 10000 个会员加入工作区' }).click();
  await expect(page.getByText('已将 10000 个会员加入工作区。')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  const opened = Date.now();
  await nav(page, '工作区').click();
  const list = page.getByRole('list', { name: '已保存的评估' });
  await expect(page.getByText('显示第 1–50 条，共 10003 条评估')).toBeVisible({ timeout: 30_000 });
  const shownAfter = Date.now() - opened;
  await expect(list.getByRole('listitem')).toHaveCount(50);
  await page.waitForTimeout(300);
  const workspaceTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  console.log(`workspace of 10,003: first page shown ${shownAfter} ms after opening; longest task ${Math.round(Math.max(0, ...workspaceTasks))} ms`);
  const pages = page.getByRole('navigation', { name: '分页', exact: true });
  await expect(pages).toContainText('第 1 / 201 页');
  await pages.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByText('显示第 51–100 条，共 10003 条评估')).toBeVisible();
  await page.getByRole('searchbox', { name: '按名称搜索' }).fill('会员9999');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('会员9999');
  await page.getByRole('searchbox', { name: '按名称搜索' }).fill('');
  await expect(page.getByText('显示第 1–50 条，共 10003 条评估')).toBeVisible();
  await expectAccessible(page, 'workspace with 10,003 assessments');
  await screenshots(page, 'workspace-pages');
});

test('an Excel workbook: the template and example downloaded as .xlsx, members imported from the first sheet with problems by row and column', async ({ page }) => {
  await page.goto('/');
  await nav(page, '批量评估').click();
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel 模板（.xlsx）' }).click()]);
  expect(template.suggestedFilename()).toMatch(/_template\.xlsx$/);
  const [example] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel 示例（.xlsx）' }).click()]);
  expect(example.suggestedFilename()).toMatch(/_example\.xlsx$/);
  const exampleBytes = readFileSync((await example.path())!);
  expect([...exampleBytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

  // The example workbook, imported as it was downloaded.
  await page.getByLabel('会员文件（CSV 或 Excel）').setInputFiles({ name: 'example.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: exampleBytes });
  await expect(page.getByText(/4 个会员有效并已评估；0 行有错误/)).toContainText('读取自 Excel 工作表“会员”。');
  const matrix = page.getByRole('table', { name: /每位会员在各条款下的结论/ });
  await expect(matrix.getByRole('rowheader')).toHaveText(['天津市津南区某农业专业合作社', '天津某自行车有限公司', '天津某跨境电商有限公司', '天津市某自行车行业协会']);
  // On a phone, scrolled sideways to the last clauses: each row's member, and the caption, stay in view.
  await page.setViewportSize({ width: 375, height: 800 });
  const matrixCaption = page.getByText(/^每位会员在各条款下的结论/);
  const captionX = (await matrixCaption.boundingBox())!.x;
  await page.getByRole('region', { name: /每位会员在各条款下的结论/ }).evaluate((region) => (region.scrollLeft = region.scrollWidth));
  expect((await matrixCaption.boundingBox())!.x).toBe(captionX);
  const member = (await matrix.getByRole('rowheader').first().boundingBox())!;
  expect(member.x).toBeGreaterThanOrEqual(0);
  expect(member.x).toBeLessThan(40);
  await matrixCaption.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/batch-matrix-375-scrolled.png` });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A members workbook as an association fills it in: an empty row, a wrong value, a note beside the table.
  const { header, rows } = await exampleRows(page);
  const cells = (line: string) => parseCsv(line)[0]!.cells;
  const [first, second] = [cells(rows[0]!), cells(rows[1]!)];
  const sheet = [cells(header), ['天津甲公司', ...first.slice(1)], [], ['和平乙商会', 'robot', ...second.slice(2)], ['滨海丙国际供应链管理与进出口贸易有限公司天津分公司', ...second.slice(1)]];
  sheet[3]![cells(header).length + 1] = '下周回电';
  await page.getByLabel('会员文件（CSV 或 Excel）').setInputFiles({ name: 'members.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(xlsxWorkbook('会员名单', sheet)) });
  await expect(page.getByText(/2 个会员有效并已评估；1 行有错误（未评估）；1 条提醒。/)).toContainText('读取自 Excel 工作表“会员名单”。');
  const issues = page.getByRole('table', { name: /每个问题所在的行、列和单元格/ });
  await expect(issues.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('B4');
  await expect(issues.getByRole('row').nth(1)).toContainText('robot');
  await expect(issues.getByRole('row').nth(2)).toContainText('下周回电');
  await expect(matrix.getByRole('rowheader')).toHaveText(['天津甲公司', '滨海丙国际供应链管理与进出口贸易有限公司天津分公司']);
  await expectAccessible(page, 'batch from an Excel workbook');
  await screenshots(page, 'batch-xlsx');
  // On a phone a long name wraps in its column, which leaves most of the width to the verdicts.
  await page.setViewportSize({ width: 375, height: 800 });
  expect((await matrix.getByRole('rowheader').last().boundingBox())!.width).toBeLessThan(375 * 0.4);
  await page.setViewportSize({ width: 1280, height: 900 });

  // An old .xls is refused with what to do.
  const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
  await page.getByLabel('会员文件（CSV 或 Excel）').setInputFiles({ name: 'members.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
  await expect(page.getByRole('alert')).toContainText('这是旧版 Excel 工作簿（.xls）');
});

test('a cancelled run keeps the members assessed so far, labelled, and runs again', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  await page.goto('/');
  await nav(page, '批量评估').click();
  const { header, rows } = await exampleRows(page);
  // 30,000 members of the example's respondents: 12.5 MB, in the browser's 20 MB.
  const big = [header];
  for (let i = 0; i < 30_000; i += 1) big.push(named(rows[i % 3]!, `会员${i + 1}`));
  // Press "cancel" the moment the first members are counted, from inside the page: Playwright's own click
  // takes several round trips, and on a fast machine the whole run can finish during them.
  await page.evaluate(() => {
    const pressCancelOnProgress = new MutationObserver(() => {
      const label = document.getElementById('batch-progress-label')?.textContent ?? '';
      const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === '取消');
      if (!cancel || !/^已评估 [1-9]\d* \/ 30000 个会员$/.test(label)) return;
      pressCancelOnProgress.disconnect();
      cancel.click();
    });
    pressCancelOnProgress.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await chooseInPage(page, big.join('\r\n') + '\r\n', 'members-30000.csv');
  const heading = page.getByRole('heading', { level: 2, name: /^3\. 结果（已取消：\d+ \/ 30000 个会员）$/ });
  await expect(heading).toBeFocused();
  const done = Number((await heading.textContent())!.match(/已取消：(\d+)/)![1]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(30_000);
  await expect(page.getByText(`已在评估 ${done} / 30000 个会员后取消。`)).toBeVisible();
  await expect(page.getByText(`显示第 1–50 个，共 ${done} 个会员`)).toBeVisible();
  await expect(page.getByRole('button', { name: `将 ${done} 个会员加入工作区` })).toBeVisible();
  const [matrixFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载矩阵（CSV）' }).click()]);
  expect(matrixFile.suggestedFilename()).toMatch(new RegExp(`_matrix_cancelled-${done}-of-30000\\.csv$`));
  await expectAccessible(page, 'batch cancelled with partial results');
  await screenshots(page, 'batch-cancelled');

  await page.getByRole('button', { name: '重新评估全部会员' }).click();
  // The whole run done: its heading without "cancelled" (a heading named "3. 结果（已取消：…）" also contains "3. 结果").
  await expect(page.getByRole('heading', { level: 2, name: '3. 结果', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('显示第 1–50 个，共 30000 个会员')).toBeVisible();
});
