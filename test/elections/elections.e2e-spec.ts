import request from 'supertest';
import type { App } from 'supertest/types';
import { BusinessCalendar, uuidV5 } from '@app/application';
import { bootApi, type BootedApi } from '../api/boot-api';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

interface Person {
  readonly personId: string;
  readonly name: string;
}

type Mark = 'for' | 'against' | 'abstain';

/**
 * Elections over HTTP on the embedded SQLite store, with the projections, the installation
 * process manager and the election timers' module running inside the API as under `npm start`.
 * Business dates are in 2023 (the policy then in force sets five-year terms); each step records
 * the day it happened with `occurredAt`.
 */
describe('elections over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let org: OrganisationFixtures;
  let committeeId: string;

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;

  // Refusals here are read in English, the sentences the assertions quote.
  const post = (path: string, body: object, key?: string) => {
    const call = request(http).post(path).set('Accept-Language', 'en');
    return key === undefined ? call.send(body) : call.set('Idempotency-Key', key).send(body);
  };

  /** A refusal: 422, a stable code, a sentence naming the rule, and nothing appended. */
  const refused = async (path: string, body: object, code: string, rule: RegExp): Promise<string> => {
    const before = await eventCount();
    const response = await post(path, body).expect(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe(code);
    expect(response.body.detail).toMatch(rule);
    expect(await eventCount()).toBe(before);
    return response.body.detail as string;
  };

  const members = async (branchId: string, names: readonly string[], membership: 'full' | 'probationary' = 'full') => {
    const people: Person[] = [];
    for (const name of names) people.push({ personId: await org.member(branchId, { name, membership }), name });
    return people;
  };

  const assign = (branchId: string, holder: Person, kind: string, extra: object = {}) =>
    post(`/branches/${branchId}/posts`, {
      kind,
      source: 'elected',
      holder,
      startDate: '2020-06-30',
      occurredAt: '2023-02-02',
      ...extra,
    }).expect(201);

  const election = async (electionId: string, asOf?: string) => {
    const response = await request(http)
      .get(`/elections/${electionId}${asOf === undefined ? '' : `?asOf=${asOf}`}`)
      .expect(200);
    return response;
  };

  const waitForStatus = async (electionId: string, status: string): Promise<void> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await election(electionId);
      if (response.body.state.status === status) return;
      if (Date.now() > deadline) throw new Error(`Election ${electionId} is still ${response.body.state.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const ballot = (marks: Record<string, Mark>) => ({ marks });

  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    org = new OrganisationFixtures(http);
    committeeId = await org.committee();
  });
  afterAll(() => api.close());

  describe('a committee branch', () => {
    let branchId: string;
    let m: Person[];
    let probationary: Person;
    let electionId: string;
    const path = (step: string) => `/elections/${electionId}/${step}`;

    beforeAll(async () => {
      branchId = await org.branch(committeeId, '府前社区离退休干部党支部');
      m = await members(branchId, [
        '李全爱',
        '武雅君',
        '张建国',
        '王秀英',
        '刘志强',
        '陈玉兰',
        '杨德明',
        '赵淑芬',
        '黄文华',
        '周桂英',
      ]);
      [probationary] = (await members(branchId, ['吴晓东'], 'probationary')) as [Person];
      const [m1, m2, m3] = m as [Person, Person, Person];
      await assign(branchId, m1, 'secretary');
      await assign(branchId, m2, 'deputySecretary');
      await assign(branchId, m3, 'committeeMember', { duty: '组织委员' });
    });

    it('opens the election with the census counted from the roll and the current term from the posts', async () => {
      const body = {
        branchId,
        committeeWorking: '支委会能正常开展工作',
        secretarySituation: '书记年事已高，本人不愿连任',
        occurredAt: '2023-03-01',
      };
      const opened = await post('/elections', body, 'fuqian-census-2023').expect(201);
      electionId = opened.body.events[0].data.electionId as string;
      expect(electionId).toBe(uuidV5('election:fuqian-census-2023'));
      expect(opened.headers.etag).toBe('"0"');
      expect(opened.body.events[0]).toMatchObject({
        type: 'CensusTaken',
        data: {
          branchId,
          fullMembers: 10,
          probationaryMembers: 1,
          suspendedMembers: 0,
          committeeRequired: true,
          currentTerm: { start: '2020-06-30', end: '2023-06-30' },
          policyVersion: '2022-10-22',
        },
      });
      // The same key again: the same election, nothing appended.
      const again = await post('/elections', body, 'fuqian-census-2023').expect(201);
      expect(again.body).toMatchObject({ replayed: true, stream: `election-${electionId}` });
      // A second election for the branch while this one is under way.
      const other = await post('/elections', body, 'fuqian-census-again').expect(409);
      expect(other.body.code).toBe('ELECTION_ALREADY_OPEN');
    });

    it('GET shows the state, the steps and the next actions, each blocked one with its rule', async () => {
      const response = await election(electionId);
      expect(response.headers.etag).toBe('"0"');
      // Judged on today where the bureau works, the day the election timers also use.
      expect(response.body.asOf).toBe(api.app.get(BusinessCalendar).today());
      expect(response.body.state).toMatchObject({ status: 'censusTaken', branchId, dueDate: '2023-06-30' });
      expect(response.body.steps).toEqual([
        expect.objectContaining({
          revision: 0,
          type: 'CensusTaken',
          occurredAt: '2023-03-01T00:00:00.000Z',
          policyVersion: '2022-10-22',
          actor: expect.objectContaining({ role: 'admin' }),
        }),
      ]);
      const actions = response.body.nextActions as {
        command: string;
        allowed: boolean;
        code?: string;
        reason?: string;
      }[];
      expect(actions.find((action) => action.command === 'RequestElection')).toEqual({
        command: 'RequestElection',
        allowed: true,
      });
      expect(actions.find((action) => action.command === 'ConveneMembersAssembly')).toMatchObject({
        allowed: false,
        code: 'SLATE_NOT_APPROVED',
        reason: expect.stringContaining('《中国共产党基层组织选举工作条例》第十四条'),
      });
      expect(response.headers['content-language']).toBe('zh-CN');
      const inEnglish = await request(http).get(`/elections/${electionId}`).set('Accept-Language', 'en').expect(200);
      expect(
        (inEnglish.body.nextActions as { command: string; reason?: string }[]).find(
          (action) => action.command === 'ConveneMembersAssembly',
        )?.reason,
      ).toBe(
        'ConveneMembersAssembly cannot run while the election is censusTaken: the members’ assembly elects from a slate the superior has approved, and meets once per election (Election Regulations, Art. 14).',
      );
      expect(actions.find((action) => action.command === 'RequestInstallation')).toMatchObject({
        allowed: false,
        code: 'RESULT_NOT_APPROVED',
      });
      const list = await request(http).get(`/branches/${branchId}/elections`).expect(200);
      expect(list.body.elections).toEqual([
        expect.objectContaining({ electionId, status: 'censusTaken', dueDate: '2023-06-30', term: null }),
      ]);
    });

    it('requests, approves, nominates and refuses a probationary nominee', async () => {
      await post(path('request'), {
        plannedDate: '2023-05-20',
        committee: true,
        committeeSeats: 3,
        deputySecretary: true,
        electionMethod: '差额选举、无记名投票',
        nominationMethod: '老干部推荐、党内提名、组织审查',
        agenda: ['听取和审查支部委员会工作报告', '选举新一届支部委员会'],
        occurredAt: '2023-03-05',
      }).expect(200);
      const approved = await post(path('approve-request'), {
        approvalReference: '孝老干党字〔2023〕12号',
        approvedOn: '2023-03-10',
        occurredAt: '2023-03-10',
      }).expect(200);
      expect(approved.body.events[0].data).toMatchObject({ lapsesOn: '2023-06-08' });
      expect(approved.headers.etag).toBe('"2"');
      // A client that last saw revision 1 is told the election moved on, and nothing is appended.
      const stale = await request(http)
        .post(path('cancel'))
        .set('If-Match', '"1"')
        .send({ reason: '误操作', occurredAt: '2023-03-11' })
        .expect(409);
      expect(stale.body.currentRevision).toBe(2);

      const [m1, m2, m3, m4, m5, m6] = m as [Person, Person, Person, Person, Person, Person];
      await post(path('recommendations'), {
        nominee: m4,
        forPost: 'secretary',
        recommendedBy: [m5, m6],
        occurredAt: '2023-03-15',
      }).expect(200);
      for (const nominee of [m4, m1, m2, m3]) {
        await post(path('nominations'), {
          nominee,
          forPost: 'committee',
          nominatedBy: '上届支部委员会',
          occurredAt: '2023-03-16',
        }).expect(200);
      }
      await refused(
        path('nominations'),
        { nominee: probationary, forPost: 'committee', nominatedBy: '上届支部委员会', occurredAt: '2023-03-16' },
        'NOMINEE_NOT_FULL_MEMBER',
        /probationary members have no right to be elected \(Election Regulations, Art\. 5\)/,
      );
      await post(path('vetting'), {
        memberId: m4.personId,
        method: 'talk',
        by: '第一工作组',
        notes: '本人愿意为党员服务，身体状况良好',
        on: '2023-03-20',
        occurredAt: '2023-03-20',
      }).expect(200);
      await post(path('community-consultation'), {
        community: '府前社区党委',
        opinion: '同意',
        on: '2023-03-22',
        occurredAt: '2023-03-22',
      }).expect(200);
      // After the lapse date, nominations are blocked by the lapsed approval.
      const later = await election(electionId, '2023-06-09');
      expect(later.body.nextActions).toContainEqual(
        expect.objectContaining({ command: 'NominateCandidate', allowed: false, code: 'APPROVAL_LAPSED' }),
      );
    });

    it('refuses 3 candidates for 3 committee seats and accepts 4', async () => {
      const [m1, m2, m3, m4] = m as [Person, Person, Person, Person];
      await refused(
        path('slate'),
        {
          committeeCandidates: [m1, m2, m3],
          secretaryCandidates: [m1],
          deputySecretaryCandidates: [m2],
          occurredAt: '2023-03-25',
        },
        'TOO_FEW_COMMITTEE_CANDIDATES',
        /at least 4 are needed \(Election Regulations, Art\. 13; policy 2022-10-22\)/,
      );
      const submitted = await post(path('slate'), {
        committeeCandidates: [m4, m1, m2, m3],
        secretaryCandidates: [m4],
        deputySecretaryCandidates: [m2],
        occurredAt: '2023-03-25',
      }).expect(200);
      expect(submitted.body.events[0].data.committeeCandidates.map((p: Person) => p.name)).toEqual([
        '王秀英',
        '李全爱',
        '武雅君',
        '张建国',
      ]);
      await post(path('approve-slate'), {
        approvalReference: '孝老干党字〔2023〕16号',
        approvedOn: '2023-04-01',
        occurredAt: '2023-04-01',
      }).expect(200);
    });

    it('refuses the assembly one voter short of 4/5 and convenes it with exactly 4/5', async () => {
      const present = m.slice(0, 8);
      const [, , , , m5, m6] = m as [Person, Person, Person, Person, Person, Person];
      const assembly = (voters: readonly Person[]) => ({
        exclusions: [],
        presentVoters: voters,
        nonVotingAttendees: [{ person: probationary, kind: 'probationary' }],
        scrutineers: [m5],
        scrutineersApproval: { for: voters.length, against: 0, abstain: 0 },
        tellers: [m6],
        electionMethodAdoption: { for: voters.length, against: 0, abstain: 0 },
        occurredAt: '2023-05-20',
      });
      await refused(
        path('assembly'),
        assembly(present.slice(0, 7)),
        'QUORUM_NOT_MET',
        /7 voters are present of 10 due; .* 4\/5 of those due, exactly that share included \(Election Regulations; docs\/rules\.md §6\.6; policy 2022-10-22\)/,
      );
      const convened = await post(path('assembly'), assembly(present)).expect(200);
      expect(convened.body.events[0].data.quorum).toEqual({
        due: 10,
        present: 8,
        numerator: 4,
        denominator: 5,
        inclusive: true,
      });
    });

    it('voids a round with more ballots returned than issued (200, not a refusal), then counts a valid one', async () => {
      const [m1, m2, m3, m4] = m.map((p) => p.personId) as [string, string, string, string];
      const six = Array.from({ length: 6 }, () => ballot({ [m4]: 'for', [m2]: 'for', [m1]: 'for', [m3]: 'against' }));
      const papers = [
        ...six,
        ballot({ [m4]: 'for', [m2]: 'for', [m3]: 'for', [m1]: 'against' }),
        ballot({ [m4]: 'for', [m1]: 'for', [m3]: 'for', [m2]: 'against' }),
      ];
      const voided = await post(path('ballots'), {
        race: 'committee',
        issued: 8,
        ballots: [...papers, ballot({ [m4]: 'for' })],
        occurredAt: '2023-05-20',
      }).expect(200);
      expect(voided.body.events).toEqual([
        expect.objectContaining({
          type: 'BallotRoundVoided',
          data: expect.objectContaining({ issued: 8, returned: 9 }),
        }),
      ]);
      const recorded = await post(path('ballots'), {
        race: 'committee',
        issued: 8,
        ballots: papers,
        occurredAt: '2023-05-20',
      }).expect(200);
      expect(recorded.body.events[0]).toMatchObject({
        type: 'BallotsRecorded',
        data: { roundNo: 2, valid: 8, invalid: 0 },
      });
      const counted = await post(path('count'), { race: 'committee', occurredAt: '2023-05-20' }).expect(200);
      expect(counted.body.events[0].data).toMatchObject({ outcome: 'complete', base: 10, majorityBase: 'due' });
      expect(counted.body.events[0].data.elected.map((p: { personId: string }) => p.personId)).toEqual([m4, m1, m2]);
    });

    it('the first committee meeting elects the secretary and deputy; the result is reported', async () => {
      const [m1, m2, , m4] = m as [Person, Person, Person, Person];
      await post(path('officers'), {
        chairMemberId: m1.personId,
        secretary: { memberId: m4.personId, votes: { for: 3, against: 0, abstain: 0 } },
        deputySecretary: { memberId: m2.personId, votes: { for: 3, against: 0, abstain: 0 } },
        scrutineers: [m1],
        duties: { [m1.personId]: '组织委员' },
        occurredAt: '2023-05-20',
      }).expect(200);
      const reported = await post(path('report'), {
        reportReference: '府前支部〔2023〕3号',
        occurredAt: '2023-05-21',
      }).expect(200);
      expect(reported.body.events[0].data).toMatchObject({
        secretary: { personId: m4.personId },
        deputySecretary: { personId: m2.personId },
        deviations: [],
      });
    });

    it('refuses to install a result that is not approved', async () => {
      await refused(
        path('request-installation'),
        { occurredAt: '2023-05-22' },
        'RESULT_NOT_APPROVED',
        /posts are installed only from a result the superior has approved and filed \(Party Constitution, Art\. 31; docs\/rules\.md §6\.12\)/,
      );
    });

    it('approves and installs: the branch holds the new officers, the outgoing ones left at the term end', async () => {
      const [m1, m2, m3, m4] = m as [Person, Person, Person, Person];
      await post(path('approve-result'), {
        approvalReference: '孝老干党字〔2023〕21号',
        approvedOn: '2023-05-25',
        filingReference: '孝老干党备〔2023〕4号',
        occurredAt: '2023-05-25',
      }).expect(200);
      const requested = await post(path('request-installation'), { occurredAt: '2023-05-26' }).expect(202);
      expect(requested.body.events[0]).toMatchObject({
        type: 'InstallationRequested',
        data: { termStart: '2023-05-20', termEnd: '2028-05-20', termYears: 5, termPolicyVersion: '2022-10-22' },
      });
      await waitForStatus(electionId, 'installed');

      const branch = await request(http).get(`/branches/${branchId}`).expect(200);
      const held = (
        branch.body.posts as { kind: string; source: string; holder: Person; duty: string | null; startDate: string }[]
      )
        .map(({ kind, source, holder, duty, startDate }) => ({
          kind,
          source,
          personId: holder.personId,
          duty,
          startDate,
        }))
        .sort((a, b) => a.kind.localeCompare(b.kind));
      expect(held).toEqual([
        {
          kind: 'committeeMember',
          source: 'elected',
          personId: m1.personId,
          duty: '组织委员',
          startDate: '2023-05-20',
        },
        { kind: 'deputySecretary', source: 'elected', personId: m2.personId, duty: null, startDate: '2023-05-20' },
        { kind: 'secretary', source: 'elected', personId: m4.personId, duty: null, startDate: '2023-05-20' },
      ]);
      const ended = (branch.body.endedPosts as { kind: string; personId: string; endDate: string; endReason: string }[])
        .map(({ kind, personId, endDate, endReason }) => ({ kind, personId, endDate, endReason }))
        .sort((a, b) => a.kind.localeCompare(b.kind));
      expect(ended).toEqual([
        { kind: 'committeeMember', personId: m3.personId, endDate: '2023-05-20', endReason: 'termEnded' },
        { kind: 'deputySecretary', personId: m2.personId, endDate: '2023-05-20', endReason: 'termEnded' },
        { kind: 'secretary', personId: m1.personId, endDate: '2023-05-20', endReason: 'termEnded' },
      ]);

      const view = await election(electionId);
      expect(view.body.state).toMatchObject({
        status: 'installed',
        installation: { termStart: '2023-05-20', termEnd: '2028-05-20' },
      });
      expect(view.body.steps.map((step: { type: string }) => step.type).slice(-3)).toEqual([
        'ElectionResultApproved',
        'InstallationRequested',
        'ResultInstalled',
      ]);
      expect(view.body.nextActions.every((action: { allowed: boolean }) => !action.allowed)).toBe(true);
      const list = await request(http).get(`/branches/${branchId}/elections`).expect(200);
      expect(list.body.elections).toEqual([
        expect.objectContaining({ electionId, status: 'installed', term: { start: '2023-05-20', end: '2028-05-20' } }),
      ]);
    });
  });

  describe('a branch without a committee, and a cross-appointed vice-secretary', () => {
    let branchId: string;
    let s: Person[];
    const viceSecretary: Person = { personId: uuidV5('e2e-election:community-secretary'), name: '崇文社区党委书记' };

    /** Census to an approved one-candidate slate for the secretary, on the given days. */
    const toApprovedSlate = async (key: string, candidate: Person, days: readonly string[]): Promise<string> => {
      const [census, requested, approved, nominated, slate] = days as [string, string, string, string, string];
      const opened = await post(
        '/elections',
        { branchId, committeeWorking: '书记负责日常工作', secretarySituation: '身体健康', occurredAt: census },
        key,
      ).expect(201);
      const electionId = opened.body.events[0].data.electionId as string;
      const path = (step: string) => `/elections/${electionId}/${step}`;
      await post(path('request'), {
        plannedDate: slate,
        committee: false,
        committeeSeats: 0,
        deputySecretary: false,
        electionMethod: '等额选举、无记名投票',
        nominationMethod: '党内提名',
        occurredAt: requested,
      }).expect(200);
      await post(path('approve-request'), {
        approvalReference: `孝老干党字〔2023〕${key}`,
        approvedOn: approved,
        occurredAt: approved,
      }).expect(200);
      await post(path('nominations'), {
        nominee: candidate,
        forPost: 'secretary',
        nominatedBy: '全体党员',
        occurredAt: nominated,
      }).expect(200);
      await post(path('slate'), {
        committeeCandidates: [],
        secretaryCandidates: [candidate],
        deputySecretaryCandidates: [],
        occurredAt: nominated,
      }).expect(200);
      await post(path('approve-slate'), {
        approvalReference: `孝老干党字〔2023〕${key}-slate`,
        approvedOn: slate,
        occurredAt: slate,
      }).expect(200);
      return electionId;
    };

    beforeAll(async () => {
      branchId = await org.branch(committeeId, '崇文社区离退休干部党支部');
      s = await members(branchId, ['郭志强', '马秀兰', '罗建华', '梁玉珍', '宋德福']);
    });

    it('elects its secretary directly at the assembly and installs him', async () => {
      const [s1, s2, s3, s4] = s as [Person, Person, Person, Person];
      const electionId = await toApprovedSlate('chongwen-2023', s1, [
        '2023-03-01',
        '2023-03-02',
        '2023-03-06',
        '2023-03-10',
        '2023-04-10',
      ]);
      const path = (step: string) => `/elections/${electionId}/${step}`;
      const census = await election(electionId);
      expect(census.body.steps[0]).toMatchObject({ type: 'CensusTaken' });
      expect(census.body.state.census).toMatchObject({ fullMembers: 5, committeeRequired: false, currentTerm: null });

      await post(path('assembly'), {
        exclusions: [],
        presentVoters: [s1, s2, s3, s4],
        nonVotingAttendees: [],
        scrutineers: [s2],
        scrutineersApproval: { for: 4, against: 0, abstain: 0 },
        tellers: [s3],
        electionMethodAdoption: { for: 4, against: 0, abstain: 0 },
        occurredAt: '2023-04-15',
      }).expect(200);
      await post(path('ballots'), {
        race: 'secretary',
        issued: 4,
        ballots: [1, 2, 3, 4].map((n) => ballot({ [s1.personId]: n === 4 ? 'abstain' : 'for' })),
        occurredAt: '2023-04-15',
      }).expect(200);
      const counted = await post(path('count'), { race: 'secretary', occurredAt: '2023-04-15' }).expect(200);
      expect(counted.body.events.map((event: { type: string }) => event.type)).toEqual([
        'BallotsCounted',
        'OfficersElected',
      ]);
      expect(counted.body.events[1].data).toMatchObject({
        electedBy: 'membersAssembly',
        secretary: { personId: s1.personId, votes: { for: 3, against: 0, abstain: 1 } },
        deputySecretary: null,
      });
      await post(path('report'), { reportReference: '崇文支部〔2023〕1号', occurredAt: '2023-04-16' }).expect(200);
      await post(path('approve-result'), {
        approvalReference: '孝老干党字〔2023〕30号',
        approvedOn: '2023-04-20',
        occurredAt: '2023-04-20',
      }).expect(200);
      await post(path('request-installation'), { occurredAt: '2023-04-21' }).expect(202);
      await waitForStatus(electionId, 'installed');
      const branch = await request(http).get(`/branches/${branchId}`).expect(200);
      expect(branch.body.posts).toEqual([
        expect.objectContaining({ kind: 'secretary', source: 'elected', holder: s1, startDate: '2023-04-15' }),
      ]);
    });

    it('a cross-appointed vice-secretary holds the post but is refused as a voter at a later assembly', async () => {
      const crossAppointed = await post(`/branches/${branchId}/posts`, {
        kind: 'deputySecretary',
        source: 'concurrent',
        documentReference: '孝老干党字〔2023〕35号',
        holder: viceSecretary,
        startDate: '2023-05-01',
        occurredAt: '2023-05-01',
      }).expect(201);
      expect(crossAppointed.body.events[0].type).toBe('ViceSecretaryCrossAppointed');
      const branch = await request(http).get(`/branches/${branchId}`).expect(200);
      expect(branch.body.posts).toContainEqual(
        expect.objectContaining({ kind: 'deputySecretary', source: 'concurrent', holder: viceSecretary }),
      );

      const [s1, s2, s3, s4, s5] = s as [Person, Person, Person, Person, Person];
      const electionId = await toApprovedSlate('chongwen-by-election', s2, [
        '2023-06-01',
        '2023-06-02',
        '2023-06-05',
        '2023-06-06',
        '2023-06-10',
      ]);
      const before = await election(electionId);
      expect(before.body.state.census.currentTerm).toEqual({ start: '2023-04-15', end: '2028-04-15' });
      const assembly = {
        exclusions: [],
        presentVoters: [s1, s2, s3, s4, s5, viceSecretary],
        nonVotingAttendees: [],
        scrutineers: [s3],
        scrutineersApproval: { for: 5, against: 0, abstain: 0 },
        tellers: [s4],
        electionMethodAdoption: { for: 5, against: 0, abstain: 0 },
        occurredAt: '2023-06-12',
      };
      await refused(
        `/elections/${electionId}/assembly`,
        assembly,
        'CONCURRENT_HOLDER_CANNOT_VOTE',
        /崇文社区党委书记 cannot be counted as a voter present: .* never votes or counts to the quorum \(docs\/rules\.md §4\.3\)/,
      );
      // Present as what they are, a non-voting attendee, the assembly is convened without their vote.
      const convened = await post(`/elections/${electionId}/assembly`, {
        ...assembly,
        presentVoters: [s1, s2, s3, s4, s5],
        nonVotingAttendees: [{ person: viceSecretary, kind: 'crossAppointed' }],
      }).expect(200);
      expect(convened.body.events[0].data).toMatchObject({
        concurrentPostHolders: [viceSecretary],
        quorum: { due: 5, present: 5 },
      });
    });
  });

  it('postpones by exactly one calendar year across 29 February, and refuses a day more', async () => {
    // A term of 2020-09-01 to 2023-09-01 (three years under the 2018 rules it began under).
    const branchId = await org.branch(committeeId, '新义社区离退休干部党支部');
    const [secretary, ...rest] = await members(branchId, ['郭建平', '任秀兰', '冀志刚', '梁桂花', '霍明亮']);
    await assign(branchId, secretary as Person, 'secretary', { startDate: '2020-09-01' });
    expect(rest).toHaveLength(4);
    const opened = await post(
      '/elections',
      { branchId, committeeWorking: '书记负责日常工作', secretarySituation: '身体健康', occurredAt: '2023-06-01' },
      'xinyi-census-2023',
    ).expect(201);
    const electionId = opened.body.events[0].data.electionId as string;
    expect(opened.body.events[0].data.currentTerm).toEqual({ start: '2020-09-01', end: '2023-09-01' });
    const shift = (newDate: string) => ({
      newDate,
      reason: '社区调整',
      approvalReference: '孝离党字〔2023〕9号',
      occurredAt: '2023-06-02',
    });
    await refused(
      `/elections/${electionId}/postpone`,
      shift('2024-09-02'),
      'ELECTION_SHIFT_TOO_LARGE',
      /goes past 2024-09-01, 1 year from the term end 2023-09-01/,
    );
    const postponed = await post(`/elections/${electionId}/postpone`, shift('2024-09-01')).expect(200);
    expect(postponed.body.events[0]).toMatchObject({
      type: 'ElectionPostponed',
      data: { newDate: '2024-09-01', shiftDays: 366, shiftLimitOverridden: false },
    });
  });

  it('validates bodies: unknown fields, bad marks and bad nested people are 400 with every field named', async () => {
    const electionId = uuidV5('e2e-election:nothing');
    const response = await post(`/elections/${electionId}/ballots`, {
      race: 'committee',
      issued: 1,
      ballots: [{ marks: { 'not-a-uuid': 'yes' }, writeIns: [{ beside: 'x', person: { name: '' } }] }],
      extra: true,
    }).expect(400);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'extra',
        'ballots[0].marks',
        'ballots[0].writeIns[0].beside',
        'ballots[0].writeIns[0].person.personId',
        'ballots[0].writeIns[0].person.name',
      ]),
    );
    await request(http).get(`/elections/${electionId}`).expect(404);
  });
});
