import request from 'supertest';
import type { App } from 'supertest/types';
import { ElectionTimers } from '@app/application';
import { bootApi, type BootedApi } from '../api/boot-api';
import { committeeElection, type CommitteeElection } from '../documents/committee-election';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

/**
 * Issue 16: the superior is reminded six and three months before a term ends, monthly once it
 * is overdue, and monthly for a branch with no recorded term end; each reminder once per due
 * date, and on the board (`GET /elections/reminders`). The organisation and the election go
 * through the API; the timers' tick is called with the day it runs on, as the scheduler does.
 */
describe('reminders to the superior over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let timers: ElectionTimers;
  let run: CommitteeElection;
  let quietBranchId: string;
  const tick = (day: string) => timers.tick(new Date(`${day}T02:00:00.000Z`));
  const board = async (query = '') =>
    (await request(http).get(`/elections/reminders${query}`).expect(200)).body.items as {
      branchId: string;
      branchName: string | null;
      kind: string;
      dueOn: string;
      termEnd: string | null;
      monthsBefore: number | null;
      policyVersion: string;
    }[];

  beforeAll(async () => {
    // The scheduler stays off: each round is the test's, on the day it names.
    api = await bootApi({ env: { BRANCHFLOW_ELECTION_TIMER_MINUTES: '0' } });
    http = api.app.getHttpServer();
    timers = api.app.get(ElectionTimers);
    run = await committeeElection(http, 'reminders-fuqian');
    // A second branch with no election ever recorded (established 2023-01-10).
    quietBranchId = await new OrganisationFixtures(http).branch(run.committeeId, '新华社区离退休干部党支部');
    await run.to('approved');
    await request(http)
      .post(`/elections/${run.electionId}/request-installation`)
      .set('Idempotency-Key', 'reminders-fuqian:install')
      .send({ occurredAt: '2023-05-26' })
      .expect(202);
    for (let waited = 0; ; waited += 25) {
      const view = await request(http).get(`/elections/${run.electionId}`).expect(200);
      if (view.body.state.status === 'installed') break;
      if (waited > 20_000) throw new Error(`still ${view.body.state.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }, 120_000);
  afterAll(() => api.close());

  it('reminds monthly of a branch with no recorded term end, each month once', async () => {
    await tick('2023-02-09');
    expect(await board(`?branchId=${quietBranchId}`)).toEqual([]);
    await tick('2023-02-10');
    await tick('2023-02-10');
    await tick('2023-03-01');
    expect(await board(`?branchId=${quietBranchId}`)).toEqual([
      {
        branchId: quietBranchId,
        branchName: '新华社区离退休干部党支部',
        kind: 'noTerm',
        dueOn: '2023-02-10',
        termEnd: null,
        electionId: null,
        monthsBefore: null,
        policyVersion: '2022-10-22',
      },
    ]);
    await tick('2023-03-10');
    expect((await board(`?branchId=${quietBranchId}`)).map((r) => `${r.kind} ${r.dueOn}`)).toEqual([
      'noTerm 2023-03-10',
      'noTerm 2023-02-10',
    ]);
  });

  it('reminds six and three months before the installed term ends, then monthly once it is overdue', async () => {
    const view = await request(http).get(`/elections/${run.electionId}`).expect(200);
    expect(view.body.state.installation).toMatchObject({ termStart: '2023-05-20', termEnd: '2028-05-20' });
    for (const day of [
      '2027-11-19',
      '2027-11-20',
      '2027-12-01',
      '2028-02-20',
      '2028-05-20',
      '2028-05-21',
      '2028-06-20',
    ]) {
      await tick(day);
      await tick(day);
    }
    const reminders = await board(`?branchId=${run.branchId}&since=2027-01-01`);
    expect(reminders.map((r) => [r.kind, r.dueOn, r.termEnd, r.monthsBefore])).toEqual([
      ['overdue', '2028-05-21', '2028-05-20', null],
      ['beforeTermEnd', '2028-02-20', '2028-05-20', 3],
      ['beforeTermEnd', '2027-11-20', '2028-05-20', 6],
    ]);
    expect(reminders[0]).toMatchObject({ branchName: '府前社区离退休干部党支部', electionId: run.electionId });
    // Each on its own stream of reminders, once: ticking the same days again appends nothing.
    const before = (await api.store.readAll()).length;
    await tick('2028-06-20');
    await tick('2027-11-20');
    expect((await api.store.readAll()).length).toBe(before);
  });

  it('answers a malformed filter with 400', async () => {
    await request(http).get('/elections/reminders?since=2023-02-30').expect(400);
    await request(http).get('/elections/reminders?branchId=not-a-uuid').expect(400);
  });
});
