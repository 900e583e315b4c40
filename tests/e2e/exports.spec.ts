/**
 * Downloads and share links in the browser, with every request recorded: nothing leaves the origin.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { foreignRequests, openAtResults, recordRequests } from './support';

const example = JSON.parse(readFileSync('rules/tianjin-2022/examples/cbec-seller.json', 'utf8'));

test('downloads JSON, Markdown and CSV, and a share link reopens the same results elsewhere', async ({ page, browser, baseURL }) => {
  const requests = recordRequests(page);
  await openAtResults(page, example.answers);
  await expect(page.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  const applying = await page.getByRole('region', { name: /与您相关的措施/ }).getByRole('article').count();

  for (const [button, extension, check] of [
    ['下载 JSON（可再次导入）', '.json', (t: string) => expect(JSON.parse(t).format).toBe('policy-self-check/assessment')],
    ['下载 Markdown 报告', '.md', (t: string) => expect(t).toContain('# 政策自测报告')],
    ['下载 CSV（Excel）', '.csv', (t: string) => expect(t.charCodeAt(0)).toBe(0xfeff)],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
    check(readFileSync((await download.path())!, 'utf8'));
  }

  await page.getByRole('button', { name: '复制分享链接' }).click();
  const link = await page.getByLabel('分享链接（包含您的全部回答）').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#psc1\./);

  // Another browser profile, with nothing saved: the link alone brings the results back.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  const freshRequests = recordRequests(fresh);
  await fresh.goto(link);
  await expect(fresh.getByText('已打开分享链接中的回答。')).toBeVisible();
  await expect(fresh.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  await expect(fresh.getByRole('region', { name: /与您相关的措施/ }).getByRole('article')).toHaveCount(applying);
  expect(new URL(fresh.url()).hash).toBe('');
  // The answers travel only in the fragment, which is never part of what is requested from the server.
  expect(freshRequests.filter((u) => `${new URL(u).pathname}${new URL(u).search}`.includes('psc1'))).toEqual([]);
  await other.close();

  expect(foreignRequests([...requests, ...freshRequests], baseURL!)).toEqual([]);
});
