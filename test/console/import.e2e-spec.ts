import type { Browser, Page } from 'playwright-core';
import type { BootedApi } from '../api/boot-api';
import { bureauRoll, rollWorkbook, XLSX } from '../imports/workbook-fixtures';
import { collectErrors, VIEWPORT } from './browser';
import { stageConsole, type ConsoleStage } from './console-stage';

/**
 * 导入 in Chromium against the real API: a workbook with a problem shows it by sheet, row and
 * column and cannot be imported; the corrected one is dry-run, imported, and then reads as
 * recorded with nothing more to import.
 */
describe('console: 导入', () => {
  let api: BootedApi;
  let base: string;
  let browser: Browser;

  let stage: ConsoleStage | undefined;

  beforeAll(async () => {
    stage = await stageConsole();
    ({ api, base, browser } = stage);
  }, 90_000);

  afterAll(() => stage?.close());

  async function signedInAdmin(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const errors = collectErrors(page);
    await page.goto(`${base}/console/import`);
    await page.waitForURL(/\/console\/sign-in\?returnTo=/);
    await page.getByLabel('管理员', { exact: false }).check();
    await page.getByRole('button', { name: '以所选角色登录' }).click();
    await page.waitForURL((url) => url.pathname === '/console/import');
    return { page, errors };
  }

  const choose = async (page: Page, name: string, buffer: Buffer) =>
    page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });

  it('shows a workbook’s problems, then imports the corrected one with its report', async () => {
    const { page, errors } = await signedInAdmin();
    await page.getByRole('menuitem', { name: '导入' }).waitFor();
    const dateInput = page.locator('#import-as-of');
    await dateInput.click();
    await dateInput.fill('2023年1月1日');
    await dateInput.press('Enter');

    const wrong = bureauRoll();
    (wrong.members[0] as unknown[])[3] = '1950-02-30';
    await choose(page, '有误.xlsx', await rollWorkbook(wrong));
    await page.getByText(/发现 \d+ 处问题，改正前不能导入。/).waitFor();
    const problems = await page.locator('.import-problems').innerText();
    expect(problems).toContain('党员');
    expect(problems).toContain('出生日期');
    expect(problems).toContain('“出生日期”中的“1950-02-30”不是一个存在的日期');
    expect(await page.getByRole('button', { name: '确认导入', exact: true }).isDisabled()).toBe(true);

    await choose(page, '花名册.xlsx', await rollWorkbook(bureauRoll()));
    await page.getByText(/试导入：没有问题，将追加事件 \d+ 个。/).waitFor();
    const summary = await page.locator('.import-summary').innerText();
    expect(summary).toContain('新建支部');
    expect(summary).toContain('接收为正式党员');
    expect(await api.store.headPosition()).toBeNull();

    await page.getByRole('button', { name: '确认导入', exact: true }).click();
    await page.getByText(/已导入：追加事件 \d+ 个（记载日期2023年1月1日）。/).waitFor({ timeout: 30_000 });
    const appended = Number(/追加事件 (\d+) 个/.exec(await page.locator('.ant-alert').first().innerText())?.[1]);
    expect(appended).toBeGreaterThan(0);
    expect((await api.store.readAll()).length).toBe(appended);

    await choose(page, '花名册.xlsx', await rollWorkbook(bureauRoll()));
    await page.getByText('与系统记载一致，无需导入。').waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});
