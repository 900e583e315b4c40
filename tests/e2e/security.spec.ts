/**
 * Privacy and the Content-Security-Policy: the page only talks to its own origin, runs no inline
 * script and no eval, and works offline after the first visit.
 */
import { expect, test } from '@playwright/test';
import { foreignRequests, recordRequests, startPreview, watchCspViolations } from './support';

test('serves a strict Content-Security-Policy as a header and a meta tag, with no violations', async ({ page }) => {
  const violations = await watchCspViolations(page);
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("default-src 'self'");
  expect(header).toContain("script-src 'self'");
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toContain('unsafe-eval');
  // The same policy in the page: the one inline element it allows is the first screen's stylesheet, by its hash.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header).toBe(`${meta}; frame-ancestors 'none'`);
  expect(header).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+={0,2}';/);
  await expect(page.locator('style')).toHaveCount(1);
  // The policy comes before anything it governs, and after the charset, which must be in the first 1,024 bytes.
  const html = await response!.text();
  expect(html.indexOf('<meta charset="UTF-8"')).toBeGreaterThan(0);
  expect(html.indexOf('<meta charset="UTF-8"')).toBeLessThan(1000);
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<style>'));
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('font-size', '25.6px');
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await page.getByRole('button', { name: '开始' }).click();
  await expect(page.getByRole('group', { name: '您以什么身份填写？' })).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('works offline after the first visit, keeping saved answers', async ({ page }) => {
  // "Offline" here is the real thing: the server is stopped. (Chromium's offline emulation also
  // fails the responses a service worker serves from its cache, which a real offline browser does not.)
  // A port of its own next to the suite's (E2E_PORT, default 4173), so that runs on other ports do not collide.
  const port = Number(process.env.E2E_PORT ?? 4173) + 6;
  const server = await startPreview(port);
  try {
    const origin = `http://127.0.0.1:${port}`;
    const requests = recordRequests(page);
    await page.goto(`${origin}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.getByRole('button', { name: '开始' }).click();
    await page.getByRole('radio', { name: '企业', exact: true }).check();
    expect(foreignRequests(requests, origin)).toEqual([]);

    await server.stop();
    await expect(page.request.get(`${origin}/`)).rejects.toThrow();
    await page.reload();
    await expect(page.getByText('已恢复您上次的回答。')).toBeVisible();
    await expect(page.getByRole('radio', { name: '企业', exact: true })).toBeChecked();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('关于您');
  } finally {
    await server.stop();
  }
});
