import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { committeeElection } from '../documents/committee-election';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

interface Person {
  readonly personId: string;
  readonly name: string;
}

/**
 * Rules that come from the rule version in force (docs/rules.md §2.3, §3.3, §6.5, §6.6), over
 * HTTP: odd committee seats; the secretary's year of party standing, a warning by default and a
 * refusal where a published version says so; 停止党籍 is no voter and a 流动党员 may be left out of
 * those due on their own application. Refusals are read in Chinese, naming the rule.
 */
describe('rules from the rule version', () => {
  let api: BootedApi;
  let http: App;
  let org: OrganisationFixtures;
  let committeeId: string;
  let sent = 0;

  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    org = new OrganisationFixtures(http);
    committeeId = await org.committee();
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;
  const post = (path: string, body: object) =>
    request(http)
      .post(path)
      .set('Accept-Language', 'zh-CN')
      .set('Idempotency-Key', `rules-${(sent += 1)}`)
      .send(body);
  const refused = async (path: string, body: object, code: string, ...inDetail: string[]) => {
    const before = await eventCount();
    const response = await post(path, body);
    expect([response.status, response.body.code]).toEqual([422, code]);
    for (const text of inDetail) expect(response.body.detail).toContain(text);
    expect(await eventCount()).toBe(before);
  };

  /** A branch of five full members without a committee, one of them in the Party only since `joinedPartyOn`. */
  const smallBranch = async (name: string, joinedPartyOn: string, admittedOn: string) => {
    const branchId = await org.branch(committeeId, name);
    const people: Person[] = [];
    for (const [index, member] of ['钱新民', '孔繁荣', '曹文秀', '严立国', '华春梅'].entries()) {
      const admitted = await post('/members', {
        name: member,
        birthDate: '1960-03-08',
        sex: index % 2 === 0 ? 'male' : 'female',
        joinedPartyOn: index === 0 ? joinedPartyOn : '1985-07-01',
        formerPostLevel: '科级',
        membership: 'full',
        branchId,
        occurredAt: admittedOn,
      }).expect(201);
      people.push({ personId: admitted.body.events[0].data.memberId as string, name: member });
    }
    return { branchId, people };
  };

  /** The steps up to the slate, each dated `on` (or today when `on` is undefined). */
  const toSlate = async (branchId: string, secretary: Person, on: string | undefined) => {
    const dated = on === undefined ? {} : { occurredAt: on };
    const today = on ?? ((await request(http).get('/policies').expect(200)).body.today as string);
    const opened = await post('/elections', {
      branchId,
      committeeWorking: '未设支委会',
      secretarySituation: '书记到龄',
      ...dated,
    }).expect(201);
    const electionId = opened.body.events[0].data.electionId as string;
    const path = (step: string) => `/elections/${electionId}/${step}`;
    await post(path('request'), {
      plannedDate: today,
      committee: false,
      committeeSeats: 0,
      deputySecretary: false,
      electionMethod: '等额选举、无记名投票',
      nominationMethod: '党内提名',
      ...dated,
    }).expect(200);
    await post(path('approve-request'), {
      approvalReference: '孝老干党字〔2023〕31号',
      approvedOn: today,
      ...dated,
    }).expect(200);
    await post(path('nominations'), {
      nominee: secretary,
      forPost: 'secretary',
      nominatedBy: '全体党员',
      ...dated,
    }).expect(200);
    const slate = {
      committeeCandidates: [],
      secretaryCandidates: [secretary],
      deputySecretaryCandidates: [],
      ...dated,
    };
    return { path, slate };
  };

  it('refuses an even number of committee seats with COMMITTEE_SEATS_EVEN, naming the rule version', async () => {
    const election = await committeeElection(http, 'even-seats');
    await refused(
      `/elections/${election.electionId}/request`,
      {
        plannedDate: '2023-05-20',
        committee: true,
        committeeSeats: 4,
        deputySecretary: true,
        electionMethod: '差额选举、无记名投票',
        nominationMethod: '老干部推荐、党内提名、组织审查',
        occurredAt: '2023-03-05',
      },
      'COMMITTEE_SEATS_EVEN',
      '支部委员会委员名额 4 名为偶数',
      '规则版本 2022-10-22',
    );
  });

  it('records a secretary candidate with less than a year of party standing with a warning, as the built-in version says', async () => {
    // Joined 2021-09-01: full member from 2022-09-01, a year of standing only on 2023-09-01.
    const { branchId, people } = await smallBranch('崇德社区离退休干部党支部', '2021-09-01', '2023-02-01');
    const { path, slate } = await toSlate(branchId, people[0] as Person, '2023-03-25');
    const submitted = await post(path('slate'), slate).expect(200);
    expect(submitted.body.events[0].data.warnings).toEqual([
      {
        kind: 'secretaryPartyStandingShort',
        personId: people[0]?.personId,
        name: '钱新民',
        joinedPartyOn: '2021-09-01',
        standingReachedOn: '2023-09-01',
        minimumYears: 1,
      },
    ]);
    // A secretary of long standing carries no warning.
    const other = await smallBranch('崇礼社区离退休干部党支部', '1980-07-01', '2023-02-01');
    const clean = await toSlate(other.branchId, other.people[0] as Person, '2023-03-25');
    expect((await post(clean.path('slate'), clean.slate).expect(200)).body.events[0].data.warnings).toEqual([]);
  });

  it('refuses such a candidate with SECRETARY_PARTY_STANDING_TOO_SHORT under a version that makes it a refusal', async () => {
    const catalogue = await request(http).get('/policies').expect(200);
    const today = catalogue.body.today as string;
    const inForce = catalogue.body.versions.find((v: { version: string }) => v.version === catalogue.body.inForce);
    const { source: _s, publishedAt: _a, publishedBy: _b, inForceToday: _t, ...parameters } = inForce;
    await post('/policies', {
      ...parameters,
      version: `${today}-standing`,
      effectiveFrom: today,
      description: '书记党龄不足一年的，不予上报',
      secretaryPartyStandingShortfall: 'refusal',
    }).expect(201);
    const year = Number(today.slice(0, 4));
    const joinedPartyOn = `${year - 1}${today.slice(4)}`.replace('-02-29', '-02-28');
    const { branchId, people } = await smallBranch('崇仁社区离退休干部党支部', joinedPartyOn, today);
    const { path, slate } = await toSlate(branchId, people[0] as Person, undefined);
    await refused(
      path('slate'),
      slate,
      'SECRETARY_PARTY_STANDING_TOO_SHORT',
      '钱新民',
      '党支部书记一般应具有一年以上党龄',
      '《中国共产党支部工作条例（试行）》第二十三条',
      `规则版本 ${today}-standing`,
    );
  });

  it('leaves 停止党籍 out of those due and refuses them as voters, and lets a 流动党员 be excused on their own application', async () => {
    const election = await committeeElection(http, 'newer-categories');
    await election.to('slate');
    const [m1, m2, m3, m4, m5, m6, m7, m8, m9] = election.members as Person[];
    await post(`/members/${m7?.personId}/suspend-voting-rights`, {
      reason: 'membershipSuspended',
      from: '2023-04-05',
      occurredAt: '2023-04-05',
    }).expect(200);
    const assembly = (presentVoters: readonly (Person | undefined)[]) => ({
      exclusions: [
        { memberId: m8?.personId, reason: 'floatingOnOwnApplication', approvalReference: '孝老干党字〔2023〕18号' },
      ],
      presentVoters,
      nonVotingAttendees: [],
      scrutineers: [m5],
      scrutineersApproval: { for: 7, against: 0, abstain: 0 },
      tellers: [m6],
      electionMethodAdoption: { for: 7, against: 0, abstain: 0 },
      occurredAt: '2023-05-20',
    });
    await refused(
      `/elections/${election.electionId}/assembly`,
      assembly([m1, m2, m3, m4, m5, m6, m7]),
      'RIGHTS_SUSPENDED_CANNOT_VOTE',
      '杨德明',
      '被停止党籍',
    );
    // Ten on the roll, 停止党籍 not due, the 流动党员 excused: eight due, seven present meet 4/5.
    const convened = await post(`/elections/${election.electionId}/assembly`, assembly([m1, m2, m3, m4, m5, m6, m9]));
    expect(convened.status).toBe(200);
    const data = convened.body.events[0].data;
    expect(data.quorum).toMatchObject({ due: 8, present: 7 });
    expect(data.dueVoters.map((voter: Person) => voter.name)).not.toContain('杨德明');
    expect(data.exclusions).toEqual([
      expect.objectContaining({ memberId: m8?.personId, reason: 'floatingOnOwnApplication' }),
    ]);
  });
});
