import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { collectErrors, SCREENSHOTS, VIEWPORT } from './browser';

/** A page signed in by the development role picker, opened at `route`. */
export async function signedIn(
  browser: Browser,
  base: string,
  role: '管理员' | '审计员' | '报表',
  route: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const errors = collectErrors(page);
  await page.goto(`${base}/console${route}`);
  await page.waitForURL(/\/console\/sign-in\?returnTo=/);
  await page.getByLabel(role, { exact: false }).check();
  await page.getByRole('button', { name: '以所选角色登录' }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === `/console${route}`);
  return { page, errors };
}

/**
 * A picture for docs/console/, the same on every run: once every read has answered, nothing is
 * loading, antd's entrance motions have finished and the pointer rests on no control.
 */
export async function picture(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-skeleton, .ant-spin-spinning').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', ...options });
}

/** Types a date into the labelled picker as a clerk writes it, and closes the calendar. */
export async function typeDate(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(value);
  await field.press('Enter');
  await page.keyboard.press('Escape');
}

/** Picks an option of a labelled select by typing part of its name. */
export async function choose(page: Page, label: string, typed: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(typed);
  await page.locator('.ant-select-item-option-active').filter({ hasText: typed }).waitFor();
  await field.press('Enter');
}

export async function expectVisible(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Form fields without a label a screen reader could announce (a <label>, aria-label or -labelledby). */
export function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
    .filter((field) => field.type !== 'hidden' && field.labels.length === 0
      && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
    .map((field) => field.outerHTML.slice(0, 120))`);
}
