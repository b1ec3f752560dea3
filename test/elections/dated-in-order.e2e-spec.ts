import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { committeeElection } from '../documents/committee-election';

/**
 * An election's steps follow each other in time: a step dated before the one it follows is
 * refused with 422, a stable code and a Chinese sentence naming both dates, and nothing is
 * appended. 府前's election (test/documents/committee-election.ts) dates its census 2023-03-01,
 * its request 2023-03-05, and the superior's consent to the slate 2023-04-01.
 */
describe('election steps dated in order', () => {
  let api: BootedApi;
  let http: App;

  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;

  const refused = async (path: string, body: object, code: string, ...inDetail: string[]) => {
    const before = await eventCount();
    const response = await request(http).post(path).set('Accept-Language', 'zh-CN').send(body);
    expect([response.status, response.body.code]).toEqual([422, code]);
    expect(response.headers['content-type']).toContain('application/problem+json');
    for (const text of inDetail) expect(response.body.detail).toContain(text);
    expect(await eventCount()).toBe(before);
  };

  it('refuses an assembly dated before the superior consented to the slate with ASSEMBLY_BEFORE_SLATE_APPROVAL', async () => {
    const election = await committeeElection(http, 'assembly-before-slate');
    await election.to('slate');
    const [, , , , m5, m6] = election.members;
    await refused(
      `/elections/${election.electionId}/assembly`,
      {
        exclusions: [],
        presentVoters: election.members.slice(0, 8),
        nonVotingAttendees: [],
        scrutineers: [m5],
        scrutineersApproval: { for: 8, against: 0, abstain: 0 },
        tellers: [m6],
        electionMethodAdoption: { for: 8, against: 0, abstain: 0 },
        occurredAt: '2023-03-30',
      },
      'ASSEMBLY_BEFORE_SLATE_APPROVAL',
      '党员大会的日期为2023年3月30日',
      '审查同意候选人预备人选的日期2023年4月1日',
    );
  });

  it('refuses any step dated before the step before it with ELECTION_STEP_BEFORE_PREVIOUS', async () => {
    const election = await committeeElection(http, 'request-before-census');
    await refused(
      `/elections/${election.electionId}/request`,
      {
        plannedDate: '2023-05-20',
        committee: true,
        committeeSeats: 3,
        deputySecretary: true,
        electionMethod: '差额选举、无记名投票',
        nominationMethod: '老干部推荐、党内提名、组织审查',
        occurredAt: '2023-02-27',
      },
      'ELECTION_STEP_BEFORE_PREVIOUS',
      '提交换届请示的日期为2023年2月27日',
      '早于本次选举上一步骤的日期2023年3月1日',
    );
    await election.to('request');
    await refused(
      `/elections/${election.electionId}/approve-request`,
      { approvalReference: '孝老干党字〔2023〕12号', approvedOn: '2023-03-04', occurredAt: '2023-03-04' },
      'ELECTION_STEP_BEFORE_PREVIOUS',
      '批复换届请示的日期为2023年3月4日',
      '2023年3月5日',
    );
    const state = await request(http).get(`/elections/${election.electionId}`).expect(200);
    expect(state.body.state).toMatchObject({ status: 'requested', lastActOn: '2023-03-05' });
  });
});
