import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { collectErrors, SCREENSHOTS, VIEWPORT } from './browser';
import { stageConsole, type ConsoleStage } from './console-stage';
import { BRANCH, SECOND_BRANCH, seedElectionBranch, type ElectionSeed } from './election-seed';

/**
 * 换届 in Chromium against the real API: one branch's election from its census to the installed
 * posts, every step through the console (only the committee, the branch, its members and its
 * 2020 secretary are made through the API). Each act is dated by `asOf` in the address, so the
 * pictures in docs/console/ come out the same on every run.
 */
describe('console: 换届', () => {
  let base: string;
  let browser: Browser;
  let seed: ElectionSeed;
  let authorization: string;

  let stage: ConsoleStage | undefined;

  beforeAll(async () => {
    stage = await stageConsole({ pictures: true });
    ({ base, authorization, browser } = stage);
    seed = await seedElectionBranch(base, authorization);
  }, 90_000);

  afterAll(() => stage?.close());

  it('drives a branch’s election from the census to installed posts, with a refused step, a blocked one and a stale edit', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const errors = collectErrors(page);
    await page.goto(`${base}/console/elections?asOf=2023-03-01`);
    await page.waitForURL(/\/console\/sign-in\?returnTo=/);
    await page.getByLabel('管理员', { exact: false }).check();
    await page.getByRole('button', { name: '以所选角色登录' }).click();
    await page.waitForURL(`${base}/console/elections?asOf=2023-03-01`);

    // 摸排 begins the election.
    // The list links each election; 新华's, under way, holds its branch out of the census's choice.
    await page.getByRole('link', { name: SECOND_BRANCH }).waitFor();
    await visible(page, '候选人预备人选已同意');
    await pick(page, '党支部', [BRANCH]);
    await page.getByLabel('支委会（书记）工作情况').fill('支委会能正常开展工作，按期召开组织生活会。');
    await page.getByLabel('书记情况（身体、意愿、年龄）').fill('书记年事已高，本人不愿连任。');
    await page.getByRole('button', { name: '摸排并开始换届' }).click();
    await page.waitForURL(/\/console\/elections\/[0-9a-f-]{36}\?asOf=2023-03-01$/);
    const electionId = /elections\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const at = (day: string, step?: string) =>
      `${base}/console/elections/${electionId}?asOf=${day}${step ? `&step=${step}` : ''}`;
    await visible(page, `${BRANCH}换届选举`);
    // The next step is the request; the census's record is one step back.
    await page.getByRole('button', { name: '报送换届请示' }).first().waitFor();
    await page.locator('.steps-card').getByText('摸排', { exact: true }).click();
    await page.waitForURL(at('2023-03-01', 'census'));
    await visible(page, '应设支部委员会');
    expect(await descriptionOf(page, '正式党员')).toBe('8 名');
    expect(await descriptionOf(page, '应换届日期')).toBe('2023年6月30日');

    // A step out of order: its button is disabled, with the rule's sentence in Chinese.
    await page.goto(at('2023-03-01', 'approval'));
    const approve = act(page, '记录上级批复');
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    await visible(page, '暂不能记录上级批复');
    await visible(page, '上级党组织只对已提交、尚待答复的换届请示作出批复');

    // 换届请示, then 批复.
    await page.goto(at('2023-03-10'));
    await act(page, '报送换届请示').waitFor();
    expect(await page.getByLabel('设支部委员会').isChecked()).toBe(true);
    await typeDate(page, '计划召开党员大会日期', '2023年5月20日');
    await act(page, '报送换届请示').click();
    await page.locator('.steps-card').getByText('换届请示', { exact: true }).click();
    await visible(page, '委员候选人至少');
    expect(await descriptionOf(page, '计划召开党员大会')).toBe('2023年5月20日');
    await page.goto(at('2023-03-20'));
    await page.getByLabel('批复文号').fill('孝老干党字〔2023〕12号');
    await act(page, '记录上级批复').click();
    // Recorded, the stepper moves on to the next step.
    await visible(page, '尚未提名');

    // 推荐提名: four nominees for three committee seats.
    await page.goto(at('2023-03-25'));
    await visible(page, '尚未提名');
    await page.locator('.steps-card').getByText('上级批复', { exact: true }).click();
    expect(await descriptionOf(page, '批复失效日期')).toBe('2023年6月18日');
    for (const name of ['王志远', '李淑珍', '张建华', '刘桂芳'] as const) {
      // Each nomination re-reads the election, and the stepper shows the step it is now at: the
      // clerk opens 推荐提名 again before the next one, whatever the stepper settled on.
      await page.locator('.steps-card').getByText('推荐提名', { exact: true }).click();
      await act(page, '提 名').waitFor();
      await pick(page, '被提名人', [name]);
      await act(page, '提 名').click();
      await page.locator('.ant-table-tbody').getByText(name, { exact: true }).waitFor();
    }

    // 老干部推荐: two veteran cadres recommend 张建华.
    await page.getByText('老干部推荐、征求社区意见').click();
    await pick(page, '被推荐人', ['张建华']);
    await pick(page, '推荐人', ['陈国栋', '杨秀兰']);
    await act(page, '记录推荐').click();
    await visible(page, '张建华（支部委员，2人推荐）');
    expect(await page.locator('.ant-table-tbody tr').filter({ hasText: '张建华' }).innerText()).toContain('2 人');

    // 候选人预备人选: three candidates for three seats is refused with the API's sentence.
    await page.getByRole('button', { name: '下一步：候选人预备人选' }).click();
    await page.waitForURL(at('2023-03-25', 'slate'));
    await pick(page, '支部委员候选人', ['王志远', '李淑珍', '张建华']);
    await pick(page, '书记候选人', ['张建华']);
    await act(page, '报送候选人预备人选').click();
    await visible(page, '候选人预备人选中委员候选人 3 名、应选 3 名');
    // The sentence stays on the form after the message fades.
    await page.locator('.command-refusal').getByText('未能报送候选人预备人选').waitFor();
    await pick(page, '支部委员候选人', ['刘桂芳']);
    await act(page, '报送候选人预备人选').click();
    await page.waitForURL(at('2023-03-25', 'slate'));
    await visible(page, '王志远、李淑珍、张建华、刘桂芳');

    // The stepper as a clerk sees it, waiting for the superior's consent.
    await page.goto(at('2023-04-10'));
    await page.getByLabel('审查同意文号').waitFor();
    expect(await unlabelledFields(page)).toEqual([]);
    // Every command with the rule that blocks it today, as the picture shows them.
    await page.getByText('全部事项及不能办理的原因（按2023年4月10日判断）').click();
    await visible(page, '选举目前处于“候选人预备人选已上报”阶段');
    await picture(page, 'election-stepper', { fullPage: true });
    await page.getByText('全部事项及不能办理的原因（按2023年4月10日判断）').click();

    // Someone else records a vetting behind the page's back: the page's revision is stale.
    const vetting = await fetch(`${base}/elections/${electionId}/vetting`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'behind-the-page',
      },
      body: JSON.stringify({
        memberId: seed.members['刘桂芳'],
        method: 'visit',
        by: '第一换届工作指导组',
        notes: '走访了解，群众评价良好',
        on: '2023-04-08',
        occurredAt: '2023-04-08',
      }),
    });
    expect(vetting.status).toBe(200);
    await page.getByLabel('审查同意文号').fill('孝老干党字〔2023〕15号');
    await act(page, '记录审查同意').click();
    const conflict = page.getByRole('dialog').filter({ hasText: '记录已被他人修改' });
    await conflict.getByText('该记录已被其他人修改').waitFor();
    await conflict.getByRole('button', { name: '重新载入' }).click();
    await conflict.waitFor({ state: 'hidden' });
    // Read again at the new revision: the vetting recorded behind the page shows, the typed reference stays.
    await page.locator('.steps-card').getByText('推荐提名', { exact: true }).click();
    await page
      .locator('.ant-table-tbody tr')
      .filter({ hasText: '刘桂芳' })
      .getByText('走访了解 2023年4月8日')
      .waitFor();
    await page.locator('.steps-card').getByText('审查同意', { exact: true }).click();
    await page.getByLabel('审查同意文号').fill('孝老干党字〔2023〕15号');
    await act(page, '记录审查同意').click();
    await visible(page, '党员大会上清点到会人数');

    // 党员大会: 黄玉梅 is away; seven of eight meet the 4/5 quorum.
    await page.goto(at('2023-05-20', 'assembly'));
    await page.getByRole('button', { name: '进入党员大会' }).click();
    await page.waitForURL(`${base}/console/elections/${electionId}/assembly?asOf=2023-05-20`);
    await visible(page, '到会人数符合规定');
    await page.locator('.present-voters').getByLabel('黄玉梅').uncheck();
    await visible(page, '实到会有选举权的党员 7 名（87.5%）');
    await page.locator('.present-voters').getByLabel('赵德胜').uncheck();
    await page.locator('.present-voters').getByLabel('杨秀兰').uncheck();
    await visible(page, '到会人数不足，不能进行选举');
    await page.locator('.present-voters').getByLabel('赵德胜').check();
    await page.locator('.present-voters').getByLabel('杨秀兰').check();
    await visible(page, '到会人数符合规定，选举有效进行');
    await pick(page, '监票人（到会的非候选人党员）', ['陈国栋']);
    await pick(page, '计票人（非候选人）', ['杨秀兰']);
    await act(page, '召开党员大会').click();
    await visible(page, '第 1 轮选票录入');

    // Round one: the totals are checked as the piles are typed.
    const piles = page.locator('.pile-table .ant-table-tbody tr');
    await setCount(page, 1, 5);
    // The ballot reads 王志远、刘桂芳、李淑珍、张建华: 姓氏笔画 order, not the order the slate was typed in.
    await mark(piles.nth(0), ['赞成', '反对', '赞成', '赞成']);
    await page.getByRole('button', { name: '添加一类选票' }).click();
    await setCount(page, 2, 3);
    await mark(piles.nth(1), ['赞成', '赞成', '反对', '赞成']);
    await visible(page, '收回选票 8 张，多于发出的 7 张');
    await setCount(page, 1, 4);
    await visible(page, '发出 7 张，收回 7 张，有效 7 张，无效 0 张');
    await visible(page, '王志远 赞成 7、反对 0、弃权 0；刘桂芳 赞成 3、反对 4、弃权 0；李淑珍 赞成 4、反对 3、弃权 0');
    await act(page, '提交本轮选票').click();
    await act(page, '计 票').click();
    await visible(page, '第 1 轮计票结果：王志远（7票）、张建华（7票）当选');
    await visible(page, '尚缺 1 名：须另行选举，或经半数以上选举人同意减少名额');
    // Three seats are the committee's least: reducing them is refused before anything is sent.
    expect(await act(page, '减少应选名额').isDisabled()).toBe(true);

    // 另行选举 between the two not elected.
    await act(page, '另行选举').click();
    await visible(page, '第 2 轮另行选举选票录入');
    await setCount(page, 1, 5);
    // The ballot keeps the strokes order: 刘桂芳、李淑珍.
    await mark(piles.nth(0), ['反对', '赞成']);
    await page.getByRole('button', { name: '添加一类选票' }).click();
    await setCount(page, 2, 2);
    await mark(piles.nth(1), ['赞成', '反对']);
    await visible(page, '发出 7 张，收回 7 张，有效 7 张，无效 0 张');
    await visible(page, '刘桂芳 赞成 2、反对 5、弃权 0；李淑珍 赞成 5、反对 2、弃权 0');
    // The assembly as pictured for the README: attendance, round one's shortfall, round two being entered.
    await page.locator('.election-title').click();
    expect(await unlabelledFields(page)).toEqual([]);
    await picture(page, 'assembly', { fullPage: true });
    await act(page, '提交本轮选票').click();
    await act(page, '计 票').click();
    await visible(page, '第 2 轮计票结果：李淑珍（5票）当选');
    await visible(page, '新一届支部委员会共 3 名委员：王志远、张建华、李淑珍');
    expect(await unlabelledFields(page)).toEqual([]);

    // 支委会第一次会议, on the assembly screen.
    await pick(page, '会议主持人（上届委员会推荐的新委员）', ['王志远']);
    await pick(page, '书记', ['张建华']);
    await pick(page, '监票人（非书记、副书记候选人的委员）', ['李淑珍']);
    await page.getByLabel('王志远的分工').fill('组织委员');
    await page.getByLabel('李淑珍的分工').fill('宣传委员');
    await act(page, '选举书记、副书记').click();

    // 报告, 批准与备案, 任职.
    await page.getByLabel('报告文号').fill('文昌社区离退休干部党支部〔2023〕2号');
    await act(page, '报告选举结果').click();
    await page.getByLabel('批准文号（书记、副书记）').waitFor();
    await page.goto(at('2023-05-30'));
    await page.getByLabel('批准文号（书记、副书记）').fill('孝老干党字〔2023〕21号');
    await page.getByLabel('委员备案文号').fill('孝老干党字〔2023〕22号');
    await act(page, '记录批准与备案').click();
    await act(page, '办理任职').click();
    await visible(page, '换届完成');
    await visible(page, '新一届任期：2023年5月20日至');
    const posts = page.locator('.ant-table-tbody').last();
    await posts.getByText('张建华', { exact: true }).waitFor();
    expect(await posts.innerText()).toContain('组织委员');
    await page.screenshot({ path: join(SCREENSHOTS, 'election-installed.png'), fullPage: true });

    // The list shows it installed, linked to its stepper.
    await page.goto(`${base}/console/elections?asOf=2023-05-30`);
    const link = page.getByRole('link', { name: BRANCH });
    expect(await link.getAttribute('href')).toBe(`/console/elections/${electionId}?asOf=2023-05-30`);
    await visible(page, '已完成换届');
    await page.screenshot({ path: join(SCREENSHOTS, 'election-list.png'), fullPage: true });
    // Chromium logs every 4xx answer itself; the only ones are the two refusals provoked above.
    expect(errors.map((error) => error.replace(/^console: Failed to load resource: /, '').replace(base, ''))).toEqual([
      `the server responded with a status of 422 (Unprocessable Entity) (/elections/${electionId}/slate)`,
      `the server responded with a status of 409 (Conflict) (/elections/${electionId}/approve-slate)`,
    ]);
    await page.close();
  }, 240_000);

  it('records a round with more papers returned than issued as void, and settles a tie at the cut-off by a runoff', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const errors = collectErrors(page);
    const assembly = `/console/elections/${seed.second.electionId}/assembly?asOf=2023-05-21`;
    await page.goto(`${base}${assembly}`);
    await page.waitForURL(/\/console\/sign-in\?returnTo=/);
    await page.getByLabel('管理员', { exact: false }).check();
    await page.getByRole('button', { name: '以所选角色登录' }).click();
    await page.waitForURL(`${base}${assembly}`);
    await visible(page, `${SECOND_BRANCH}党员大会`);
    await page.locator('.present-voters').getByLabel('曹玉兰').uncheck();
    await pick(page, '监票人（到会的非候选人党员）', ['冯德明']);
    await pick(page, '计票人（非候选人）', ['何丽娟']);
    await act(page, '召开党员大会').click();

    // Eight papers back from seven issued: the round is recorded as void and voted again.
    await visible(page, '第 1 轮选票录入');
    const piles = page.locator('.pile-table .ant-table-tbody tr');
    await setCount(page, 1, 8);
    await mark(piles.nth(0), ['赞成', '赞成', '赞成', '反对']);
    await visible(page, '收回选票 8 张，多于发出的 7 张');
    await act(page, '记录本轮无效').click();
    await visible(page, '第 1 轮收回选票多于发出选票，已作废');
    await visible(page, '第 2 轮选票录入');

    // Each paper leaves one candidate out: 孙立新 6, the other three 5 each for two seats.
    const rows: readonly (readonly [number, readonly string[]])[] = [
      [1, ['反对', '赞成', '赞成', '赞成']],
      [2, ['赞成', '反对', '赞成', '赞成']],
      [2, ['赞成', '赞成', '反对', '赞成']],
      [2, ['赞成', '赞成', '赞成', '反对']],
    ];
    for (const [index, [count, marks]] of rows.entries()) {
      if (index > 0) await page.getByRole('button', { name: '添加一类选票' }).click();
      await setCount(page, index + 1, count);
      await mark(piles.nth(index), marks);
    }
    await visible(page, '孙立新 赞成 6、反对 1、弃权 0；吴振国 赞成 5、反对 2、弃权 0');
    await act(page, '提交本轮选票').click();
    await act(page, '计 票').click();
    await visible(page, '第 2 轮计票结果：孙立新（6票）当选');
    await visible(page, '得票相等者超过剩余名额，须在吴振国、周慧敏、郑秀云中再次投票，选出 2 名。');

    // The runoff among the three.
    await visible(page, '第 3 轮再次投票选票录入');
    await setCount(page, 1, 5);
    // The tied in ballot order: 吴振国、周慧敏、郑秀云.
    await mark(piles.nth(0), ['赞成', '赞成', '反对']);
    await page.getByRole('button', { name: '添加一类选票' }).click();
    await setCount(page, 2, 2);
    await mark(piles.nth(1), ['反对', '赞成', '赞成']);
    await act(page, '提交本轮选票').click();
    await act(page, '计 票').click();
    await visible(page, '第 3 轮计票结果：周慧敏（7票）、吴振国（5票）当选');
    await visible(page, '新一届支部委员会共 3 名委员');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows a reporting user the assembly as recorded, every step’s button off with the reason', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const errors = collectErrors(page);
    const assembly = `/console/elections/${seed.second.electionId}/assembly?asOf=2023-05-21`;
    await page.goto(`${base}${assembly}`);
    await page.waitForURL(/\/console\/sign-in\?returnTo=/);
    await page.getByLabel('报表', { exact: false }).check();
    await page.getByRole('button', { name: '以所选角色登录' }).click();
    await page.waitForURL(`${base}${assembly}`);
    await visible(page, '第 3 轮计票结果：周慧敏（7票）、吴振国（5票）当选');
    await visible(page, '实到会有选举权的党员 7 名（87.5%）');
    expect(await act(page, '选举书记、副书记').isDisabled()).toBe(true);
    await visible(page, '只有管理员可以办理换届的各项步骤');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

/**
 * A step's own button, in its form (the list of next actions above has buttons of the same
 * names), found by the words on it as the clerk reads them. antd spaces out a two-character
 * label (提 名) except while it shows its spinner; and the spinner's icon, labelled "loading",
 * may linger invisible in the button after the spinner's exit motion, so the accessible name is
 * not a steady handle.
 */
const act = (page: Page, name: string): Locator =>
  page
    .locator('form')
    .getByRole('button')
    .filter({ hasText: new RegExp(`^${[...name.replace(/\s/g, '')].join('\\s?')}$`) });

/**
 * Picks names in the labelled select, typing each as a clerk would and taking the first match
 * once the select's own list (its accessible options, labelled by name) offers it.
 */
async function pick(page: Page, label: string, names: readonly string[]): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  const list = `[id="${await box.getAttribute('id')}_list"]`;
  for (const name of names) {
    await box.click();
    await box.fill(name);
    await page.locator(`${list} [role="option"][aria-label*="${name}"]`).first().waitFor({ state: 'attached' });
    await box.press('Enter');
  }
  await box.press('Escape');
}

async function setCount(page: Page, pile: number, count: number): Promise<void> {
  const field = page.getByLabel(`第${pile}类选票张数`);
  await field.fill(String(count));
  await field.press('Tab');
}

/** Marks each candidate of a pile, in the ballot's order. */
async function mark(row: Locator, marks: readonly string[]): Promise<void> {
  const groups = row.locator('.ant-radio-group');
  for (const [index, word] of marks.entries()) await groups.nth(index).getByText(word, { exact: true }).click();
}

async function descriptionOf(page: Page, label: string): Promise<string> {
  const cell = page
    .locator('.ant-descriptions-item-label', { hasText: label })
    .first()
    .locator('xpath=following-sibling::td[1]');
  return (await cell.innerText()).trim();
}

/** Types a date as clerks write it and leaves the field (Enter would submit the form). */
async function typeDate(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(value);
  await field.press('Tab');
  expect(await field.inputValue()).toBe(value);
}

async function visible(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** A picture for docs/console/, the same on every run (as overview.e2e-spec.ts takes them). */
async function picture(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-skeleton, .ant-spin-spinning').first().waitFor({ state: 'detached' });
  // A step's 已记录 message fades after three seconds: the picture is taken without it.
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', ...options });
}

function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
    .filter((field) => field.type !== 'hidden' && field.labels.length === 0
      && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
    .map((field) => field.outerHTML.slice(0, 120))`);
}
