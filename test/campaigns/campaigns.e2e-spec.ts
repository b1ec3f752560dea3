import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { UTF8_BOM } from '@app/read-models';
import { bootApi, type BootedApi } from '../api/boot-api';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

const UNKNOWN_ID = '7c1f1f7e-9a0e-4d51-9f5e-0b7f3d1e2a11';
const LEADERS = [
  { personId: randomUUID(), name: '张国华' },
  { personId: randomUUID(), name: '李建新' },
  { personId: randomUUID(), name: '王志刚' },
];

describe('campaigns and the election board over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let fixtures: OrganisationFixtures;
  let branches: { fudong: string; yongan: string; sanhuang: string; fuqian: string };
  let campaignId: string;
  let groups: string[];
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    fixtures = new OrganisationFixtures(http);
    const committeeId = await fixtures.committee();
    branches = {
      fudong: await fixtures.branch(committeeId, '府东社区离退休干部党支部'),
      yongan: await fixtures.branch(committeeId, '永安社区离退休干部党支部'),
      sanhuang: await fixtures.branch(committeeId, '三皇社区离退休干部党支部'),
      fuqian: await fixtures.branch(committeeId, '府前社区离退休干部党支部'),
    };
    await fixtures.members(branches.fudong, 5);
    await fixtures.members(branches.yongan, 3);
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;

  it('issues the election plan; a retry with the same key addresses the same campaign', async () => {
    const body = {
      title: '关于全市离退休干部党支部换届选举工作方案',
      documentNumber: '孝老干字〔2023〕1号',
      requirements: ['按期换届，应换尽换', '严格程序，严肃纪律'],
      deadline: '2023-06-30',
      occurredAt: '2023-02-15',
    };
    const issued = await request(http).post('/campaigns').set('Idempotency-Key', 'plan-2023').send(body).expect(201);
    expect(issued.headers.etag).toBe('"0"');
    expect(issued.body.events).toEqual([
      {
        type: 'ElectionPlanIssued',
        data: expect.objectContaining({ documentNumber: '孝老干字〔2023〕1号', deadline: '2023-06-30' }),
      },
    ]);
    campaignId = issued.body.events[0].data.campaignId as string;
    expect(issued.body.stream).toBe(`campaign-${campaignId}`);
    const again = await request(http).post('/campaigns').set('Idempotency-Key', 'plan-2023').send(body).expect(201);
    expect(again.body).toEqual({ ...issued.body, replayed: true });

    const late = await request(http)
      .post('/campaigns')
      .send({ ...body, deadline: '2023-01-01' })
      .expect(400);
    expect(late.body.code).toBe('DEADLINE_BEFORE_PLAN');
  });

  it('forms three working groups, each led by a bureau leader', async () => {
    groups = [];
    for (const [index, leader] of LEADERS.entries()) {
      const formed = await request(http)
        .post(`/campaigns/${campaignId}/working-groups`)
        .send({ name: `第${'一二三'[index]}换届工作指导组`, leader, occurredAt: '2023-02-16' })
        .expect(201);
      expect(formed.body.events[0]).toMatchObject({ type: 'WorkingGroupFormed', data: { leader } });
      groups.push(formed.body.events[0].data.groupId as string);
    }
    const before = await eventCount();
    const twice = await request(http)
      .post(`/campaigns/${campaignId}/working-groups`)
      .send({ name: '第四组', leader: LEADERS[0] })
      .expect(422);
    expect(twice.body.code).toBe('LEADER_ALREADY_LEADS_GROUP');
    const unknown = await request(http)
      .post(`/campaigns/${UNKNOWN_ID}/working-groups`)
      .send({ name: '第四组', leader: { personId: randomUUID(), name: '赵' } })
      .expect(404);
    expect(unknown.body.code).toBe('CAMPAIGN_NOT_FOUND');
    expect(await eventCount()).toBe(before);
  });

  it('assigns (包联) branches to groups, reassigning only explicitly; refuses unknown branches and fields', async () => {
    const assign = (groupId: string, body: Record<string, unknown>) =>
      request(http).post(`/campaigns/${campaignId}/working-groups/${groupId}/branches`).send(body);
    const [g1, g2, g3] = groups as [string, string, string];
    for (const [groupId, branchId] of [
      [g1, branches.fudong],
      [g1, branches.yongan],
      [g2, branches.sanhuang],
      [g3, branches.fuqian],
    ] as const) {
      const assigned = await assign(groupId, { branchId, occurredAt: '2023-02-20' }).expect(201);
      expect(assigned.body.events[0]).toMatchObject({
        type: 'BranchAssignedToWorkingGroup',
        data: { branchId, groupId, previousGroupId: null },
      });
    }
    const before = await eventCount();
    expect((await assign(g2, { branchId: branches.yongan }).expect(409)).body.code).toBe('BRANCH_ALREADY_ASSIGNED');
    expect((await assign(g2, { branchId: UNKNOWN_ID }).expect(422)).body).toMatchObject({
      code: 'BRANCH_NOT_OPEN',
      detail: expect.stringContaining('尚未成立'),
    });
    expect((await assign(UNKNOWN_ID, { branchId: branches.yongan }).expect(404)).body.code).toBe(
      'WORKING_GROUP_NOT_FOUND',
    );
    expect((await assign(g2, { branchId: branches.yongan, colour: 'red' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    await assign(g2, { branchId: 'not-a-uuid' }).expect(400);
    await request(http)
      .post('/campaigns')
      .send({ title: 't', documentNumber: 'n', requirements: [], deadline: '2023-06-30', budget: 1 })
      .expect(400);
    expect(await eventCount()).toBe(before);

    const moved = await assign(g2, { branchId: branches.yongan, reassign: true }).expect(201);
    expect(moved.body.events[0].data).toMatchObject({ groupId: g2, previousGroupId: g1 });
    const unchanged = await assign(g2, { branchId: branches.yongan }).expect(201);
    expect(unchanged.body.events).toEqual([]);
  });

  it('shows the campaign with its progress board: every assigned branch, its group and where it stands', async () => {
    const got = await request(http).get(`/campaigns/${campaignId}?asOf=2023-05-01`).expect(200);
    expect(got.headers.etag).toBe(`"${got.body.revision}"`);
    expect(got.body).toMatchObject({
      status: 'active',
      campaignId,
      plan: { documentNumber: '孝老干字〔2023〕1号', deadline: '2023-06-30' },
      groups: LEADERS.map((leader) => expect.objectContaining({ leader })),
      board: { asOf: '2023-05-01', deadline: '2023-06-30', branches: 4, overdue: 0, byState: { notStarted: 4 } },
    });
    const rows = got.body.board.rows as { branchName: string; groupName: string; state: string; nextStep: string }[];
    // By group in formation order, then in assignment order (永安 kept its place when it moved).
    expect(rows.map((row) => [row.branchName, row.groupName, row.state, row.nextStep])).toEqual([
      ['府东社区离退休干部党支部', '第一换届工作指导组', 'notStarted', 'TakeCensus'],
      ['永安社区离退休干部党支部', '第二换届工作指导组', 'notStarted', 'TakeCensus'],
      ['三皇社区离退休干部党支部', '第二换届工作指导组', 'notStarted', 'TakeCensus'],
      ['府前社区离退休干部党支部', '第三换届工作指导组', 'notStarted', 'TakeCensus'],
    ]);
    const late = await request(http).get(`/campaigns/${campaignId}?asOf=2023-07-01`).expect(200);
    expect(late.body.board).toMatchObject({ overdue: 4 });
    expect(late.body.board.rows[0].overdueReasons).toEqual(['campaignDeadline']);

    await request(http).get(`/campaigns/${UNKNOWN_ID}`).expect(404);
    const listed = await request(http).get('/campaigns').expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ campaignId, deadline: '2023-06-30', groups: 3, branches: 4 }),
    ]);
  });

  it('follows elections on the board as they move, over JSON, CSV, statistics and the audit log', async () => {
    const step = (path: string, body: Record<string, unknown>) =>
      request(http)
        .post(path)
        .send(body)
        .expect((res) => {
          if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
        });
    const opened = await step('/elections', {
      branchId: branches.fudong,
      committeeWorking: '支委会运转正常',
      secretarySituation: '书记年龄偏大，愿意交班',
      occurredAt: '2023-03-01',
    });
    const fudongElection = opened.body.events[0].data.electionId as string;
    await step(`/elections/${fudongElection}/request`, {
      plannedDate: '2023-05-20',
      committee: false,
      committeeSeats: 0,
      deputySecretary: false,
      electionMethod: '等额选举，无记名投票',
      nominationMethod: '党员推荐',
      occurredAt: '2023-03-10',
    });
    await step(`/elections/${fudongElection}/approve-request`, {
      approvalReference: '孝离党字〔2023〕5号',
      approvedOn: '2023-03-20',
      occurredAt: '2023-03-20',
    });
    const yongan = await step('/elections', {
      branchId: branches.yongan,
      committeeWorking: '未设支委会',
      secretarySituation: '书记身体欠佳',
      occurredAt: '2023-03-02',
    });
    const yonganElection = yongan.body.events[0].data.electionId as string;

    const board = await request(http).get(`/campaigns/${campaignId}?asOf=2023-05-01`).expect(200);
    expect(board.body.board.byState).toEqual({ requestApproved: 1, censusTaken: 1, notStarted: 2 });
    const fudongRow = board.body.board.rows.find((row: { branchId: string }) => row.branchId === branches.fudong);
    expect(fudongRow).toMatchObject({
      electionId: fudongElection,
      state: 'requestApproved',
      lastStep: 'ElectionRequestApproved',
      plannedDate: '2023-05-20',
      approvalLapsesOn: '2023-06-18',
      nextStep: 'SubmitCandidateSlate',
      overdue: false,
    });

    const list = await request(http).get(`/elections?campaignId=${campaignId}&asOf=2023-05-01`).expect(200);
    expect(list.body.next).toBeNull();
    expect(list.body.items.map((row: { electionId: string }) => row.electionId).sort()).toEqual(
      [fudongElection, yonganElection].sort(),
    );
    const yonganRow = list.body.items.find((row: { electionId: string }) => row.electionId === yonganElection);
    expect(yonganRow).toMatchObject({
      branchName: '永安社区离退休干部党支部',
      groupId: groups[1],
      groupLeaderName: '李建新',
      state: 'censusTaken',
      nextStep: 'RequestElection',
      overdue: false,
    });
    const overdue = await request(http).get('/elections?overdue=true&asOf=2023-07-01').expect(200);
    expect(
      overdue.body.items.map((row: { electionId: string; overdueReasons: string[] }) => [
        row.electionId,
        row.overdueReasons,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [fudongElection, expect.arrayContaining(['approvalLapse', 'campaignDeadline'])],
        [yonganElection, expect.arrayContaining(['campaignDeadline'])],
      ]),
    );
    expect((await request(http).get('/elections?overdue=true&asOf=2023-05-01').expect(200)).body.items).toEqual([]);
    const byState = await request(http).get('/elections?state=censusTaken').expect(200);
    expect(byState.body.items.map((row: { electionId: string }) => row.electionId)).toEqual([yonganElection]);
    const byBranch = await request(http).get(`/elections?branchId=${branches.fudong}`).expect(200);
    expect(byBranch.body.items).toHaveLength(1);
    await request(http).get('/elections?state=sleeping').expect(400);
    await request(http).get('/elections?overdue=maybe').expect(400);
    const paged = await request(http).get('/elections?limit=1').expect(200);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.headers['x-next-after']).toBe(paged.body.next);

    const csv = await request(http)
      .get(`/elections?campaignId=${campaignId}&format=csv`)
      .set('Accept-Language', 'en')
      .buffer(true)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const text = csv.body instanceof Buffer ? csv.body.toString('utf8') : String(csv.text);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
    expect(header).toMatch(/^election_id,branch_id,branch_name,campaign_id,/);
    expect(lines).toHaveLength(2);
    expect(text).toContain('永安社区离退休干部党支部');

    const statistics = await request(http).get('/reports/statistics').expect(200);
    expect(statistics.body.elections).toEqual({ censusTaken: 1, requestApproved: 1 });

    const audit = await request(http)
      .get(`/audit/events?branchId=${branches.fudong}&type=ElectionRequestApproved`)
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        type: 'ElectionRequestApproved',
        descriptionZh: '上级党组织批复府东社区离退休干部党支部换届请示（孝离党字〔2023〕5号），批复于2023年6月18日失效',
      }),
    ]);
    const campaignAudit = await request(http).get(`/audit/streams/campaign-${campaignId}`).expect(200);
    expect(campaignAudit.body.items.map((item: { descriptionZh: string }) => item.descriptionZh)).toContain(
      '永安社区离退休干部党支部由第一换届工作指导组调整为第二换届工作指导组包联',
    );
  });
});
