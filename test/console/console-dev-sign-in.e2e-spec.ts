import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { collectErrors, launchChromium, screenshot, VIEWPORT } from './browser';

/**
 * The console in Chromium, served by the real API on loopback: development sign-in by role, the
 * zh-CN shell, and the organisation as of a date from records made through the API.
 */
describe('console: development sign-in, shell and 组织架构', () => {
  let api: BootedApi;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    api = await bootApi({ auth: 'explicit' });
    const server: Server = api.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
    await seed(base, `Bearer ${await tokenFor(api.config, 'admin')}`);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function signedInPage(role: '管理员' | '审计员' | '报表'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    const errors = collectErrors(page);
    await page.goto(`${base}/console/org`);
    // Signed out: the sign-in page, which remembers where the clerk was going.
    await page.waitForURL(/\/console\/sign-in\?returnTo=%2Forg$/);
    await page.getByLabel(role, { exact: false }).check();
    await page.getByRole('button', { name: '以所选角色登录' }).click();
    await page.waitForURL(/\/console\/org$/);
    return { page, errors };
  }

  it('signs an auditor in by role, shows the shell in Chinese and the tree as of a date', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    const errors = collectErrors(page);
    await page.goto(`${base}/console`);
    await page.waitForURL(/\/console\/sign-in/);
    await expectVisible(page, '以所选角色登录');
    expect(await unlabelledFields(page)).toEqual([]);
    await screenshot(page, 'sign-in-development');

    await page.getByLabel('审计员', { exact: false }).check();
    await page.getByRole('button', { name: '以所选角色登录' }).click();
    await page.waitForURL(`${base}/console/`);
    const header = page.getByTestId('signed-in-as');
    await header.waitFor();
    expect(await header.innerText()).toContain('审计员');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    for (const item of ['工作台', '组织架构', '换届', '调整', '审计', '报表']) {
      await menu.getByRole('menuitem', { name: item }).waitFor();
    }
    // The 工作台 (its picture is overview.e2e-spec.ts's, taken on fixed dates).
    await expectVisible(page, '3个月内应换届');

    await menu.getByRole('menuitem', { name: '组织架构' }).click();
    await page.waitForURL(/\/console\/org$/);
    await expectVisible(page, '孝义市离退休干部党委');
    await expectVisible(page, '府前社区离退休干部党支部');
    await expectVisible(page, '正式党员 3 人，预备党员 1 人');
    expect(await unlabelledFields(page)).toEqual([]);
    await screenshot(page, 'org-tree-today');

    // The date picker, labelled: as of 2022-06-30 the committee stood, no branch yet.
    const date = page.getByLabel('查询日期');
    await date.click();
    await date.fill('2022年6月30日');
    await date.press('Enter');
    await page.waitForURL(/\/console\/org\?asOf=2022-06-30$/);
    await page.keyboard.press('Escape');
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
    await expectVisible(page, '2022年6月30日');
    await page.getByText('孝义市离退休干部党委').waitFor();
    expect(await page.getByText('府前社区离退休干部党支部').count()).toBe(0);
    await screenshot(page, 'org-tree-2022-06-30');

    // A reload keeps the session of this tab; the address keeps the date.
    await page.reload();
    await expectVisible(page, '2022年6月30日');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/console\/sign-in$/);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("tells a reporting job's account, opening the tree by its address, who may use it; the API refuses it too", async () => {
    const { page, errors } = await signedInPage('报表');
    await expectVisible(page, '没有权限使用此页面');
    await expectVisible(page, '“组织架构”仅供管理员、审计员使用');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: '报表' }).waitFor();
    expect(await menu.getByRole('menuitem', { name: '组织架构' }).count()).toBe(0);
    await screenshot(page, 'org-tree-refused-to-reporter');
    // The console only spares the clerk a failed page: the API itself refuses the reporter.
    const refusal = await page.evaluate<{ status: number; code: string }>(`(async () => {
      const { token } = JSON.parse(sessionStorage.getItem('branchflow.console.session'));
      const response = await fetch('/org/tree', { headers: { Authorization: 'Bearer ' + token } });
      return { status: response.status, code: (await response.json()).code };
    })()`);
    expect(refusal).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(errors.filter((error) => !/status of 403/.test(error))).toEqual([]);
    await page.close();
  }, 60_000);

  it('a route the console does not have says so, inside the shell', async () => {
    const { page, errors } = await signedInPage('报表');
    await page.goto(`${base}/console/no-such-screen`);
    await expectVisible(page, '没有这个页面');
    expect(errors.filter((error) => !/status of 403/.test(error))).toEqual([]);
    await page.close();
  }, 60_000);
});

/** Form fields without a label a screen reader could announce (a <label>, aria-label or -labelledby). */
function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
    .filter((field) => field.type !== 'hidden' && field.labels.length === 0
      && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
    .map((field) => field.outerHTML.slice(0, 120))`);
}

async function expectVisible(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** A committee with two branches and members, through the API as an administrator would. */
async function seed(base: string, authorization: string): Promise<void> {
  let key = 0;
  const post = async (path: string, body: object): Promise<Record<string, unknown>> => {
    key += 1;
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Idempotency-Key': `00000000-0000-4000-8000-${String(key).padStart(12, '0')}`,
      },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const idOf = (answer: Record<string, unknown>, field: string): string =>
    (answer.events as { data: Record<string, string> }[])[0]!.data[field]!;
  const committee = idOf(
    await post('/committees', { name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2022-01-01' }),
    'committeeId',
  );
  const branch = async (name: string) =>
    idOf(await post('/branches', { name, parentCommitteeId: committee, occurredAt: '2023-01-10' }), 'branchId');
  const fuqian = await branch('府前社区离退休干部党支部');
  const xinyi = await branch('新义社区离退休干部党支部');
  const member = (branchId: string, name: string, membership: 'full' | 'probationary') =>
    post('/members', {
      name,
      birthDate: '1950-03-08',
      sex: 'male',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '科级',
      membership,
      branchId,
      occurredAt: '2023-02-01',
    });
  await member(fuqian, '王建国', 'full');
  await member(fuqian, '李秀英', 'full');
  await member(fuqian, '张志刚', 'full');
  await member(fuqian, '赵丽华', 'probationary');
  await member(xinyi, '刘德明', 'full');
}
