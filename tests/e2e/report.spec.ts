/**
 * The printable report as a consultant hands it over: printed to PDF by Chromium, read back with
 * pdftotext (poppler-utils), page 1 saved as a PNG to look at.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openAtResults, SCREENSHOTS } from './support';

const example = JSON.parse(readFileSync('rules/tianjin-2022/examples/bicycle-exporter.json', 'utf8'));

test('prints the report to an A4 PDF with the summary of all 19 clauses, reasons, quotes and the answers', async ({ page }) => {
  await openAtResults(page, example.answers);
  // The results printed from the browser's menu: what is pressed on screen is not printed.
  await expect(page.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  await page.getByText(/责任部门和政策原文（/).first().click();
  const readInPolicy = page.getByRole('button', { name: /^在政策原文中查看/ }).first();
  await expect(readInPolicy).toBeVisible();
  const noneNeedMore = page.getByRole('heading', { name: /^可能与您相关.*（0 条）/ });
  await expect(noneNeedMore).toBeVisible();
  const whoAndWhen = page.getByText(/^评估对象：天津某自行车有限公司 日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(whoAndWhen).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(readInPolicy).toBeHidden();
  // Whose assessment and when, as the printable report says it.
  await expect(whoAndWhen).toBeVisible();
  // A group without clauses is not printed; one folded on the page prints its clauses' names, and says so.
  await expect(noneNeedMore).toBeHidden();
  const folded = page.locator('.result-group.verdict-does_not_apply .folded-print');
  await expect(folded).toBeVisible();
  await expect(folded.getByRole('listitem').first()).toHaveText(/^（[一二三四五六七八九十]+） \S/);
  await expect(folded).toContainText('这组措施在页面上是折叠的，这里只列出名称。');
  // The text keeps its distance from the clause's coloured bar, and '政策原文' stays on the page of its quote.
  const card = page.locator('.clause-card').first();
  expect(parseFloat(await card.evaluate((c) => getComputedStyle(c).paddingLeft))).toBeGreaterThan(parseFloat(await card.evaluate((c) => getComputedStyle(c).borderLeftWidth)));
  expect(await page.locator('.quote figcaption').first().evaluate((c) => getComputedStyle(c).breakAfter)).toBe('avoid');
  await expect(page.getByRole('heading', { name: /^与您相关的措施/ })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(folded).toBeHidden();
  await page.getByRole('button', { name: '打印或保存为 PDF' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '政策自测报告' })).toBeVisible();
  // The notice of the answers restored, dismissed over the report: the focus goes to the report's heading.
  await page.getByRole('button', { name: '关闭提示' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '政策自测报告' })).toBeFocused();
  // Each reason's ✓ ✗ ? is its marker, at the margin of the text around it (no bullet beside it).
  const item = page.locator('.report-item').filter({ hasText: '知识产权管理与自主品牌指导' }).first();
  const reason = item.getByRole('listitem').filter({ hasText: /^✓ 关于品牌和知识产权/ });
  expect((await reason.boundingBox())!.x).toBeCloseTo((await item.getByText('判断依据').boundingBox())!.x, 0);
  expect(await reason.evaluate((li) => getComputedStyle(li).listStyleType)).toBe('none');
  await page.emulateMedia({ media: 'print' });
  // On paper: no frame around the report to be cut at each page's edge, and a clause flows on from page to page
  // (kept whole, a long one left half a page blank before it).
  expect(await page.locator('.report').evaluate((r) => getComputedStyle(r).borderLeftWidth)).toBe('0px');
  expect(await page.locator('.report-clause').first().evaluate((c) => getComputedStyle(c).breakInside)).toBe('auto');
  const pdf = `${SCREENSHOTS}/report.pdf`;
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });

  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(info).toMatch(/Page size:\s+595\.\d+ x 84\d\.\d+ pts \(A4\)/);

  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('政策自测报告');
  expect(text).toContain('天津某自行车有限公司');
  expect(text).toMatch(/tianjin-2022 v\d+\.\d+\.\d+ · ?[0-9a-f]{64}/);
  for (const label of ['（一）', '（五）', '（十）', '（十五）', '（十九）']) expect(text).toContain(label);
  expect(text).toContain('传统优势产品集群企业构建国内营销网络');
  expect(text).toMatch(/✓ 关于品牌和知识产权/);
  // A quote cut from inside a sentence of the policy says so, with the omission marks.
  expect(text.replace(/ /g, '')).toContain('政策原文……鼓励电商平台提供零佣金、快速入驻审批');
  expect(text).toContain('附录：您的回答');
  expect(text).toContain('免责声明');
  // Every page numbered in its margin: "1 / 17" … "17 / 17".
  expect(text).toContain(`1 / ${pages}`);
  expect(text).toContain(`${pages} / ${pages}`);
  // The page chrome (buttons, header) is not printed.
  expect(text).not.toContain('返回结果');
  expect(text).not.toContain('English');

  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, `${SCREENSHOTS}/report-page`]);
});

test('closing the notice of the answers restored, on the policy text, leaves the reader at the quoted passage', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtResults(page, example.answers);
  await expect(page.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  await page.getByText(/责任部门和政策原文（/).first().click();
  await page.getByRole('button', { name: /^在政策原文中查看/ }).first().click();
  const passage = page.locator('p:has(> mark)');
  await expect(passage).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  // The notice is at the top of the page: closing it, the reader goes back to the passage, not to the title.
  await page.getByRole('button', { name: '关闭提示' }).click();
  await expect(passage).toBeFocused();
  await expect(page.locator('mark')).toBeInViewport();
});
