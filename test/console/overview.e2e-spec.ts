import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { ElectionTimers } from '@app/application';
import type { BootedApi } from '../api/boot-api';
import { collectErrors, SCREENSHOTS, VIEWPORT } from './browser';
import { stageConsole, type ConsoleStage } from './console-stage';
import { AS_OF, seedOverview, type Seeded } from './overview-seed';

/**
 * 工作台, 审计 and 报表 in Chromium, against the real API on loopback with records made through
 * it (overview-seed.ts). Every date the screens judge by is fixed (`asOf` in the address, dates
 * in the records), so the screenshots in docs/console/ come out the same on every run.
 */
describe('console: 工作台, 审计 and 报表', () => {
  let api: BootedApi;
  let base: string;
  let browser: Browser;
  let seeded: Seeded;

  let stage: ConsoleStage | undefined;

  beforeAll(async () => {
    stage = await stageConsole({ pictures: true });
    ({ api, base, browser } = stage);
    seeded = await seedOverview(base, stage.authorization);
  }, 90_000);

  afterAll(() => stage?.close());

  /** A page signed in by the development role picker, opened at `route`. */
  async function signedIn(
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

  it('工作台 lists what is due, overdue and waiting on the day, and each working group’s progress', async () => {
    const { page, errors } = await signedIn('管理员', `/?asOf=${AS_OF}`);
    const card = (title: string) => page.locator('.work-card').filter({ has: page.getByText(title, { exact: true }) });

    await expectContains(card('3个月内应换届')).toContain([
      '府前社区离退休干部党支部',
      '2023年6月30日',
      '已请示，待批复',
    ]);
    await expectContains(card('3至6个月内应换届')).toContain(['新义社区离退休干部党支部', '2023年9月30日']);
    await expectContains(card('已逾期')).toContain(['崇文社区离退休干部党支部', '已过应换届日期，仍未召开党员大会']);
    await expectContains(card('待上级批复')).toContain(['府前社区离退休干部党支部', '换届请示待批复']);
    await expectContains(card('批复即将失效（30天内）')).toContain(['东关社区离退休干部党支部', '2023年4月20日']);
    await expectContains(card('组织调整进行中')).toContain(['待批准 1 项', '待执行 0 项']);
    // The timers have not run on this record yet (the next test but one has them).
    await expectContains(card('近一个月已提醒上级党组织')).toContain(['近一个月没有提醒']);
    // Each item is a link to its own screen.
    const fuqian = card('3个月内应换届').getByRole('link', { name: '府前社区离退休干部党支部' });
    expect(await fuqian.getAttribute('href')).toBe(`/console/elections/${seeded.elections.fuqian}`);
    expect(await card('已逾期').innerText()).not.toContain('新义');

    // 包联: per working group, branches assigned, begun and installed.
    const groups = page.locator('.ant-table-row');
    await groups.first().waitFor();
    expect(await rowTexts(page)).toEqual([
      ['第一换届工作指导组', '张国强', '3 个', '3 个', '0 个', '1 个'],
      ['第二换届工作指导组', '李文华', '3 个', '2 个', '1 个', '—'],
    ]);
    await expectVisible(page, '《关于全市离退休干部党支部换届选举工作方案》（孝老干字〔2023〕1号）');
    expect(await unlabelledFields(page)).toEqual([]);
    await picture(page, 'workbench', { fullPage: true });

    await fuqian.click();
    await page.waitForURL(`${base}/console/elections/${seeded.elections.fuqian}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('审计 filters the log, opens an event with its hash and the one it links to, verifies, records and exports a digest, and shows a member’s history', async () => {
    const { page, errors } = await signedIn('审计员', '/audit');
    const table = page.locator('.ant-table-tbody');
    await expectVisible(page, '共显示 50 条（还有更多）');
    // Keyset paging: the next 50 after the last position shown.
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByText(/共显示 (\d+) 条$/).waitFor();
    expect(Number(/共显示 (\d+) 条/.exec(await page.getByText(/共显示 \d+ 条$/).innerText())![1])).toBeGreaterThan(50);

    // A branch, picked by name.
    await page.getByRole('combobox', { name: '党支部' }).click();
    await page.getByRole('combobox', { name: '党支部' }).fill('府前');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/console/audit?branch=${seeded.branches.fuqian}`);
    await table.getByText('王建国', { exact: false }).first().waitFor();
    expect(await table.innerText()).not.toContain('新义');

    // And an event type: 摸排 only.
    await page.getByRole('combobox', { name: '事件类型' }).click();
    await page.getByRole('combobox', { name: '事件类型' }).fill('摸排');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.waitForURL(`${base}/console/audit?branch=${seeded.branches.fuqian}&type=CensusTaken`);
    await expectVisible(page, '共显示 1 条');
    expect(await table.locator('tr').count()).toBe(1);

    // Business dates, typed as a clerk writes them; the log pictured for the README.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForURL(`${base}/console/audit`);
    await typeDate(page, '业务日期自', '2023年1月1日');
    await page.waitForURL(/from=2023-01-01$/);
    await typeDate(page, '至', '2023年3月31日');
    await page.waitForURL(`${base}/console/audit?from=2023-01-01&to=2023-03-31`);
    await table.getByText('提出撤并方案：振兴社区离退休干部党支部并入西关社区离退休干部党支部').waitFor();
    expect(await table.innerText()).not.toContain('2020年');
    await expectVisible(page, '印发换届选举工作方案');
    expect(await unlabelledFields(page)).toEqual([]);
    // Away from the date fields, so neither is pictured focused.
    await page.getByText('共显示 32 条', { exact: true }).click();
    await page.mouse.move(0, 0);
    await picture(page, 'audit');

    // An actor's records, from the name in the table.
    await table.getByRole('button', { name: '李红梅' }).first().click();
    await page.waitForURL(/actor=clerk-li-hongmei/);

    // One event in full: 王建国's post as secretary, its hash and the hash of the event before it in its stream.
    await page.goto(`${base}/console/audit?member=${seeded.members['王建国']}&type=PostAssigned`);
    await table.getByRole('link', { name: '详情' }).first().click();
    await page.waitForURL(/\/console\/audit\/events\/[0-9a-f-]{36}$/);
    await expectVisible(page, '本事件哈希');
    await expectVisible(page, '规则版本');
    await expectVisible(page, '2018-10-28');
    await expectVisible(page, '李红梅（管理员，账号 clerk-li-hongmei）');
    const hashes = (await page.locator('.hash').allInnerTexts()).map((text) => text.trim());
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[0]).not.toBe(hashes[1]);
    await expectVisible(page, '即第 ');
    await expectVisible(page, '"holder"');
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-event.png'), fullPage: true });

    // Verification, then a digest recorded and one downloaded to keep outside the system.
    await page.getByRole('tab', { name: '核验与摘要' }).click();
    await page.waitForURL(`${base}/console/audit/verify`);
    await page.getByRole('button', { name: '开始核验' }).click();
    await expectVisible(page, '历史记录完整，未发现改动');
    await page.getByRole('button', { name: '记录摘要' }).click();
    await expectVisible(page, '已记录摘要：截至第');
    await page.locator('.ant-table-tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载当前摘要（JSON）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^历史摘要-截至第\d+条\.json$/);
    const kept = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(kept.digest.merkleRoot).toMatch(/^[0-9a-f]{64}$/);
    expect(kept.heads.length).toBe(kept.digest.streamCount);

    // A member's history, found by name.
    await page.getByRole('tab', { name: '党员历史' }).click();
    await page.getByRole('combobox', { name: '查找党员' }).click();
    await page.getByRole('combobox', { name: '查找党员' }).fill('郭守信');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/console/audit/members/${seeded.members['郭守信']}`);
    await expectVisible(page, '郭守信：组织关系');
    await expectVisible(page, '编入');
    const posts = page.locator('.ant-card').filter({ hasText: '郭守信：任职' });
    await posts.getByText('书记', { exact: true }).waitFor();
    await posts.getByText('选举产生').waitFor();
    await posts.getByText('高阳镇离退休干部党支部').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-member.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('工作台 shows an auditor the restructurings in flight, each linked to its screen', async () => {
    const { page, errors } = await signedIn('审计员', `/?asOf=${AS_OF}`);
    const card = page.locator('.work-card').filter({ has: page.getByText('组织调整进行中', { exact: true }) });
    const link = card.getByRole('link', { name: '提出撤并方案：振兴社区离退休干部党支部并入西关社区离退休干部党支部' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/console/restructurings/${seeded.restructuringId}`);
    await card.getByText('已提出，待批准').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('报表 shows the statistics as of a day and saves the roll as a CSV file with Chinese headers', async () => {
    const { page, errors } = await signedIn('报表', `/reports?asOf=${AS_OF}`);
    const figure = (card: string, title: string) =>
      page
        .locator('.figure-card')
        .filter({ hasText: card })
        .locator('.ant-statistic')
        .filter({ hasText: title })
        .locator('.ant-statistic-content')
        .innerText();
    await expectVisible(page, '换届选举（按所处阶段）');
    expect(await figure('党支部', '在册')).toBe('7个');
    expect(await figure('党员', '在册')).toBe('21人');
    expect(await figure('党员', '正式党员')).toBe('21人');
    // A reporter's ages go by birth year: 2023 less 1953 (郭守信), the median of six secretaries.
    expect(await figure('党支部书记', '在任')).toBe('6人');
    expect(await figure('党支部书记', '最年轻')).toBe('70岁');
    expect(await figure('党支部书记', '年龄中位数')).toBe('73.5岁');
    await expectVisible(page, '按出生年份计算（2023年减出生年份）');
    const stages = await page
      .locator('.ant-card')
      .filter({ hasText: '换届选举（按所处阶段）' })
      .locator('tbody tr')
      .allInnerTexts();
    expect(
      stages.map((row) =>
        row
          .split('\t')
          .slice(0, 2)
          .map((cell) => cell.trim()),
      ),
    ).toEqual([
      ['已摸排', '2 个'],
      ['已请示，待批复', '1 个'],
      ['已批复', '1 个'],
      ['已完成换届', '1 个'],
    ]);
    expect(await unlabelledFields(page)).toEqual([]);
    await picture(page, 'reports', { fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出党员花名册' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`党员花名册-${AS_OF}.csv`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '党员编号,姓名,性别,入党日期,原职级,党员类别,权利是否中止,状态,支部编号,所在支部,编入日期,离开日期,离开原因,年龄段',
    );
    expect(lines).toHaveLength(22);
    expect(lines.some((line) => line.includes('郭守信') && line.includes('高阳镇离退休干部党支部'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('the menu follows the role, and a screen opened by its address says who may use it', async () => {
    const menus: Record<string, string[]> = {};
    for (const role of ['管理员', '审计员', '报表'] as const) {
      const { page, errors } = await signedIn(role, `/?asOf=${AS_OF}`);
      const menu = page.getByRole('navigation', { name: '主菜单' });
      await menu.getByRole('menuitem', { name: '工作台' }).waitFor();
      menus[role] = (await menu.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
      if (role !== '审计员') {
        await page.goto(`${base}/console/audit/verify`);
        await expectVisible(page, '“审计”仅供审计员使用');
        expect(await page.getByRole('button', { name: '开始核验' }).count()).toBe(0);
      }
      if (role === '管理员') {
        await page.goto(`${base}/console/reports?asOf=${AS_OF}`);
        await page.getByRole('button', { name: '导出统计数据' }).waitFor();
        await page.getByRole('button', { name: '导出换届进度表' }).waitFor();
        expect(await page.getByRole('button', { name: '导出党员花名册' }).count()).toBe(0);
        await expectVisible(page, '党员花名册仅供审计员、报表导出');
      }
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(menus).toEqual({
      管理员: ['工作台', '组织架构', '换届', '调整', '示范与志愿', '报表', '导入'],
      审计员: ['工作台', '组织架构', '换届', '调整', '示范与志愿', '审计', '报表'],
      报表: ['工作台', '换届', '调整', '示范与志愿', '报表'],
    });
  }, 90_000);

  // Last: it alters the stored history.
  it('工作台 shows the reminders the election timers sent to the superior that month', async () => {
    // The timers' round of the day; after the 审计 and 报表 tests, whose counts it would change.
    await api.app.get(ElectionTimers).tick(new Date(`${AS_OF}T02:00:00.000Z`));
    const { page, errors } = await signedIn('管理员', `/?asOf=${AS_OF}`);
    const card = page
      .locator('.work-card')
      .filter({ has: page.getByText('近一个月已提醒上级党组织', { exact: true }) });
    // One of each kind, matching the cards above: 崇文 overdue since its term ended 2023-03-31,
    // 府前 three months before 2023-06-30, and 振兴, with no officers on record, monthly.
    await expectContains(card).toContain([
      '崇文社区离退休干部党支部',
      '任期已于2023年3月31日届满，尚未完成换届',
      '2023年4月1日',
      '府前社区离退休干部党支部',
      '任期2023年6月30日届满，提前3个月提醒',
      '2023年3月30日',
      '振兴社区离退休干部党支部',
      '未登记任期届满日期，每月提醒',
      '2023年4月10日',
    ]);
    await card.getByRole('link', { name: '崇文社区离退休干部党支部' }).click();
    await page.waitForURL(/\/console\/org\/branches\/[0-9a-f-]{36}$/);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('审计 names the first altered event when the stored history was changed behind the API', async () => {
    const db = new Database(join(api.dataDir, 'events.sqlite'));
    try {
      db.prepare(
        `UPDATE events SET data = json_set(data, '$.notes', '事后补记') WHERE stream = ? AND revision = 0`,
      ).run(`election-${seeded.elections.fuqian}`);
    } finally {
      db.close();
    }
    const { page, errors } = await signedIn('审计员', '/audit/verify');
    await page.getByRole('button', { name: '开始核验' }).click();
    await expectVisible(page, '历史记录未通过核验：1 个记录流有问题');
    await expectVisible(page, `第一处：记录流 election-${seeded.elections.fuqian} 第 0 版事件内容被改动`);
    await expectVisible(page, '2023年3月1日「摸排」');
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-verify-altered.png') });
    // Nothing is recorded for a history that does not verify.
    await page.getByRole('button', { name: '记录摘要' }).click();
    await expectVisible(page, '历史记录未通过核验（1 个记录流有问题），未记录摘要。');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

/** Waits until the locator's text holds every piece. */
function expectContains(locator: Locator) {
  return {
    async toContain(pieces: readonly string[]): Promise<void> {
      for (const piece of pieces) await locator.getByText(piece, { exact: false }).first().waitFor({ timeout: 15_000 });
    },
  };
}

/**
 * A picture for docs/console/, the same on every run: once every read has answered, nothing is
 * loading and antd's entrance motions (badges, tags) have finished.
 */
async function picture(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-skeleton, .ant-spin-spinning').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', ...options });
}

/** Types a date into the labelled picker as a clerk writes it, and closes the calendar. */
async function typeDate(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(value);
  await field.press('Enter');
  await page.keyboard.press('Escape');
}

async function rowTexts(page: Page): Promise<string[][]> {
  return page.evaluate<string[][]>(`[...document.querySelectorAll('.ant-table-row')].map((row) =>
    [...row.querySelectorAll('td')].slice(0, 6).map((cell) => cell.innerText.trim()))`);
}

async function expectVisible(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Form fields without a label a screen reader could announce (a <label>, aria-label or -labelledby). */
function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
    .filter((field) => field.type !== 'hidden' && field.labels.length === 0
      && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
    .map((field) => field.outerHTML.slice(0, 120))`);
}
