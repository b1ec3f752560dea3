import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';

/**
 * Facts the record must never hold, refused over HTTP with 422, a stable code and a sentence
 * naming the dates: the handlers fill each decider's context from the organisations' streams.
 */
describe('refusing what cannot be true', () => {
  let api: BootedApi;
  let http: App;
  let committeeId: string;
  let branchId: string;
  let otherBranchId: string;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    const committee = await request(http)
      .post('/committees')
      .send({ name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2023-01-05' })
      .expect(201);
    committeeId = committee.body.events[0].data.committeeId as string;
    const branch = async (name: string, occurredAt: string) =>
      (await request(http).post('/branches').send({ name, parentCommitteeId: committeeId, occurredAt }).expect(201))
        .body.events[0].data.branchId as string;
    branchId = await branch('府前社区离退休干部党支部', '2023-01-10');
    otherBranchId = await branch('永安社区离退休干部党支部', '2023-06-01');
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;
  const member = (overrides: Record<string, unknown> = {}) => ({
    name: '王建国',
    birthDate: '1950-03-08',
    sex: 'male',
    joinedPartyOn: '1975-07-01',
    formerPostLevel: '科级',
    membership: 'full',
    branchId,
    occurredAt: '2023-02-01',
    ...overrides,
  });

  const refused = async (path: string, body: object, code: string, ...inDetail: string[]) => {
    const before = await eventCount();
    // The sentences quoted below are the English ones.
    const response = await request(http).post(path).set('Accept-Language', 'en').send(body);
    expect([path, response.status, response.body.code]).toEqual([path, 422, code]);
    expect(response.headers['content-type']).toContain('application/problem+json');
    for (const text of inDetail) expect(response.body.detail).toContain(text);
    expect(await eventCount()).toBe(before);
  };

  it('refuses acts dated before the branch or committee they concern with DATED_BEFORE_ESTABLISHMENT, naming both dates; the same day is allowed', async () => {
    await refused(
      '/branches',
      { name: '府东社区离退休干部党支部', parentCommitteeId: committeeId, occurredAt: '2023-01-04' },
      'DATED_BEFORE_ESTABLISHMENT',
      'dated 2023-01-04',
      'party committee 孝义市离退休干部党委 was established on 2023-01-05',
    );
    await refused(
      '/committees',
      { name: '府东党总支', kind: 'general_branch', parentCommitteeId: committeeId, occurredAt: '2023-01-01' },
      'DATED_BEFORE_ESTABLISHMENT',
    );
    await refused(
      '/members',
      member({ occurredAt: '2023-01-09' }),
      'DATED_BEFORE_ESTABLISHMENT',
      'The admission of 王建国 is dated 2023-01-09',
      'branch 府前社区离退休干部党支部 was established on 2023-01-10',
    );
    await refused(
      `/branches/${branchId}/rename`,
      { name: '新名', occurredAt: '2023-01-09' },
      'DATED_BEFORE_ESTABLISHMENT',
    );
    await refused(
      `/committees/${committeeId}/rename`,
      { name: '新名', occurredAt: '2023-01-04' },
      'DATED_BEFORE_ESTABLISHMENT',
    );
    const admitted = await request(http).post('/members').send(member()).expect(201);
    const memberId = admitted.body.events[0].data.memberId as string;
    await refused(
      `/members/${memberId}/transfer`,
      { toBranchId: otherBranchId, occurredAt: '2023-05-31' },
      'DATED_BEFORE_ESTABLISHMENT',
      'before branch 永安社区离退休干部党支部 was established on 2023-06-01',
    );
    await refused(
      '/elections',
      { branchId, committeeWorking: '正常', secretarySituation: '正常', occurredAt: '2023-01-09' },
      'DATED_BEFORE_ESTABLISHMENT',
      'The census opening the election is dated 2023-01-09',
    );
    await refused(
      '/restructurings/dissolution',
      { branchId: otherBranchId, destinationBranchId: branchId, reason: '党员不足', occurredAt: '2023-05-01' },
      'DATED_BEFORE_ESTABLISHMENT',
      'The restructuring proposal is dated 2023-05-01',
    );
    const campaign = await request(http)
      .post('/campaigns')
      .send({
        title: '换届',
        documentNumber: '孝老干字〔2023〕1号',
        requirements: ['按期换届'],
        deadline: '2023-12-31',
        occurredAt: '2023-02-01',
      })
      .expect(201);
    const campaignId = campaign.body.events[0].data.campaignId as string;
    const group = await request(http)
      .post(`/campaigns/${campaignId}/working-groups`)
      .send({
        name: '第一组',
        leader: { personId: '5d1c8e0a-3b4f-4c6d-9e7f-8a9b0c1d2e3f', name: '张局长' },
        occurredAt: '2023-02-01',
      })
      .expect(201);
    const groupId = group.body.events[0].data.groupId as string;
    await refused(
      `/campaigns/${campaignId}/working-groups/${groupId}/branches`,
      { branchId: otherBranchId, occurredAt: '2023-05-01' },
      'DATED_BEFORE_ESTABLISHMENT',
    );
    // The day of the establishment itself is not before it.
    await request(http)
      .post('/members')
      .send(member({ name: '李全爱', occurredAt: '2023-01-10' }))
      .expect(201);
  });

  /** The same refusal read in Chinese, the caller's language: the sentence gives dates as people write them. */
  const refusedInChinese = async (path: string, body: object, code: string, ...inDetail: string[]) => {
    const before = await eventCount();
    const response = await request(http).post(path).set('Accept-Language', 'zh-CN').send(body);
    expect([path, response.status, response.body.code]).toEqual([path, 422, code]);
    for (const text of inDetail) expect(response.body.detail).toContain(text);
    expect(await eventCount()).toBe(before);
  };

  it('refuses a transfer dated before the member was admitted, or before the transfer that brought them, with TRANSFER_BEFORE_AFFILIATION', async () => {
    const admitted = await request(http)
      .post('/members')
      .send(member({ name: '赵淑芬', occurredAt: '2023-07-01' }))
      .expect(201);
    const memberId = admitted.body.events[0].data.memberId as string;
    // 永安 exists from 2023-06-01, so only the admission on 2023-07-01 stands in the way.
    await refusedInChinese(
      `/members/${memberId}/transfer`,
      { toBranchId: otherBranchId, occurredAt: '2023-06-15' },
      'TRANSFER_BEFORE_AFFILIATION',
      '赵淑芬组织关系转接的日期为2023年6月15日',
      '早于其编入现支部的日期2023年7月1日',
    );
    await request(http)
      .post(`/members/${memberId}/transfer`)
      .send({ toBranchId: otherBranchId, occurredAt: '2023-08-01' })
      .expect(200);
    await refusedInChinese(
      `/members/${memberId}/transfer`,
      { toBranchId: branchId, occurredAt: '2023-07-20' },
      'TRANSFER_BEFORE_AFFILIATION',
      '早于其转入现支部的日期2023年8月1日',
    );
    // The member's record says since when, and by which act, they are in their branch.
    const record = await request(http).get(`/members/${memberId}`).expect(200);
    expect(record.body).toMatchObject({ branchId: otherBranchId, affiliated: { since: '2023-08-01', by: 'transfer' } });
  });

  it('refuses a post starting before the branch was founded (by a decision or a restructuring), naming both dates; the founding day itself is allowed', async () => {
    const founded = await request(http)
      .post('/branches')
      .send({
        name: '永盛社区离退休干部党支部',
        parentCommitteeId: committeeId,
        decisionReference: '孝离党字〔2023〕9号',
        occurredAt: '2023-03-01',
      })
      .expect(201);
    const foundedId = founded.body.events[0].data.branchId as string;
    const holder = await request(http)
      .post('/members')
      .send(member({ name: '陈玉兰', branchId: foundedId, occurredAt: '2023-03-01' }))
      .expect(201);
    const person = { personId: holder.body.events[0].data.memberId as string, name: '陈玉兰' };
    const post = (startDate: string) => ({
      kind: 'secretary',
      source: 'elected',
      holder: person,
      startDate,
      occurredAt: '2023-03-10',
    });
    await refusedInChinese(
      `/branches/${foundedId}/posts`,
      post('2023-02-28'),
      'DATED_BEFORE_ESTABLISHMENT',
      '陈玉兰任书记的日期为2023年2月28日',
      '早于永盛社区离退休干部党支部的成立日期2023年3月1日',
    );
    await request(http).post(`/branches/${foundedId}/posts`).send(post('2023-03-01')).expect(201);
  });

  it('refuses a date of joining the Party in the future with JOINED_PARTY_IN_FUTURE', async () => {
    await refused(
      '/members',
      member({ joinedPartyOn: '2023-02-02' }),
      'JOINED_PARTY_IN_FUTURE',
      '2023-02-02',
      'after the date of the admission, 2023-02-01',
    );
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { occurredAt: _now, ...today } = member({ joinedPartyOn: tomorrow });
    await refused('/members', today, 'JOINED_PARTY_IN_FUTURE', tomorrow);
  });

  it('refuses joining before the age of 18 of the rule policy with JOINED_PARTY_UNDER_AGE, and a correction that would make it so', async () => {
    await refused(
      '/members',
      member({ birthDate: '1960-05-01', joinedPartyOn: '1978-04-30' }),
      'JOINED_PARTY_UNDER_AGE',
      'before turning 18 on 1978-05-01',
      'policy 2022-10-22',
    );
    const admitted = await request(http)
      .post('/members')
      .send(member({ name: '武雅君', birthDate: '1960-05-01', joinedPartyOn: '1978-05-01' }))
      .expect(201);
    const memberId = admitted.body.events[0].data.memberId as string;
    await refused(
      `/members/${memberId}/correct`,
      { corrections: { birthDate: '1961-01-01' }, reason: '据档案核对' },
      'JOINED_PARTY_UNDER_AGE',
    );
  });
});
