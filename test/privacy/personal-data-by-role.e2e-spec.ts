import request from 'supertest';
import type { App } from 'supertest/types';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Role } from '@app/application';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { csvRows, rawBytes } from '../audit/read-model-fixtures';
import { concretePath, routeTable, type Route } from '../trust/route-table';
import { REPORTER_SEES, type ReporterSeesDecision } from '../../apps/api/src/privacy/reporter-sees';
import { callerRoleOf } from '../../apps/api/src/privacy/caller-role';

interface Person {
  readonly personId: string;
  readonly name: string;
}

interface FeedLine {
  readonly position: number;
  readonly type: string;
  readonly change: { readonly summary: { zh: string; en: string }; readonly data: Record<string, unknown> };
}

/**
 * What each role sees of a person, over HTTP on the embedded store. The history holds every
 * kind of personal data a reporting job must not see — birth dates (and a corrected one), a
 * suspension with its reason, period and document, vetting notes, a community's opinion, census
 * remarks, an exclusion for illness, departure and post notes, a correction reason, a
 * cancellation reason, an expulsion — and each route is read as a reporter and as an auditor,
 * with ids that exist (a restructuring and a campaign included), so every answer is a real one.
 */
describe('personal data by role', () => {
  let api: BootedApi;
  let http: App;
  const auth: Partial<Record<Role, string>> = {};

  /** Strings that only the withheld fields hold: none may reach a reporter, by any route. */
  const SECRET = {
    birthDate: '1941-11-29',
    secretaryBirthDate: '1946-02-03',
    correctedBirthDate: '1946-02-04',
    otherBirthDates: ['1947-04-05', '1948-06-07', '1949-08-09', '1944-01-15', '1944-03-15', '1944-05-15', '1944-07-15'],
    suspensionReason: 'detention',
    suspensionReasonZh: '因留置',
    suspensionUntil: '2025-08-31',
    suspensionDocument: '孝监留〔2023〕5号',
    restorationDocument: '孝监解〔2023〕9号',
    vettingNotes: '政审：该同志历史清白，无违纪违法记录',
    communityOpinion: '社区党委：该同志热心公益，群众基础好',
    committeeWorking: '支委会长期未开展工作',
    secretarySituation: '书记患脑梗住院，无法履职',
    exclusionReason: 'illnessPreventsExpression',
    departureNote: '因病于家中去世，享年八十岁',
    postNote: '本人因病申请辞去书记职务',
    correctionReason: '据人事档案更正出生日期',
    cancellationReason: '原书记病故，待调整后另行换届',
    // Expulsion (开除党籍) is a disciplinary sanction: reporters see such a departure as `other`.
    expulsion: 'expelled',
    expulsionZh: '开除党籍',
    leaverBirthDates: ['1943-09-09', '1945-10-10'],
  };
  const allSecrets = () => Object.values(SECRET).flat();

  const ids = {
    committee: '',
    branch: '',
    otherBranch: '',
    election: '',
    cancelledElection: '',
    suspended: '',
    secretary: '',
    died: '',
    expelled: '',
    movedOut: '',
    restructuring: '',
    campaign: '',
    demonstration: '',
    team: '',
  };
  let members: Person[] = [];

  const post = (path: string, body: object) => request(http).post(path).send(body);
  // Reporting jobs read CSV by its stable English headers.
  const get = (path: string, role: Role) =>
    request(http).get(path).set('Authorization', auth[role]!).set('Accept-Language', 'en');
  const admit = async (branchId: string, name: string, birthDate: string): Promise<Person> => {
    const admitted = await post('/members', {
      name,
      birthDate,
      sex: 'male',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '处级',
      membership: 'full',
      branchId,
      occurredAt: '2023-02-01',
    }).expect(201);
    return { personId: admitted.body.events[0].data.memberId as string, name };
  };

  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    for (const role of ['admin', 'auditor', 'reporter'] as const) {
      auth[role] = `Bearer ${await tokenFor(api.config, role)}`;
    }
    ids.committee = (
      await post('/committees', { name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2023-01-01' }).expect(
        201,
      )
    ).body.events[0].data.committeeId;
    const branch = async (name: string) =>
      (await post('/branches', { name, parentCommitteeId: ids.committee, occurredAt: '2023-01-10' }).expect(201)).body
        .events[0].data.branchId as string;
    ids.branch = await branch('崇文社区离退休干部党支部');
    ids.otherBranch = await branch('府东社区离退休干部党支部');

    members = [
      await admit(ids.branch, '郭志强', SECRET.secretaryBirthDate),
      await admit(ids.branch, '马秀兰', SECRET.otherBirthDates[0]!),
      await admit(ids.branch, '罗建华', SECRET.otherBirthDates[1]!),
      await admit(ids.branch, '梁玉珍', SECRET.otherBirthDates[2]!),
      await admit(ids.branch, '宋德福', SECRET.birthDate),
    ];
    const [secretary, m2, m3, excluded, suspended] = members as [Person, Person, Person, Person, Person];
    ids.secretary = secretary.personId;
    ids.suspended = suspended.personId;
    const others = [
      await admit(ids.otherBranch, '韩桂英', SECRET.otherBirthDates[3]!),
      await admit(ids.otherBranch, '唐振华', SECRET.otherBirthDates[4]!),
      await admit(ids.otherBranch, '冯玉兰', SECRET.otherBirthDates[5]!),
      await admit(ids.otherBranch, '曹淑珍', SECRET.otherBirthDates[6]!),
    ];

    await post(`/branches/${ids.branch}/posts`, {
      kind: 'secretary',
      source: 'elected',
      holder: secretary,
      startDate: '2020-06-30',
      occurredAt: '2023-02-02',
    }).expect(201);
    const otherSecretary = await post(`/branches/${ids.otherBranch}/posts`, {
      kind: 'secretary',
      source: 'elected',
      holder: others[0],
      startDate: '2020-06-30',
      occurredAt: '2023-02-02',
    }).expect(201);
    await post(`/branches/${ids.otherBranch}/posts/${otherSecretary.body.events[0].data.post.postId}/vacate`, {
      reason: 'resigned',
      note: SECRET.postNote,
      endDate: '2023-02-20',
      occurredAt: '2023-02-20',
    }).expect(200);
    await post(`/members/${ids.suspended}/suspend-voting-rights`, {
      reason: SECRET.suspensionReason,
      from: '2023-02-10',
      until: SECRET.suspensionUntil,
      documentReference: SECRET.suspensionDocument,
      occurredAt: '2023-02-10',
    }).expect(200);
    await post(`/members/${others[1]!.personId}/suspend-voting-rights`, {
      reason: 'arrest',
      from: '2023-02-10',
      occurredAt: '2023-02-10',
    }).expect(200);
    await post(`/members/${others[1]!.personId}/restore-voting-rights`, {
      restoredOn: '2023-02-15',
      documentReference: SECRET.restorationDocument,
      occurredAt: '2023-02-15',
    }).expect(200);
    await post(`/members/${ids.secretary}/correct`, {
      corrections: { birthDate: SECRET.correctedBirthDate },
      reason: SECRET.correctionReason,
      occurredAt: '2023-02-12',
    }).expect(200);
    await post(`/members/${others[2]!.personId}/leave`, {
      reason: 'death',
      leftOn: '2023-02-25',
      note: SECRET.departureNote,
      occurredAt: '2023-02-25',
    }).expect(200);
    ids.died = others[2]!.personId;
    ids.expelled = (await admit(ids.otherBranch, '秦永福', SECRET.leaverBirthDates[0]!)).personId;
    ids.movedOut = (await admit(ids.otherBranch, '许凤英', SECRET.leaverBirthDates[1]!)).personId;
    await post(`/members/${ids.expelled}/leave`, {
      reason: 'expelled',
      leftOn: '2023-02-26',
      occurredAt: '2023-02-26',
    }).expect(200);
    await post(`/members/${ids.movedOut}/leave`, {
      reason: 'movedOut',
      leftOn: '2023-02-27',
      occurredAt: '2023-02-27',
    }).expect(200);

    // An election up to its assembly, with a suspended member on the roll and one excluded for illness.
    const opened = await post('/elections', {
      branchId: ids.branch,
      committeeWorking: SECRET.committeeWorking,
      secretarySituation: SECRET.secretarySituation,
      occurredAt: '2023-03-01',
    }).expect(201);
    ids.election = opened.body.events[0].data.electionId;
    const step = (name: string, body: object) => post(`/elections/${ids.election}/${name}`, body).expect(200);
    await step('request', {
      plannedDate: '2023-04-10',
      committee: false,
      committeeSeats: 0,
      deputySecretary: false,
      electionMethod: '等额选举、无记名投票',
      nominationMethod: '党内提名',
      occurredAt: '2023-03-02',
    });
    await step('approve-request', {
      approvalReference: '孝老干党字〔2023〕21号',
      approvedOn: '2023-03-06',
      occurredAt: '2023-03-06',
    });
    await step('nominations', {
      nominee: secretary,
      forPost: 'secretary',
      nominatedBy: '全体党员',
      occurredAt: '2023-03-10',
    });
    await step('vetting', {
      memberId: secretary.personId,
      method: 'talk',
      by: '第一包联组',
      notes: SECRET.vettingNotes,
      on: '2023-03-12',
      occurredAt: '2023-03-12',
    });
    await step('community-consultation', {
      memberId: secretary.personId,
      community: '崇文社区党委',
      opinion: SECRET.communityOpinion,
      on: '2023-03-13',
      occurredAt: '2023-03-13',
    });
    await step('slate', {
      committeeCandidates: [],
      secretaryCandidates: [secretary],
      deputySecretaryCandidates: [],
      occurredAt: '2023-03-14',
    });
    await step('approve-slate', {
      approvalReference: '孝老干党字〔2023〕22号',
      approvedOn: '2023-04-10',
      occurredAt: '2023-04-10',
    });
    await step('assembly', {
      exclusions: [
        { memberId: excluded.personId, reason: SECRET.exclusionReason, approvalReference: '孝老干党字〔2023〕23号' },
      ],
      presentVoters: [secretary, m2, m3],
      nonVotingAttendees: [],
      scrutineers: [m2],
      scrutineersApproval: { for: 3, against: 0, abstain: 0 },
      tellers: [m3],
      electionMethodAdoption: { for: 3, against: 0, abstain: 0 },
      occurredAt: '2023-04-15',
    });

    // Another branch's election, cancelled with a reason about a person.
    const census = await post('/elections', {
      branchId: ids.otherBranch,
      committeeWorking: '书记负责日常工作',
      secretarySituation: '书记空缺',
      occurredAt: '2023-03-01',
    }).expect(201);
    ids.cancelledElection = census.body.events[0].data.electionId;
    await post(`/elections/${ids.cancelledElection}/cancel`, {
      reason: SECRET.cancellationReason,
      occurredAt: '2023-03-05',
    }).expect(200);

    // A restructuring and a campaign, so that their routes answer with a body to inspect.
    ids.restructuring = (
      await post('/restructurings/dissolution', {
        reason: '社区撤并',
        branchId: ids.otherBranch,
        destinationBranchId: ids.branch,
        occurredAt: '2023-03-20',
      }).expect(201)
    ).body.events[0].data.restructuringId;
    ids.campaign = (
      await post('/campaigns', {
        title: '2023年离退休干部党支部换届选举工作方案',
        documentNumber: '孝老干字〔2023〕1号',
        requirements: ['按期换届'],
        deadline: '2023-12-31',
        occurredAt: '2023-02-15',
      }).expect(201)
    ).body.events[0].data.campaignId;
    const group = (
      await post(`/campaigns/${ids.campaign}/working-groups`, {
        name: '第一换届工作指导组',
        leader: { personId: '0b7e6a52-5f2e-4c1e-9d3a-2f4b6c8d0e1f', name: '王局长' },
        occurredAt: '2023-02-16',
      }).expect(201)
    ).body.events[0].data.groupId;
    await post(`/campaigns/${ids.campaign}/working-groups/${group}/branches`, {
      branchId: ids.branch,
      occurredAt: '2023-02-16',
    }).expect(201);
    // A demonstration campaign and a volunteer team whose activity a suspended member took part in.
    ids.demonstration = (
      await post('/demonstrations', { title: '2023年示范党支部创建', year: 2023, occurredAt: '2023-03-01' }).expect(201)
    ).body.id;
    await post(`/demonstrations/${ids.demonstration}/branches`, {
      branchId: ids.branch,
      occurredAt: '2023-03-01',
    }).expect(201);
    ids.team = (
      await post('/volunteer-teams', {
        name: '老干部志愿服务队',
        leadBranchId: ids.branch,
        leaderMemberId: ids.suspended,
        occurredAt: '2023-03-01',
      }).expect(201)
    ).body.id;
    await post(`/volunteer-teams/${ids.team}/activities`, {
      on: '2023-03-01',
      kind: 'advice',
      title: '建言二十大',
      place: '社区',
      organiser: '王局长',
      participantIds: [ids.suspended],
      proposals: [{ memberId: ids.suspended, text: '建议' }],
      occurredAt: '2023-03-01',
    }).expect(201);
  });
  afterAll(() => api.close());

  const feed = async (role: Role): Promise<FeedLine[]> => {
    const res = await get('/feed?limit=10000', role).buffer(true).parse(textBody).expect(200);
    return (res.body as string)
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as FeedLine);
  };
  const lineOf = (lines: FeedLine[], type: string, memberId?: string): FeedLine => {
    const line = lines.find(
      (candidate) => candidate.type === type && (memberId === undefined || candidate.change.data.memberId === memberId),
    );
    if (!line) throw new Error(`No ${type} line in the feed`);
    return line;
  };

  it('GET /members/:id: birth date and suspension reason for auditors and administrators, not for reporters', async () => {
    for (const role of ['auditor', 'admin'] as const) {
      const full = (await get(`/members/${ids.suspended}`, role).expect(200)).body;
      expect(full.personal.birthDate).toBe(SECRET.birthDate);
      expect(full.suspension).toEqual({ reason: 'detention', from: '2023-02-10', until: SECRET.suspensionUntil });
    }
    const shown = (await get(`/members/${ids.suspended}`, 'reporter').expect(200)).body;
    expect(shown.personal).toEqual({
      name: '宋德福',
      sex: 'male',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '处级',
    });
    expect(shown.suspension).toEqual({ from: '2023-02-10' });
    expect(shown).toMatchObject({
      status: 'active',
      memberId: ids.suspended,
      branchId: ids.branch,
      membership: 'full',
    });
  });

  it('GET /elections/:id: suspension and exclusion reasons, and a cancellation reason, for auditors only', async () => {
    const full = (await get(`/elections/${ids.election}`, 'auditor').expect(200)).body;
    expect(full.state.assembly.roll).toContainEqual(
      expect.objectContaining({ memberId: ids.suspended, suspension: SECRET.suspensionReason }),
    );
    expect(full.state.assembly.exclusions).toEqual([expect.objectContaining({ reason: SECRET.exclusionReason })]);
    const shown = (await get(`/elections/${ids.election}`, 'reporter').expect(200)).body;
    const suspendedEntry = shown.state.assembly.roll.find(
      (entry: { memberId: string }) => entry.memberId === ids.suspended,
    );
    expect(suspendedEntry).toEqual({ memberId: ids.suspended, name: '宋德福', membership: 'full' });
    expect(shown.state.assembly.exclusions).toEqual([
      { memberId: members[3]!.personId, approvalReference: '孝老干党字〔2023〕23号' },
    ]);
    // Everything else of the election is the same for both.
    expect({ ...shown, state: { ...shown.state, assembly: null } }).toEqual({
      ...full,
      state: { ...full.state, assembly: null },
    });

    expect((await get(`/elections/${ids.cancelledElection}`, 'auditor').expect(200)).body.state.reason).toBe(
      SECRET.cancellationReason,
    );
    const cancelled = (await get(`/elections/${ids.cancelledElection}`, 'reporter').expect(200)).body;
    expect(cancelled.state).toMatchObject({ status: 'cancelled', cancelledInStatus: 'censusTaken' });
    expect(cancelled.state).not.toHaveProperty('reason');
    expect(cancelled.nextActions).toContainEqual({
      command: 'RequestElection',
      allowed: false,
      code: 'ELECTION_CANCELLED',
      reason:
        'RequestElection cannot run because the election was cancelled; a new election is started on a new stream (docs/rules.md §6.14).',
    });
    // In Chinese too, the sentence no longer quotes the reason.
    const inChinese = (
      await request(http)
        .get(`/elections/${ids.cancelledElection}`)
        .set('Authorization', auth.reporter!)
        .set('Accept-Language', 'zh-CN')
        .expect(200)
    ).body;
    expect(JSON.stringify(inChinese)).not.toContain(SECRET.cancellationReason);
    expect(inChinese.nextActions).toContainEqual({
      command: 'RequestElection',
      allowed: false,
      code: 'ELECTION_CANCELLED',
      reason: '选举已经取消，不能提交换届请示：如需选举，须重新开启一次选举（见 docs/rules.md 第 6.14 节）。',
    });
  });

  it('GET /reports/members: birth dates for auditors; age bands, never birth dates, for reporters (JSON and CSV)', async () => {
    const full = (await get('/reports/members?asOf=2024-01-01', 'auditor').expect(200)).body.items;
    expect(full).toContainEqual(
      expect.objectContaining({ memberId: ids.suspended, birthDate: SECRET.birthDate, ageBand: '80-84' }),
    );
    const shown = (await get('/reports/members?asOf=2024-01-01', 'reporter').expect(200)).body.items;
    expect(shown).toHaveLength(full.length);
    expect(shown.find((row: { memberId: string }) => row.memberId === ids.suspended)).toMatchObject({
      ageBand: '80-84',
      votingSuspended: true,
    });
    expect(shown.every((row: object) => !('birthDate' in row))).toBe(true);
    expect(shown.find((row: { memberId: string }) => row.memberId === ids.secretary).ageBand).toBe('75-79');

    const csv = async (role: Role) =>
      csvRows((await get('/reports/members?asOf=2024-01-01&format=csv', role).buffer(true).parse(rawBytes)).body);
    const auditorCsv = await csv('auditor');
    expect(auditorCsv[0]).toContain('birth_date');
    expect(auditorCsv[0]?.at(-1)).toBe('age_band');
    expect(auditorCsv.flat()).toContain(SECRET.birthDate);
    const reporterCsv = await csv('reporter');
    expect(reporterCsv[0]).not.toContain('birth_date');
    expect(reporterCsv[0]).toEqual(auditorCsv[0]!.filter((header) => header !== 'birth_date'));
    expect(reporterCsv.flat()).not.toContain(SECRET.birthDate);
    expect(reporterCsv.flat()).toContain('80-84');
  });

  it("a reporter learns nothing finer than a birth year from asOf: the same answers the day before and on a member's 80th birthday", async () => {
    // 郭志强, the only secretary, was born 1946-02-04 (as corrected): 80 on 2026-02-04.
    const reportOn = async (role: Role, asOf: string) => {
      const members = (await get(`/reports/members?asOf=${asOf}`, role).expect(200)).body.items as {
        memberId: string;
        ageBand: string;
      }[];
      const csv = csvRows(
        (await get(`/reports/members?asOf=${asOf}&format=csv`, role).buffer(true).parse(rawBytes)).body,
      );
      const statistics = (await get(`/reports/statistics?asOf=${asOf}`, role).expect(200)).body;
      const band = members.find((row) => row.memberId === ids.secretary)!.ageBand;
      return { members, csv, statistics: { ...statistics, asOf: null }, band, ages: statistics.secretaries };
    };
    const before = await reportOn('reporter', '2026-02-03');
    const on = await reportOn('reporter', '2026-02-04');
    expect(on.members).toEqual(before.members);
    expect(on.csv).toEqual(before.csv);
    expect(on.statistics).toEqual(before.statistics);
    expect(before.band).toBe('80-84');
    expect(before.ages).toEqual({ count: 1, withKnownAge: 1, youngestAge: 80, medianAge: 80, agesBy: 'birthYear' });
    // By birth year, the answers change on 1 January only.
    const newYearsEve = await reportOn('reporter', '2025-12-31');
    expect([newYearsEve.band, newYearsEve.ages.youngestAge]).toEqual(['75-79', 79]);
    expect((await reportOn('reporter', '2026-12-31')).statistics).toEqual(before.statistics);
    // Auditors, who see the birth date anyway, get ages in full years: they change on the birthday.
    const auditorBefore = await reportOn('auditor', '2026-02-03');
    const auditorOn = await reportOn('auditor', '2026-02-04');
    expect([auditorBefore.band, auditorOn.band]).toEqual(['75-79', '80-84']);
    expect([auditorBefore.ages.youngestAge, auditorOn.ages.youngestAge]).toEqual([79, 80]);
    expect([auditorBefore.ages.medianAge, auditorOn.ages.medianAge]).toEqual([79, 80]);
    expect(auditorOn.ages.agesBy).toBe('birthDate');
  });

  it('a departure: auditors see death, moved out or expelled; reporters death or other, in every view and count', async () => {
    const leavers = [ids.died, ids.movedOut, ids.expelled];
    const departures = async (role: Role) => {
      const lines = await feed(role);
      return leavers.map((memberId) => lineOf(lines, 'MemberLeft', memberId).change);
    };
    const full = await departures('auditor');
    expect(full.map((change) => change.data.reason)).toEqual(['death', 'movedOut', 'expelled']);
    expect(full[2]!.summary.zh).toContain(SECRET.expulsionZh);
    const shown = await departures('reporter');
    expect(shown.map((change) => change.data.reason)).toEqual(['death', 'other', 'other']);
    expect(shown[2]!.summary).toEqual({
      zh: '党员秦永福因其他原因离开，不再隶属府东社区离退休干部党支部',
      en: 'Member 秦永福 left 府东社区离退休干部党支部 (other reason)',
    });
    expect(shown[0]!.summary).toEqual(full[0]!.summary);

    const memberReason = async (role: Role, memberId: string) =>
      (await get(`/members/${memberId}`, role).expect(200)).body.reason as string;
    expect(await Promise.all(leavers.map((id) => memberReason('auditor', id)))).toEqual([
      'death',
      'movedOut',
      'expelled',
    ]);
    expect(await Promise.all(leavers.map((id) => memberReason('reporter', id)))).toEqual(['death', 'other', 'other']);

    const roll = async (role: Role) =>
      Object.fromEntries(
        (
          (await get('/reports/members?status=left', role).expect(200)).body.items as {
            memberId: string;
            leftReason: string;
          }[]
        ).map((row) => [row.memberId, row.leftReason]),
      );
    expect(await roll('auditor')).toEqual({
      [ids.died]: 'death',
      [ids.movedOut]: 'movedOut',
      [ids.expelled]: 'expelled',
    });
    expect(await roll('reporter')).toEqual({ [ids.died]: 'death', [ids.movedOut]: 'other', [ids.expelled]: 'other' });
    const reporterCsv = csvRows(
      (await get('/reports/members?status=left&format=csv', 'reporter').buffer(true).parse(rawBytes)).body,
    );
    const reasonColumn = reporterCsv[0]!.indexOf('left_reason');
    expect(
      reporterCsv
        .slice(1)
        .map((row) => row[reasonColumn])
        .sort(),
    ).toEqual(['death', 'other', 'other']);
    // The counts stay right: every departure is counted, by both.
    for (const role of ['auditor', 'reporter'] as const) {
      expect((await get('/reports/statistics', role).expect(200)).body.members.left).toBe(3);
    }
  });

  it('GET /feed: auditors get every event as recorded; reporters get no birth date, vetting note or suspension reason', async () => {
    const full = await feed('auditor');
    const events = await api.store.readAll();
    expect(full.map((line) => line.change.data)).toEqual(events.map((event) => event.data));
    expect(lineOf(full, 'MemberAdmitted', ids.suspended).change.data.birthDate).toBe(SECRET.birthDate);
    expect(lineOf(full, 'CandidateVetted').change.data.notes).toBe(SECRET.vettingNotes);
    const suspension = lineOf(full, 'VotingRightsSuspended', ids.suspended);
    expect(suspension.change.data).toMatchObject({ reason: 'detention', until: SECRET.suspensionUntil });
    expect(suspension.change.summary.zh).toContain(SECRET.suspensionReasonZh);

    const shown = await feed('reporter');
    expect(shown.map((line) => [line.position, line.type])).toEqual(full.map((line) => [line.position, line.type]));
    const admitted = lineOf(shown, 'MemberAdmitted', ids.suspended);
    expect(admitted.change.data).not.toHaveProperty('birthDate');
    expect(admitted.change.data).toMatchObject({ name: '宋德福', branchId: ids.branch, membership: 'full' });
    expect(lineOf(shown, 'CandidateVetted').change.data).toEqual(
      expect.objectContaining({ nominee: members[0], method: 'talk', by: '第一包联组', on: '2023-03-12' }),
    );
    expect(lineOf(shown, 'CandidateVetted').change.data).not.toHaveProperty('notes');
    const suspended = lineOf(shown, 'VotingRightsSuspended', ids.suspended);
    expect(suspended.change.data).toEqual({
      memberId: ids.suspended,
      from: '2023-02-10',
      at: '2023-02-10T00:00:00.000Z',
    });
    expect(suspended.change.summary).toEqual({
      zh: '党员宋德福暂停行使表决权、选举权和被选举权',
      en: 'Voting rights of member 宋德福 suspended',
    });
    // A line whose recorded summary names nothing withheld is the same for both.
    expect(lineOf(shown, 'PostAssigned').change.summary).toEqual(lineOf(full, 'PostAssigned').change.summary);
  });

  /** Every route a reporter may read, with the ids this history has (a new parameter fails here until it has one). */
  const reporterRoutes = (): Route[] =>
    routeTable(api.app).filter(
      (route) => route.access?.kind === 'roles' && route.access.roles.includes('reporter') && route.method === 'GET',
    );
  const pathOf = (route: Route, electionId = ids.election) =>
    concretePath(route.path, (param) => {
      const value = {
        memberId: ids.suspended,
        branchId: ids.branch,
        committeeId: ids.committee,
        electionId,
        version: '2022-10-22',
        restructuringId: ids.restructuring,
        campaignId: ids.campaign,
        demonstrationId: ids.demonstration,
        teamId: ids.team,
      }[param];
      if (value === undefined) throw new Error(`No id for :${param} of ${route.path}: give this test one`);
      return value;
    });

  it('no route a reporter may read shows them any withheld value, in JSON or CSV; auditors see each one', async () => {
    const routes = reporterRoutes();
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/feed', '/reports/members', '/members/:memberId', '/elections/:electionId']),
    );
    const seenBy: Record<'auditor' | 'reporter', string[]> = { auditor: [], reporter: [] };
    // Per route, whether the reporter's answer differed from the auditor's on any request.
    const differs = new Map<string, boolean>();
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      for (const electionId of route.path.includes(':electionId')
        ? [ids.election, ids.cancelledElection]
        : [ids.election]) {
        for (const memberId of route.path.includes(':memberId') ? [ids.suspended, ids.expelled] : [ids.suspended]) {
          for (const accept of ['application/json', 'text/csv']) {
            const answers = [];
            for (const role of ['auditor', 'reporter'] as const) {
              const path = pathOf(route, electionId).replace(ids.suspended, memberId);
              const res = await get(path, role).set('Accept', accept).buffer(true).parse(textBody);
              // A real answer for every route: a 404 would leave its body uninspected.
              expect({ route: key, role, accept, status: res.status }).toEqual({
                route: key,
                role,
                accept,
                status: 200,
              });
              // The rule versions name the suspensions and exclusion grounds as vocabulary (which
              // standings take the vote), never a person's: their answers are scanned for nothing.
              if (!route.path.startsWith('/policies')) seenBy[role].push(res.body as string);
              answers.push(res.body as string);
            }
            differs.set(key, (differs.get(key) ?? false) || answers[0] !== answers[1]);
          }
        }
      }
    }
    // A route that says reporters see everything answers them as it answers auditors; one that
    // says it redacts answers them differently here, where each has something to withhold.
    const claims = Object.fromEntries(
      routes.map((route) => [`${route.method} ${route.path}`, decisionOf(route)?.kind]),
    );
    expect(
      Object.fromEntries([...differs].map(([key, differed]) => [key, differed ? 'redacted' : 'everything'])),
    ).toEqual(claims);
    const reporterText = seenBy.reporter.join('\n');
    const auditorText = seenBy.auditor.join('\n');
    const leaked = allSecrets().filter((secret) => reporterText.includes(secret));
    expect(leaked).toEqual([]);
    // Not vacuous: each withheld value is there, for auditors, on these very routes.
    expect(allSecrets().filter((secret) => !auditorText.includes(secret))).toEqual([]);
  });

  const controllerOf = (route: Route) =>
    [...api.app.get(ModulesContainer).values()]
      .flatMap((module) => [...module.controllers.values()])
      .find((wrapper) => wrapper.metatype?.name === route.controller)?.metatype as
      (abstract new (...args: never[]) => unknown) | undefined;
  function decisionOf(route: Route): ReporterSeesDecision | undefined {
    const controller = controllerOf(route);
    const handler = (controller?.prototype as Record<string, unknown> | undefined)?.[route.handler];
    if (!controller || typeof handler !== 'function') return undefined;
    return api.app
      .get(Reflector)
      .getAllAndOverride<ReporterSeesDecision | undefined>(REPORTER_SEES, [handler as () => unknown, controller]);
  }
  /** Whether the handler takes `@CallerRole()`: the only way it can answer a reporter differently. */
  const readsCallerRole = (route: Route): boolean => {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controllerOf(route)!, route.handler) ?? {}) as Record<
      string,
      { factory?: unknown }
    >;
    expect(typeof callerRoleOf).toBe('function');
    return Object.values(args).some((arg) => arg.factory === callerRoleOf);
  };

  it('every route a reporter may read has decided what it shows them (@ReporterSees), and acts on it', () => {
    const routes = reporterRoutes();
    const undecided = routes.filter((route) => {
      const decision = decisionOf(route);
      return !decision || !['everything', 'redacted'].includes(decision.kind) || decision.why.trim() === '';
    });
    expect(undecided.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    // 'redacted' routes shape their answer by the caller's role; 'everything' routes cannot.
    const shaping = Object.fromEntries(
      routes.map((route) => [`${route.method} ${route.path}`, readsCallerRole(route) ? 'redacted' : 'everything']),
    );
    expect(shaping).toEqual(
      Object.fromEntries(routes.map((route) => [`${route.method} ${route.path}`, decisionOf(route)!.kind])),
    );
    expect(Object.values(shaping)).toEqual(expect.arrayContaining(['redacted', 'everything']));
  });
});

function textBody(res: import('superagent').Response, callback: (error: Error | null, body: string) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => callback(null, text));
}
