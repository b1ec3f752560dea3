import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

interface Person {
  readonly personId: string;
  readonly name: string;
}

/**
 * A by-election (补选) over HTTP on the embedded SQLite store, with the projections and the
 * filling process manager running inside the API as under `npm start`: a committee member is
 * transferred away mid-term, the branch requests a by-election, the superior consents, the
 * members' assembly votes, the result is filed, and the branch holds the post from the filing
 * date to the end of the term it already had. Each refusal is a 422 that appends nothing.
 */
describe('by-elections (补选) over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let org: OrganisationFixtures;
  let branchId: string;
  let people: Person[];
  let vacatedPostId: string;
  let secretaryPostId: string;

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;
  const post = (path: string, body: object, language = 'en') =>
    request(http).post(path).set('Accept-Language', language).send(body);

  /** A refusal: 422, a stable code, a sentence naming the rule, and nothing appended. */
  const refused = async (path: string, body: object, code: string, rule: RegExp, language = 'en') => {
    const before = await eventCount();
    const response = await post(path, body, language).expect(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe(code);
    expect(response.body.detail).toMatch(rule);
    expect(await eventCount()).toBe(before);
  };

  const branch = async () => (await request(http).get(`/branches/${branchId}`).expect(200)).body;

  /** The filing's post reaches the branch through the process manager, shortly after the 200. */
  const waitForPost = async (postId: string) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = await branch();
      if (found.posts.some((held: { postId: string }) => held.postId === postId)) return found;
      if (Date.now() > deadline) throw new Error(`Branch ${branchId} never held post ${postId}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const vote = (forFirst: number, forSecond: number, present: number) => {
    const [first, second] = [people[1]!, people[2]!];
    return Array.from({ length: present }, (_, i) => ({
      marks: i < forFirst ? { [first.personId]: 'for' } : i < forFirst + forSecond ? { [second.personId]: 'for' } : {},
    }));
  };

  const assembly = (present: number, forFirst: number, forSecond: number, extra: object = {}) => ({
    heldBy: 'membersAssembly',
    exclusions: [],
    presentVoters: people.slice(0, present),
    issued: present,
    ballots: vote(forFirst, forSecond, present),
    occurredAt: '2024-04-20',
    ...extra,
  });

  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    org = new OrganisationFixtures(http);
    const committeeId = await org.committee();
    branchId = await org.branch(committeeId, '府中社区离退休干部党支部');
    people = [];
    for (const name of [
      '李全爱',
      '武雅君',
      '张建国',
      '王秀英',
      '赵志刚',
      '刘桂兰',
      '陈国华',
      '杨淑珍',
      '黄德明',
      '周玉梅',
    ]) {
      people.push({ personId: await org.member(branchId, { name }), name });
    }
    const assign = async (holder: Person, kind: string, duty?: string) =>
      (
        await post(`/branches/${branchId}/posts`, {
          kind,
          ...(duty === undefined ? {} : { duty }),
          source: 'elected',
          holder,
          startDate: '2023-06-30',
          occurredAt: '2023-07-01',
        }).expect(201)
      ).body.createdId as string;
    secretaryPostId = await assign(people[0]!, 'secretary');
    await assign(people[4]!, 'committeeMember', '宣传委员');
    vacatedPostId = await assign(people[3]!, 'committeeMember', '组织委员');
  });
  afterAll(() => api.close());

  it('a committee member transferred away mid-term leaves a vacancy on the branch', async () => {
    await post(`/branches/${branchId}/posts/${vacatedPostId}/vacate`, {
      reason: 'transferred',
      endDate: '2024-03-01',
      occurredAt: '2024-03-01',
    }).expect(200);
    expect((await branch()).vacancies).toEqual([
      {
        postId: vacatedPostId,
        kind: 'committeeMember',
        duty: '组织委员',
        holder: people[3],
        reason: 'transferred',
        endDate: '2024-03-01',
      },
    ]);
  });

  it('requests, is consented, is held by the assembly and filed: the post is filled from the filing date for the rest of the term', async () => {
    const requestBody = {
      branchId,
      vacatedPostId: secretaryPostId,
      reason: '组织委员王秀英调离本市，组织关系已转出',
      plannedDate: '2024-04-20',
      candidates: [people[1], people[2]],
      electionMethod: '差额选举、无记名投票',
      occurredAt: '2024-03-10',
    };
    // The secretary's post is held: there is nothing to by-elect (in Chinese, the caller's language).
    await refused(
      '/by-elections',
      requestBody,
      'NO_VACANCY_FOR_POST',
      /没有出缺.*补选只填补任期内因去世、免职、辞职或调离而空缺/,
      'zh-CN',
    );

    const requested = await post('/by-elections', { ...requestBody, vacatedPostId }).expect(201);
    const byElectionId = requested.body.id as string;
    expect(requested.headers.location).toBe(`/by-elections/${byElectionId}`);
    const path = (step: string) => `/by-elections/${byElectionId}/${step}`;

    // No vote before the superior has consented.
    await refused(path('assembly'), assembly(9, 6, 3), 'BY_ELECTION_NOT_CONSENTED', /superior's consent/);
    await post(path('consent'), {
      consentReference: '孝老干字〔2024〕5号',
      consentedOn: '2024-03-20',
      occurredAt: '2024-03-20',
    }).expect(200);

    // The committee may not by-elect; the members' assembly does.
    await refused(
      path('assembly'),
      assembly(9, 6, 3, { heldBy: 'committee' }),
      'BY_ELECTION_HELD_BY_COMMITTEE',
      /members' assembly, never by the committee/,
    );
    await refused(
      path('assembly'),
      assembly(9, 6, 3, { heldBy: 'committee' }),
      'BY_ELECTION_HELD_BY_COMMITTEE',
      /不得由支部委员会补选/,
      'zh-CN',
    );
    // The assembly cannot be dated before the consent it follows.
    await refused(
      path('assembly'),
      assembly(9, 6, 3, { occurredAt: '2024-03-19' }),
      'BY_ELECTION_DATED_BEFORE_STEP',
      /2024-03-19 is before the superior consented on 2024-03-20/,
    );
    // 7 of the 10 due is under four fifths.
    await refused(path('assembly'), assembly(7, 6, 1), 'QUORUM_NOT_MET', /4\/5 of those due/);
    // 5 yes-votes of 10 due is exactly half: not elected, as in the term election.
    await refused(
      path('assembly'),
      assembly(9, 5, 4),
      'BY_ELECTION_NO_MAJORITY',
      /must exceed half of the 10 members due/,
    );

    const held = await post(path('assembly'), assembly(9, 6, 3)).expect(200);
    expect(held.body.events[0].data).toMatchObject({
      quorum: { due: 10, present: 9 },
      majorityBase: 'due',
      base: 10,
      elected: { ...people[1], votes: 6 },
      policyVersion: '2022-10-22',
    });

    const filed = await post(path('file'), {
      filingReference: '孝老干字〔2024〕9号',
      filedOn: '2024-04-25',
      occurredAt: '2024-04-25',
    }).expect(200);
    const filledPostId = `${byElectionId}-committeeMember-${people[1]!.personId}`;
    expect(filed.body.events[0].data).toMatchObject({
      post: { postId: filledPostId, kind: 'committeeMember', duty: '组织委员', holder: people[1] },
      vacatedPostId,
      filedOn: '2024-04-25',
      termEnd: '2028-06-30',
    });

    const after = await waitForPost(filledPostId);
    expect(after.vacancies).toEqual([]);
    expect(after.posts).toContainEqual({
      postId: filledPostId,
      kind: 'committeeMember',
      duty: '组织委员',
      source: 'elected',
      documentReference: '孝老干字〔2024〕9号',
      holder: people[1],
      startDate: '2024-04-25',
    });

    const view = await request(http).get(`/by-elections/${byElectionId}`).expect(200);
    expect(view.headers.etag).toBe('"3"');
    expect(view.body).toMatchObject({
      status: 'filed',
      branchId,
      term: { start: '2023-06-30', end: '2028-06-30' },
      filing: { filedOn: '2024-04-25', termEnd: '2028-06-30' },
    });

    // The organisation as of a date shows the post from the filing date, not before.
    const postsOn = async (asOf: string) => {
      const tree = (await request(http).get(`/org/tree?asOf=${asOf}`).expect(200)).body;
      return JSON.stringify(tree).includes(filledPostId);
    };
    expect(await postsOn('2024-04-24')).toBe(false);
    expect(await postsOn('2024-04-25')).toBe(true);

    // The term is still the committee's: the branch's next census reads the same end.
    const census = await post('/elections', {
      branchId,
      committeeWorking: '支委会运转正常',
      secretarySituation: '书记身体健康',
      occurredAt: '2024-05-01',
    }).expect(201);
    expect(census.body.events[0].data.currentTerm).toEqual({ start: '2023-06-30', end: '2028-06-30' });

    // A vacancy is filled once: the filled post leaves nothing to by-elect again.
    const reopened = await post('/by-elections', { ...requestBody, vacatedPostId, occurredAt: '2024-05-01' });
    expect(reopened.status).toBe(422);
    expect(reopened.body.code).toBe('NO_VACANCY_FOR_POST');

    // Each step once: filing again is out of order.
    await refused(
      path('file'),
      { filingReference: '孝老干字〔2024〕10号', filedOn: '2024-04-26', occurredAt: '2024-04-26' },
      'BY_ELECTION_STEP_OUT_OF_ORDER',
      /request, consent, assembly, filing, each once/,
    );

    // The audit log describes each step in Chinese.
    const audit = (await request(http).get(`/audit/events?branchId=${branchId}`).expect(200)).body;
    expect(JSON.stringify(audit)).toContain('召开党员大会补选');
  });

  it('an unknown by-election is 404, to read and to write', async () => {
    await request(http).get('/by-elections/3f0c9a52-2d5e-4c1b-9a3e-6f1f2b7c8d90').expect(404);
    await post('/by-elections/3f0c9a52-2d5e-4c1b-9a3e-6f1f2b7c8d90/consent', {
      consentReference: '孝老干字〔2024〕5号',
      consentedOn: '2024-03-20',
    }).expect(404);
  });
});
