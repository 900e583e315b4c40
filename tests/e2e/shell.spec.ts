import { expect, test } from '@playwright/test';

test('the app shows the policy title and the first question', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '天津市促进内外贸一体化发展若干措施' })).toBeVisible();
  await page.getByRole('button', { name: '开始' }).click();
  await expect(page.getByRole('group', { name: '您以什么身份填写？' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '企业', exact: true })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/shell-1280.png', fullPage: true });
});
