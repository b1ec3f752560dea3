import request from 'supertest';
import type { App } from 'supertest/types';
import { UTF8_BOM } from '@app/read-models';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

const UNKNOWN_ID = '7c1f1f7e-9a0e-4d51-9f5e-0b7f3d1e2a11';
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
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('示范党支部创建 and 志愿服务 over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let fixtures: OrganisationFixtures;
  let fuzhong: string;
  let liuyi: string;
  let gaoyang: string;
  let campaignId: string;
  let teamId: string;
  let members: { fuzhong: string[]; liuyi: string[] };
  let committeeId: string;
  let otherCommitteeId: string;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    fixtures = new OrganisationFixtures(http);
    committeeId = await fixtures.committee();
    otherCommitteeId = await fixtures.committee('城区离退休干部党委');
    fuzhong = await fixtures.branch(committeeId, '府中社区离退休干部党支部');
    liuyi = await fixtures.branch(committeeId, '留义社区离退休干部党支部');
    gaoyang = await fixtures.branch(committeeId, '高阳镇老干党支部');
    members = { fuzhong: await fixtures.members(fuzhong, 3), liuyi: await fixtures.members(liuyi, 2) };
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;
  const post = (path: string, body: Record<string, unknown>) => request(http).post(path).send(body);
  const branchPath = (branchId: string, what: string) => `/demonstrations/${campaignId}/branches/${branchId}/${what}`;

  it('launches a campaign, chooses branches, records evidence and 六好 for each', async () => {
    const launched = await post('/demonstrations', {
      title: '2023年离退休干部示范党支部创建',
      year: 2023,
      occurredAt: '2023-03-01',
    }).expect(201);
    campaignId = launched.body.id as string;
    expect(launched.body.stream).toBe(`demonstration-${campaignId}`);
    expect(launched.body.events[0].data).toMatchObject({ standardVersion: 'xiaoyi-2022', year: 2023 });
    for (const branchId of [fuzhong, liuyi]) {
      await post(`/demonstrations/${campaignId}/branches`, { branchId, occurredAt: '2023-03-02' }).expect(201);
      for (const itemId of ITEMS) {
        // 留义 has no WeChat platform yet.
        if (branchId === liuyi && itemId === 'wechat') continue;
        await post(branchPath(branchId, 'evidence'), {
          itemId,
          kind: itemId === 'flag' ? 'photo' : 'document',
          reference: `${itemId}-001`,
          checkedOn: '2023-04-10',
          checkedBy: '王组织',
          occurredAt: '2023-04-11',
        }).expect(201);
      }
      for (const [index, criterionId] of CRITERIA.entries()) {
        await post(branchPath(branchId, 'assessments'), {
          criterionId,
          ...(index % 2 === 0 ? { score: 88 } : { passed: true }),
          assessedBy: '市委老干部局考评组',
          occurredAt: '2023-04-20',
        }).expect(201);
      }
    }
  });

  it('refuses what the standard does not know, branches not chosen, and evidence checked after it is recorded', async () => {
    const before = await eventCount();
    const evidence = {
      kind: 'photo',
      reference: 'x',
      checkedOn: '2023-04-10',
      checkedBy: '王组织',
      occurredAt: '2023-04-11',
    };
    expect((await post(branchPath(fuzhong, 'evidence'), { ...evidence, itemId: 'pool' }).expect(400)).body.code).toBe(
      'DEMONSTRATION_ITEM_UNKNOWN',
    );
    expect((await post(branchPath(gaoyang, 'evidence'), { ...evidence, itemId: 'flag' }).expect(422)).body.code).toBe(
      'DEMONSTRATION_BRANCH_NOT_DESIGNATED',
    );
    expect(
      (
        await post(branchPath(fuzhong, 'evidence'), { ...evidence, itemId: 'flag', checkedOn: '2023-05-01' }).expect(
          422,
        )
      ).body.code,
    ).toBe('DEMONSTRATION_EVIDENCE_CHECKED_LATER');
    expect(
      (
        await post(branchPath(fuzhong, 'assessments'), {
          criterionId: 'rulesKept',
          score: 40,
          passed: true,
          assessedBy: 'x',
        }).expect(400)
      ).body.code,
    ).toBe('DEMONSTRATION_ASSESSMENT_INVALID');
    expect((await post(`/demonstrations/${UNKNOWN_ID}/branches`, { branchId: fuzhong }).expect(404)).body.code).toBe(
      'DEMONSTRATION_CAMPAIGN_NOT_FOUND',
    );
    expect((await post(`/demonstrations/${campaignId}/branches`, { branchId: UNKNOWN_ID }).expect(422)).body.code).toBe(
      'DEMONSTRATION_BRANCH_NOT_OPEN',
    );
    expect(await eventCount()).toBe(before);
  });

  it('approves the branch with 13/13; refuses the one missing an item with 422 naming it, appending nothing', async () => {
    const approval = {
      approvedBy: '中共孝义市委老干部局',
      documentNumber: '孝老干字〔2023〕9号',
      level: 'county',
      occurredAt: '2023-05-10',
    };
    const approved = await post(branchPath(fuzhong, 'approval'), approval).expect(201);
    expect(approved.body.events[0]).toMatchObject({
      type: 'DemonstrationBranchApproved',
      data: { year: 2023, level: 'county' },
    });

    const before = await eventCount();
    const refused = await post(branchPath(liuyi, 'approval'), { ...approval, documentNumber: '孝老干字〔2023〕10号' })
      .set('Accept-Language', 'zh-CN')
      .expect(422);
    expect(refused.body.code).toBe('DEMONSTRATION_CHECKLIST_INCOMPLETE');
    expect(refused.body.detail).toContain('“有微信平台”');
    expect(refused.body.details.missing).toEqual([{ id: 'wechat', zh: '有微信平台', en: 'a WeChat platform' }]);
    const english = await post(branchPath(liuyi, 'approval'), { ...approval, documentNumber: '孝老干字〔2023〕10号' })
      .set('Accept-Language', 'en')
      .expect(422);
    expect(english.body.detail).toContain('"a WeChat platform" (有微信平台)');
    expect(await eventCount()).toBe(before);
  });

  it('registers brands, funding and an exchange visit; the board shows each branch and criterion', async () => {
    await post(branchPath(fuzhong, 'brand'), {
      name: '银龄府中',
      feature: '红色宣讲进社区',
      story: '老书记带头，每月一次党史故事会。',
      occurredAt: '2023-05-12',
    }).expect(201);
    await post(branchPath(fuzhong, 'funding'), {
      amountYuan: 5000,
      purpose: '更新制作版面',
      occurredAt: '2023-05-12',
    }).expect(201);
    expect((await post(branchPath(fuzhong, 'funding'), { amountYuan: 0, purpose: 'x' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    await post(`/demonstrations/${campaignId}/visits`, {
      hostBranchId: fuzhong,
      visitingBranchIds: [liuyi, gaoyang],
      visitors: ['留义支部书记', '高阳镇支部书记'],
      learned: '微信平台日常维护、台账分类归档',
      occurredAt: '2023-05-20',
    }).expect(201);
    expect(
      (
        await post(`/demonstrations/${campaignId}/visits`, {
          hostBranchId: fuzhong,
          visitingBranchIds: [fuzhong],
          visitors: [],
          learned: 'x',
        }).expect(422)
      ).body.code,
    ).toBe('EXCHANGE_VISIT_TO_ITSELF');

    const view = await request(http).get(`/demonstrations/${campaignId}`).expect(200);
    expect(view.body).toMatchObject({ branches: 2, approved: 1, checklistComplete: 1, fundingYuan: 5000 });
    const [first, second] = view.body.board;
    expect(first).toMatchObject({
      branchName: '府中社区离退休干部党支部',
      checklistDone: 13,
      criteriaMet: 6,
      readyForApproval: true,
      brand: { name: '银龄府中' },
      visitsHosted: 1,
    });
    expect(second).toMatchObject({
      branchName: '留义社区离退休干部党支部',
      checklistDone: 12,
      missingItems: ['wechat'],
      approval: null,
      visitsMade: 1,
    });

    const list = await request(http).get('/demonstrations').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ campaignId, designated: 2, approved: 1 })]);

    const csv = await request(http)
      .get(`/demonstrations/${campaignId}/board?format=csv`)
      .set('Accept-Language', 'zh-CN')
      .expect(200);
    const lines = csv.text.replace(UTF8_BOM, '').trim().split('\r\n');
    expect(lines[0]).toBe('支部,标准,项目,状态,材料或分数,核查日期,核查或评定人,已命名,支部编号,项目编号');
    expect(lines).toHaveLength(1 + 2 * (13 + 6));
    expect(lines).toContain(`留义社区离退休干部党支部,一场所八个有四清楚,有微信平台,缺材料,,,,否,${liuyi},wechat`);
    const xlsx = await request(http).get(`/demonstrations/${campaignId}/board?format=xlsx`).buffer(true).expect(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);

    const audit = await request(http).get('/audit/events').query({ type: 'DemonstrationBranchApproved' }).expect(200);
    expect(audit.body.items[0].descriptionZh).toBe(
      '中共孝义市委老干部局命名府中社区离退休干部党支部为2023年度县级示范党支部（孝老干字〔2023〕9号）',
    );
  });

  it('forms a volunteer team led by a branch, with members of other branches; a member who left cannot be a new participant', async () => {
    const [leader, second, third] = members.fuzhong as [string, string, string];
    const [fromLiuyi, died] = members.liuyi as [string, string];
    const formed = await post('/volunteer-teams', {
      name: '府中社区老干部志愿服务队',
      leadBranchId: fuzhong,
      leaderMemberId: leader,
      occurredAt: '2023-03-05',
    }).expect(201);
    teamId = formed.body.id as string;
    // The member who will die takes part once without joining the team: participants come from any branch.
    for (const memberId of [second, third, fromLiuyi]) {
      await post(`/volunteer-teams/${teamId}/members`, { memberId, occurredAt: '2023-03-06' }).expect(201);
    }
    const activity = (on: string, kind: string, participantIds: string[], extra: Record<string, unknown> = {}) =>
      post(`/volunteer-teams/${teamId}/activities`, {
        on,
        kind,
        title: '喜迎二十大 银龄心向党',
        place: '府中社区',
        organiser: '王秀英',
        participantIds,
        occurredAt: '2023-06-30',
        ...extra,
      });
    await activity('2023-03-15', 'redLecture', [leader, second, third, fromLiuyi, died]).expect(201);
    await post(`/members/${died}/leave`, { reason: 'death', leftOn: '2023-04-01' }).expect(200);
    await activity('2023-04-20', 'greenEcology', [leader, second, fromLiuyi]).expect(201);
    await activity('2023-05-08', 'advice', [leader, third], {
      proposals: [{ memberId: leader, text: '建议加强社区老年活动场所建设' }],
    }).expect(201);

    const before = await eventCount();
    const refused = await activity('2023-05-20', 'epidemicControl', [leader, died])
      .set('Accept-Language', 'zh-CN')
      .expect(422);
    expect(refused.body.code).toBe('VOLUNTEER_MEMBER_LEFT');
    expect(refused.body.detail).toContain('已于2023年4月1日离开党组织（去世）');
    expect((await activity('2023-05-20', 'dancing', [leader]).expect(422)).body.code).toBe('VOLUNTEER_KIND_UNKNOWN');
    expect(
      (await activity('2023-05-20', 'redLecture', [leader], { proposals: [{ text: '建议' }] }).expect(422)).body.code,
    ).toBe('VOLUNTEER_PROPOSALS_OUTSIDE_ADVICE');
    expect((await activity('2023-07-20', 'redLecture', [leader]).expect(422)).body.code).toBe(
      'VOLUNTEER_ACTIVITY_LATER',
    );
    expect((await activity('2023-05-20', 'redLecture', [leader, leader]).expect(400)).body.code).toBe(
      'VOLUNTEER_ACTIVITY_INVALID',
    );
    expect((await post(`/volunteer-teams/${teamId}/members`, { memberId: died }).expect(422)).body.code).toBe(
      'VOLUNTEER_MEMBER_LEFT',
    );
    expect((await post(`/volunteer-teams/${UNKNOWN_ID}/members`, { memberId: leader }).expect(404)).body.code).toBe(
      'VOLUNTEER_TEAM_NOT_FOUND',
    );
    expect(await eventCount()).toBe(before);
  });

  it('counts person-times per member, team, branch, kind and month; a member’s history; CSV and Excel', async () => {
    const [leader] = members.fuzhong as [string];
    const stats = await request(http).get('/volunteer-service/statistics').expect(200);
    expect(stats.body).toMatchObject({ teams: 1, activities: 3, personTimes: 10, volunteers: 5, proposals: 1 });
    const byKey = (rows: { key: string; personTimes: number }[]) =>
      Object.fromEntries(rows.map((row) => [row.key, row.personTimes]));
    expect(byKey(stats.body.byKind)).toEqual({ redLecture: 5, greenEcology: 3, advice: 2 });
    expect(byKey(stats.body.byMonth)).toEqual({ '2023-03': 5, '2023-04': 3, '2023-05': 2 });
    expect(byKey(stats.body.byBranch)).toEqual({ [fuzhong]: 7, [liuyi]: 3 });
    expect(byKey(stats.body.byTeam)).toEqual({ [teamId]: 10 });
    expect(byKey(stats.body.byMember)[leader]).toBe(3);
    expect(stats.body.byKind[0]).toMatchObject({ key: 'redLecture', name: '红色宣讲' });
    expect(stats.body.byBranch.find((row: { key: string }) => row.key === liuyi).name).toBe('留义社区离退休干部党支部');

    const april = await request(http)
      .get('/volunteer-service/statistics')
      .query({ from: '2023-04-01', to: '2023-04-30' })
      .expect(200);
    expect(april.body.personTimes).toBe(3);

    const csv = await request(http).get('/volunteer-service/statistics?format=csv').expect(200);
    expect(csv.text.replace(UTF8_BOM, '').split('\r\n')[1]).toBe('kind,total,合计,3,10');
    const xlsx = await request(http).get('/volunteer-service/statistics?format=xlsx').buffer(true).expect(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);

    const history = await request(http).get(`/volunteer-service/members/${leader}`).expect(200);
    expect(history.body.personTimes).toBe(3);
    expect(history.body.items.map((row: { kindName: string }) => row.kindName)).toEqual([
      '红色宣讲',
      '绿色生态',
      '建言献策',
    ]);
    const historyCsv = await request(http).get(`/volunteer-service/members/${leader}?format=csv`).expect(200);
    expect(historyCsv.text.replace(UTF8_BOM, '').trim().split('\r\n')).toHaveLength(4);

    const activities = await request(http).get('/volunteer-service/activities').expect(200);
    expect(activities.body.items.map((row: { personTimes: number }) => row.personTimes)).toEqual([5, 3, 2]);
    expect(activities.body.items[2].proposals).toEqual([{ memberId: leader, text: '建议加强社区老年活动场所建设' }]);

    const team = await request(http).get(`/volunteer-teams/${teamId}`).expect(200);
    expect(team.body).toMatchObject({ personTimes: 10, members: expect.any(Array) });
    expect(team.body.members).toHaveLength(4);
    const teams = await request(http).get('/volunteer-teams').expect(200);
    expect(teams.body.items).toEqual([
      expect.objectContaining({
        teamId,
        leadBranchName: '府中社区离退休干部党支部',
        members: 4,
        activities: 3,
        personTimes: 10,
      }),
    ]);
  });

  it('shows a committee-scoped administrator only their branches, and leaves the bureau-wide writes to the bureau', async () => {
    const scoped = async (id: string) => `Bearer ${await tokenFor(api.config, 'admin', id)}`;
    const own = await scoped(committeeId);
    const other = await scoped(otherCommitteeId);
    const stats = (token: string) =>
      request(http).get('/volunteer-service/statistics').set('Authorization', token).expect(200);
    expect((await stats(own)).body.personTimes).toBe(10);
    expect((await stats(other)).body).toMatchObject({ personTimes: 0, activities: 0 });
    const board = await request(http).get(`/demonstrations/${campaignId}`).set('Authorization', other).expect(200);
    expect(board.body).toMatchObject({ branches: 0, board: [] });
    const refused = await request(http)
      .post(`/demonstrations/${campaignId}/branches`)
      .set('Authorization', own)
      .send({ branchId: gaoyang })
      .expect(403);
    expect(refused.body.code).toBe('BUREAU_WIDE_ACT');
  });
});
