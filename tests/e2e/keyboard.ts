import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Answering with the keyboard only: focus moves with Tab / programmatic focus (never a click), radios and
 * checkboxes toggle with Space, text is typed, lists move with the arrow keys, Enter submits.
 */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the control with Tab');
}

export async function choose(page: Page, group: string, option: string): Promise<void> {
  const radio = page.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true });
  await radio.focus();
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
}

export async function tick(page: Page, group: string, options: string[]): Promise<void> {
  for (const option of options) {
    const box = page.getByRole('group', { name: group }).getByRole('checkbox', { name: option, exact: true });
    await box.focus();
    if (!(await box.isChecked())) await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
}

export async function untick(page: Page, group: string, options: string[]): Promise<void> {
  for (const option of options) {
    const box = page.getByRole('group', { name: group }).getByRole('checkbox', { name: option, exact: true });
    await box.focus();
    if (await box.isChecked()) await page.keyboard.press('Space');
    await expect(box).not.toBeChecked();
  }
}

export async function type(page: Page, label: string | RegExp, text: string): Promise<void> {
  const field = page.getByLabel(label);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Pick an option of a <select> with the arrow keys. */
export async function select(page: Page, label: string | RegExp, option: string): Promise<void> {
  const field = page.getByLabel(label);
  const options = await field.locator('option').allTextContents();
  const index = options.indexOf(option);
  if (index < 0) throw new Error(`no option ${option}`);
  await field.focus();
  const current = await field.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
  for (let i = current; i < index; i += 1) await page.keyboard.press('ArrowDown');
  await expect(field).toHaveValue(await field.locator('option').nth(index).getAttribute('value') ?? '');
}

export async function press(page: Page, button: string): Promise<void> {
  // Some buttons appear twice (e.g. "back to results" above and below a long page): the first will do.
  const target = page.getByRole('button', { name: button, exact: true }).first();
  await target.focus();
  await page.keyboard.press('Enter');
}
