import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { stageConsole, type ConsoleStage } from './console-stage';
import { expectVisible, picture, signedIn } from './restructure-page';

const ITEMS = [
  'venue',
  'sign',
  'flag',
  'facilities',
  'rules',
  'reading',
  'ledger',
  'wechat',
  'noticeBoard',
  'branchBasics',
  'memberRecords',
  'duesRecords',
  'workRecords',
];
const CRITERIA = ['organisationSetUp', 'leadershipTeam', 'memberBody', 'studyActivities', 'roleFulfilled', 'rulesKept'];
const FUZHONG = '府中社区离退休干部党支部';
const LIUYI = '留义社区离退休干部党支部';

/**
 * 示范与志愿 in Chromium against the real API on loopback, with records made through it: a 2022
 * campaign with 府中 (13/13, 六好 met, named on 2022年6月2日, a brand and 5000 元) and 留义 (no
 * WeChat platform yet), and a volunteer team's two activities, 5 person-times. Every date is a
 * business date, so docs/console/demonstration.png comes out the same on every run.
 */
describe('console: 示范与志愿', () => {
  let base: string;
  let browser: Browser;
  let stage: ConsoleStage | undefined;

  beforeAll(async () => {
    stage = await stageConsole({ pictures: true });
    ({ base, browser } = stage);
    await seed(base, stage.authorization);
  }, 90_000);

  afterAll(() => stage?.close());

  it('shows each branch’s checklist with the missing item named, its 六好, its approval date, brand and funding', async () => {
    const { page, errors } = await signedIn(browser, base, '管理员', '/demonstrations');
    await expectVisible(page, '2022年离退休干部示范党支部创建');
    const fuzhong = page.locator('.ant-card').filter({ has: page.getByText(FUZHONG, { exact: true }) });
    const liuyi = page.locator('.ant-card').filter({ has: page.getByText(LIUYI, { exact: true }) });
    await expectVisible(page, '缺少材料：有微信平台');
    expect(await liuyi.getByText('缺少材料：有微信平台').count()).toBe(1);
    expect(await fuzhong.getByText('缺少材料：').count()).toBe(0);
    expect(await fuzhong.innerText()).toContain('已命名（2022年6月2日）');
    expect(await fuzhong.innerText()).toContain('13/13 项有材料');
    expect(await fuzhong.innerText()).toContain('6/6 项达标');
    expect(await fuzhong.innerText()).toContain('银龄府中（红色宣讲进社区）');
    expect(await fuzhong.innerText()).toContain('5000 元（更新制作版面）');
    expect(await liuyi.innerText()).toContain('12/13 项有材料');
    expect(await liuyi.innerText()).toContain('尚未批准');
    expect(await liuyi.getByText('已有材料', { exact: true }).count()).toBe(12);
    await picture(page, 'demonstration', { fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出创建进度表' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('示范党支部创建进度-2022.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    // Each branch's 13 checklist items, then its 六好, below one header row.
    expect(lines).toHaveLength(1 + 2 * (13 + 6));
    const wechat = lines.find((line) => line.includes(LIUYI) && line.includes('有微信平台')) ?? '';
    expect(wechat).not.toBe('');
    expect(wechat).not.toContain('已有材料');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the volunteer person-times in total, by branch and by month, and the activities', async () => {
    const { page, errors } = await signedIn(browser, base, '报表', '/demonstrations/volunteers');
    const total = page.locator('.ant-statistic').filter({ hasText: '服务人次' });
    await total.waitFor();
    expect((await total.innerText()).replace(/\s+/g, '')).toBe('服务人次5人次');
    const byBranch = page.locator('.ant-card').filter({ hasText: '按党支部' });
    expect(await byBranch.getByRole('row').filter({ hasText: FUZHONG }).innerText()).toContain('4 人次');
    expect(await byBranch.getByRole('row').filter({ hasText: LIUYI }).innerText()).toContain('1 人次');
    const byMonth = page.locator('.ant-card').filter({ hasText: '按月份' });
    expect(await byMonth.getByRole('row').filter({ hasText: '2022年5月' }).innerText()).toContain('3 人次');
    await expectVisible(page, '2022年6月10日');
    await expectVisible(page, '府中社区老干部志愿服务队');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The records, made through the API as the bureau's clerk would, each on its business date. */
async function seed(base: string, authorization: string): Promise<void> {
  let key = 0;
  const post = async (path: string, body: object): Promise<string> => {
    key += 1;
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Idempotency-Key': `demonstration-${String(key).padStart(4, '0')}`,
      },
      body: JSON.stringify(body),
    });
    if (![200, 201, 202].includes(response.status)) {
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    }
    const answer = (await response.json()) as { id: string; createdId?: string };
    return answer.createdId ?? answer.id;
  };

  const committeeId = await post('/committees', {
    name: '孝义市离退休干部党委',
    kind: 'committee',
    occurredAt: '2020-01-01',
  });
  const branch = (name: string) =>
    post('/branches', {
      name,
      parentCommitteeId: committeeId,
      managementLinks: [{ kind: 'community', name: `${name.slice(0, 2)}社区党委` }],
      occurredAt: '2020-01-10',
    });
  const fuzhong = await branch(FUZHONG);
  const liuyi = await branch(LIUYI);
  const member = (name: string, branchId: string, birthDate: string) =>
    post('/members', {
      name,
      birthDate,
      sex: 'male',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '科级',
      membership: 'full',
      branchId,
      occurredAt: '2020-02-01',
    });
  const leader = await member('王建国', fuzhong, '1948-03-02');
  const second = await member('李德明', fuzhong, '1950-07-15');
  const fromLiuyi = await member('张国庆', liuyi, '1949-10-01');

  const campaignId = await post('/demonstrations', {
    title: '2022年离退休干部示范党支部创建',
    year: 2022,
    occurredAt: '2022-03-01',
  });
  const branchPath = (branchId: string, what: string) => `/demonstrations/${campaignId}/branches/${branchId}/${what}`;
  for (const branchId of [fuzhong, liuyi]) {
    await post(`/demonstrations/${campaignId}/branches`, { branchId, occurredAt: '2022-03-02' });
    for (const itemId of ITEMS) {
      // 留义 has no WeChat platform yet.
      if (branchId === liuyi && itemId === 'wechat') continue;
      await post(branchPath(branchId, 'evidence'), {
        itemId,
        kind: itemId === 'flag' ? 'photo' : 'document',
        reference: `${itemId}-001`,
        checkedOn: '2022-04-10',
        checkedBy: '王组织',
        occurredAt: '2022-04-11',
      });
    }
    for (const [index, criterionId] of CRITERIA.entries()) {
      await post(branchPath(branchId, 'assessments'), {
        criterionId,
        ...(index % 2 === 0 ? { score: 88 } : { passed: true }),
        assessedBy: '市委老干部局考评组',
        occurredAt: '2022-04-20',
      });
    }
  }
  await post(branchPath(fuzhong, 'approval'), {
    approvedBy: '中共孝义市委老干部局',
    documentNumber: '孝老干字〔2022〕9号',
    level: 'county',
    occurredAt: '2022-06-02',
  });
  await post(branchPath(fuzhong, 'brand'), {
    name: '银龄府中',
    feature: '红色宣讲进社区',
    story: '老书记带头，每月一次党史故事会。',
    occurredAt: '2022-06-05',
  });
  await post(branchPath(fuzhong, 'funding'), { amountYuan: 5000, purpose: '更新制作版面', occurredAt: '2022-06-05' });

  const teamId = await post('/volunteer-teams', {
    name: '府中社区老干部志愿服务队',
    leadBranchId: fuzhong,
    leaderMemberId: leader,
    occurredAt: '2022-03-05',
  });
  for (const memberId of [second, fromLiuyi]) {
    await post(`/volunteer-teams/${teamId}/members`, { memberId, occurredAt: '2022-03-06' });
  }
  const activity = (on: string, kind: string, participantIds: string[]) =>
    post(`/volunteer-teams/${teamId}/activities`, {
      on,
      kind,
      title: '喜迎二十大 银龄心向党',
      place: '府中社区',
      organiser: '王秀英',
      participantIds,
      occurredAt: '2022-06-30',
    });
  await activity('2022-05-15', 'redLecture', [leader, second, fromLiuyi]);
  await activity('2022-06-10', 'greenEcology', [leader, second]);
}
