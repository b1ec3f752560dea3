import type { Browser, Page } from 'playwright-core';
import { stageConsole, type ConsoleStage } from './console-stage';
import { choose, expectVisible, picture, signedIn, typeDate, unlabelledFields } from './restructure-page';
import { BRANCH_NAMES, seedRestructure, type RestructureSeed } from './restructure-seed';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * 调整 and 组织架构 in Chromium against the real API on loopback, with records made through it
 * (restructure-seed.ts): a merge run through the wizard from choosing the branches to the end
 * counts, the tree the day before and the day of it, the changes between the two days, a
 * branch's page, and a stale approval's 409. Every date is typed or in the address, so
 * docs/console/wizard.png and org-diff.png come out the same on every run.
 */
describe('console: 调整 wizard and 组织架构', () => {
  let base: string;
  let browser: Browser;
  let seeded: RestructureSeed;
  let authorization: string;

  let stage: ConsoleStage | undefined;

  beforeAll(async () => {
    stage = await stageConsole({ pictures: true });
    ({ base, authorization, browser } = stage);
    seeded = await seedRestructure(base, authorization);
  }, 90_000);

  afterAll(() => stage?.close());

  it('merges 振兴 and 永盛 into 西关 through the wizard, and shows the tree the day before and the day of it', async () => {
    const { page, errors } = await signedIn(browser, base, '管理员', '/restructurings');
    await page.getByRole('button', { name: '新建调整' }).click();
    await page.waitForURL(`${base}/console/restructurings/new`);

    // 第一步: nothing chosen yet, so the wizard says what is missing and stays.
    await page.getByRole('button', { name: '下一步：预览党员转接' }).click();
    await expectVisible(page, '请选择被合并的党支部。');
    await expectVisible(page, '请填写调整事由。');
    await choose(page, '被合并的党支部', '振兴');
    await choose(page, '被合并的党支部', '永盛');
    await page.keyboard.press('Escape');
    await choose(page, '并入的党支部', '西关');
    await page
      .getByLabel('调整事由')
      .fill('结合城市社区调整，振兴、永盛社区离退休干部党支部并入西关社区离退休干部党支部。');
    await typeDate(page, '提出日期', '2023年5月8日');
    expect(await unlabelledFields(page)).toEqual([]);
    await picture(page, 'wizard-choose', { fullPage: true });
    await page.getByRole('button', { name: '下一步：预览党员转接' }).click();

    // 第二步: every member's move, and 西关's members before and after.
    await expectVisible(page, '共 5 名党员将转接组织关系，撤销 2 个党支部。');
    const preview = page.locator('.ant-card').filter({ hasText: '党员转接预览' });
    for (const name of ['高凤英', '林宝山', '宋建华', '曹秀琴', '许国栋']) {
      await preview.getByRole('cell', { name, exact: true }).waitFor();
    }
    expect(await preview.getByRole('cell', { name: BRANCH_NAMES.xiguan, exact: true }).count()).toBe(5);
    const receiving = page.locator('.ant-card').filter({ hasText: '转入党支部的党员人数' });
    expect(await receiving.locator('.ant-table-row').first().innerText()).toBe(
      [BRANCH_NAMES.xiguan, '4 人', '0 人', '5 人', '8 人', '1 人'].join('\t'),
    );
    expect(await unlabelledFields(page)).toEqual([]);
    await picture(page, 'wizard', { fullPage: true });

    await page.getByRole('button', { name: '提出调整方案' }).click();
    await page.waitForURL(new RegExp(`/console/restructurings/${UUID}$`));
    const restructuringId = page.url().split('/').pop()!;
    await expectVisible(page, '已提出，待批准');
    await expectVisible(page, '2023年5月8日');

    // 第三步: the superior's approval.
    await page.getByLabel('批准机关').fill('孝义市离退休干部党委');
    await page.getByLabel('批准文号').fill('孝离退党字〔2023〕21号');
    await typeDate(page, '批准日期', '2023年5月9日');
    await page.getByRole('button', { name: '批准方案' }).click();
    await expectVisible(page, '孝义市离退休干部党委《孝离退党字〔2023〕21号》，2023年5月9日');

    // 第四步: the execution, carried out by the API in the background, followed to the end.
    await typeDate(page, '执行日期', '2023年5月10日');
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByRole('button', { name: '开始执行' }).click();
    await expectVisible(page, '第五步：调整完成');
    const outcome = page.locator('.ant-card').filter({ hasText: '第五步：调整完成' });
    const figure = async (title: string) =>
      outcome.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content').innerText();
    expect(await figure('转接党员')).toBe('5人');
    expect(await figure('撤销党支部')).toBe('2个');
    expect(await figure('新设党支部')).toBe('0个');
    expect(await figure('完成日期')).toBe('2023年5月10日');
    await expectVisible(page, '方案中的 5 名党员都已转入新的党支部。');
    expect(await page.locator('.ant-tag').filter({ hasText: '已转接' }).count()).toBe(0);
    const transfers = page.locator('.ant-card').filter({ hasText: '党员转接（5 人）' });
    await transfers.getByRole('cell', { name: '高凤英', exact: true }).waitFor();
    await picture(page, 'wizard-completed', { fullPage: true });

    // The tree the day before: both branches still there.
    await page.getByRole('link', { name: '调整前一天（2023年5月9日）的组织架构' }).click();
    await page.waitForURL(`${base}/console/org?asOf=2023-05-09`);
    await expectVisible(page, BRANCH_NAMES.zhenxing);
    await expectVisible(page, BRANCH_NAMES.yongsheng);
    expect(await branchLine(page, 'xiguan')).toContain('正式党员 4 人');
    expect(await totalBranches(page)).toBe('5个');

    // The day of it: gone, their members in 西关.
    await page.goBack();
    await page.waitForURL(`${base}/console/restructurings/${restructuringId}`);
    await page.getByRole('link', { name: '调整当天（2023年5月10日）的组织架构' }).click();
    await page.waitForURL(`${base}/console/org?asOf=2023-05-10`);
    expect(await branchLine(page, 'xiguan')).toContain('正式党员 8 人，预备党员 1 人');
    expect(await page.getByText(BRANCH_NAMES.zhenxing).count()).toBe(0);
    expect(await page.getByText(BRANCH_NAMES.yongsheng).count()).toBe(0);
    expect(await totalBranches(page)).toBe('3个');
    expect(errors).toEqual([]);
    await page.close();

    // The restructuring recorded what the wizard did, on the days typed.
    const recorded = (await (
      await fetch(`${base}/restructurings/${restructuringId}`, { headers: { Authorization: authorization } })
    ).json()) as { status: string; plan: object; approval: object; counts: object };
    expect(recorded).toMatchObject({
      status: 'completed',
      plan: {
        kind: 'merge',
        sourceBranchIds: [seeded.branches.zhenxing, seeded.branches.yongsheng],
        target: { kind: 'existing', branchId: seeded.branches.xiguan },
      },
      approval: { approvedOn: '2023-05-09', documentReference: '孝离退党字〔2023〕21号' },
      counts: { membersTransferred: 5, branchesClosed: 2 },
    });
  }, 120_000);

  it('lists the changes between the two days, each move and closing linked to the restructuring', async () => {
    const { page, errors } = await signedIn(browser, base, '审计员', '/org/diff?from=2023-05-09&to=2023-05-10');
    await expectVisible(page, '列出2023年5月9日之后至2023年5月10日（含当天）发生的变化。');
    const section = (title: string) => page.locator('.org-diff-section').filter({ hasText: title });
    await section('合并党支部（2）').getByText(`${BRANCH_NAMES.zhenxing}并入${BRANCH_NAMES.xiguan}`).waitFor();
    await section('合并党支部（2）').getByText(`${BRANCH_NAMES.yongsheng}并入${BRANCH_NAMES.xiguan}`).waitFor();
    // A merged branch is listed as merged, not again as dissolved.
    expect(await section('撤销党支部').count()).toBe(0);
    const moved = section('党员组织关系转接（5）');
    await moved.getByText(`高凤英：${BRANCH_NAMES.zhenxing} → ${BRANCH_NAMES.xiguan}`).waitFor();
    await moved.getByText(`许国栋：${BRANCH_NAMES.yongsheng} → ${BRANCH_NAMES.xiguan}`).waitFor();
    expect(await moved.getByRole('cell', { name: '2023年5月10日' }).count()).toBe(5);
    const link = moved.getByRole('link', { name: '组织调整' }).first();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/console/restructurings/${UUID}$`));
    expect(await page.getByText('新设党支部').count()).toBeGreaterThan(0);
    expect(await unlabelledFields(page)).toEqual([]);
    await picture(page, 'org-diff', { fullPage: true });

    // A day with nothing in it says so.
    await typeDate(page, '截止日期', '2023年5月11日');
    await page.waitForURL(`${base}/console/org/diff?from=2023-05-09&to=2023-05-11`);
    await typeDate(page, '起始日期', '2023年5月10日');
    await page.waitForURL(`${base}/console/org/diff?from=2023-05-10&to=2023-05-11`);
    await expectVisible(page, '2023年5月10日之后至2023年5月11日，组织架构没有变化');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("opens a branch's page from the tree: its roll, posts, shape, management links and elections", async () => {
    const { page, errors } = await signedIn(browser, base, '管理员', '/org?asOf=2023-05-10');
    await page.getByRole('link', { name: BRANCH_NAMES.xiguan }).click();
    await page.waitForURL(`${base}/console/org/branches/${seeded.branches.xiguan}`);
    await expectVisible(page, '花名册（9 人）');
    const roll = page.locator('.ant-card').filter({ hasText: '花名册（9 人）' });
    for (const name of ['马文斌', '高凤英', '许国栋']) await roll.getByRole('cell', { name, exact: true }).waitFor();
    expect(await roll.locator('.ant-table-row').filter({ hasText: '许国栋' }).innerText()).toContain('预备党员');
    const posts = page.locator('.ant-card').filter({ hasText: '现任职务（1）' });
    expect(await posts.locator('.ant-table-row').innerText()).toBe(
      ['书记', '马文斌', '选举产生', '—', '2020年12月31日'].join('\t'),
    );
    await expectVisible(page, '社区党组织：西关社区党委');
    await expectVisible(page, '正式党员 8 人，预备党员 1 人');
    await expectVisible(page, '孝义市离退休干部党委');
    // 8 full members and no committee: the API's shape says one must be elected.
    await expectVisible(page, '需选举支委会');
    const election = page.locator('.ant-card').filter({ hasText: '换届选举（1）' }).getByRole('link');
    expect(await election.getAttribute('href')).toBe(`/console/elections/${seeded.xiguanElection}`);
    await expectVisible(page, '已摸排');
    await picture(page, 'org-branch', { fullPage: true });

    // A closed branch still has its page: 振兴, dissolved by the merge, its members gone.
    await page.goto(`${base}/console/org/branches/${seeded.branches.zhenxing}`);
    await expectVisible(page, '已撤销');
    await expectVisible(page, '花名册（0 人）');
    await expectVisible(page, '2023年5月10日');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('tells a clerk approving what someone else approved meanwhile that the record changed, and reloads it', async () => {
    const { page, errors } = await signedIn(browser, base, '管理员', '/restructurings');
    await page.getByRole('link', { name: '新义社区撤销，党员转入府东社区离退休干部党支部。' }).waitFor();
    await picture(page, 'restructurings');
    await page.getByRole('link', { name: '新义社区撤销，党员转入府东社区离退休干部党支部。' }).click();
    await page.waitForURL(`${base}/console/restructurings/${seeded.waitingDissolution}`);
    await expectVisible(page, '已提出，待批准');
    const preview = page.locator('.ant-card').filter({ hasText: '党员转接预览（3 人）' });
    await preview.getByRole('cell', { name: '刘德明', exact: true }).waitFor();

    // Another clerk records the approval while this page still shows revision 0.
    const elsewhere = await fetch(`${base}/restructurings/${seeded.waitingDissolution}/approve`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'restructure-elsewhere-approval',
        'If-Match': '"0"',
      },
      body: JSON.stringify({
        approvedBy: '孝义市离退休干部党委',
        documentReference: '孝离退党字〔2023〕18号',
        approvedOn: '2023-04-25',
        occurredAt: '2023-04-25',
      }),
    });
    expect(elsewhere.status).toBe(200);

    await page.getByLabel('批准机关').fill('孝义市离退休干部党委');
    await page.getByLabel('批准文号').fill('孝离退党字〔2023〕19号');
    await typeDate(page, '批准日期', '2023年4月26日');
    await page.getByRole('button', { name: '批准方案' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-modal-confirm-title').getByText('记录已被他人修改').waitFor();
    await dialog.getByText('该记录已被其他人修改').waitFor();
    await dialog.getByRole('button', { name: '重新载入' }).click();
    await expectVisible(page, '孝义市离退休干部党委《孝离退党字〔2023〕18号》，2023年4月25日');
    await expectVisible(page, '已批准，待执行');
    await page.getByRole('button', { name: '开始执行' }).waitFor();
    // Only the other clerk's approval was recorded.
    const recorded = (await (
      await fetch(`${base}/restructurings/${seeded.waitingDissolution}`, { headers: { Authorization: authorization } })
    ).json()) as { revision: number; approval: { documentReference: string } };
    expect(recorded).toMatchObject({ revision: 1, approval: { documentReference: '孝离退党字〔2023〕18号' } });
    // Chromium itself notes the refused request; the page logged nothing and threw nothing.
    const refused = `console: Failed to load resource: the server responded with a status of 409 (Conflict) (${base}/restructurings/${seeded.waitingDissolution}/approve)`;
    expect(errors).toEqual([refused]);
    await page.close();
  }, 60_000);

  it('redraws 府东 and 新义: three members, each given a branch in the preview, go to a new branch 永安', async () => {
    const { page, errors } = await signedIn(browser, base, '管理员', '/restructurings/new');
    await page.getByText('区域调整', { exact: true }).click();
    await choose(page, '涉及的党支部', '府东');
    await choose(page, '涉及的党支部', '新义');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '新设一个党支部' }).click();
    await page.getByLabel('新设党支部名称').fill('永安社区离退休干部党支部');
    await page.getByRole('combobox', { name: '新设党支部隶属党委' }).click();
    await pickOption(page, '孝义市离退休干部党委');
    await page.getByLabel('调整事由').fill('结合城市社区调整，按住址设立永安社区离退休干部党支部。');
    await typeDate(page, '提出日期', '2023年6月1日');
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByRole('button', { name: '下一步：预览党员转接' }).click();

    // Every member of both branches is listed; staying is the choice until another is made.
    await expectVisible(page, '按所选方案，没有党员需要转接。');
    for (const name of ['郑国华', '冯秀兰', '刘德明']) {
      await page.locator(`div.ant-select[aria-label="${name}转入的党支部"]`).click();
      await pickOption(page, '永安社区离退休干部党支部（新设）');
    }
    await expectVisible(page, '共 3 名党员将转接组织关系，新设 1 个党支部。');
    const receiving = page.locator('.ant-card').filter({ hasText: '转入党支部的党员人数' });
    expect(await receiving.locator('.ant-table-row').first().innerText()).toBe(
      ['永安社区离退休干部党支部（新设）', '0 人', '0 人', '3 人', '3 人', '0 人'].join('\t'),
    );
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByRole('button', { name: '提出调整方案' }).click();
    await page.waitForURL(new RegExp(`/console/restructurings/${UUID}$`));

    await page.getByLabel('批准机关').fill('孝义市离退休干部党委');
    await page.getByLabel('批准文号').fill('孝离退党字〔2023〕30号');
    await typeDate(page, '批准日期', '2023年6月5日');
    await page.getByRole('button', { name: '批准方案' }).click();
    await typeDate(page, '执行日期', '2023年6月6日');
    await page.getByRole('button', { name: '开始执行' }).click();
    const outcome = page.locator('.ant-card').filter({ hasText: '第五步：调整完成' });
    await outcome.waitFor();
    const figure = async (title: string) =>
      outcome.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content').innerText();
    expect(await figure('转接党员')).toBe('3人');
    expect(await figure('新设党支部')).toBe('1个');
    expect(await figure('撤销党支部')).toBe('0个');

    await page.getByRole('link', { name: '调整当天（2023年6月6日）的组织架构' }).click();
    await page.waitForURL(`${base}/console/org?asOf=2023-06-06`);
    expect(await page.locator('.org-branch').filter({ hasText: '永安社区离退休干部党支部' }).innerText()).toContain(
      '正式党员 3 人',
    );
    expect(await branchLine(page, 'fudong')).toContain('正式党员 1 人');
    expect(await branchLine(page, 'xinyi')).toContain('正式党员 2 人');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

/** Clicks an option of the select whose list is open. */
async function pickOption(page: Page, label: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await open.getByText(label, { exact: true }).click();
  // Closed before the next select opens its own list.
  await open.first().waitFor({ state: 'hidden' });
}

/** A branch's line in the tree on the page. */
function branchLine(page: Page, key: keyof typeof BRANCH_NAMES): Promise<string> {
  return page.locator('.org-branch').filter({ hasText: BRANCH_NAMES[key] }).innerText();
}

async function totalBranches(page: Page): Promise<string> {
  return page
    .locator('.ant-statistic')
    .filter({ hasText: '党支部' })
    .first()
    .locator('.ant-statistic-content')
    .innerText();
}
