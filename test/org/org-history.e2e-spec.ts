import request from 'supertest';
import type { App } from 'supertest/types';
import {
  appendAll,
  MERGE_DAY,
  mergeScenario,
} from '../../libs/read-models/src/organisation-history/testing/history-events';
import { bootApi, type BootedApi } from '../api/boot-api';

describe('organisation over time over HTTP (/org)', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    await appendAll(api.store, mergeScenario());
  });
  afterAll(() => api.close());

  it('GET /org/tree shows the old branches the day before a merge and the new one the day after', async () => {
    const before = await request(http).get('/org/tree').query({ asOf: '2023-06-29' }).expect(200);
    expect(before.body).toMatchObject({ asOf: '2023-06-29', policyVersion: '2022-10-22' });
    expect(before.body.committees).toHaveLength(1);
    expect(before.body.committees[0].branches).toMatchObject([
      { branchId: 'b1', name: '东城第一支部', members: { full: 4, probationary: 0 }, posts: [{ kind: 'secretary' }] },
      { branchId: 'b2', name: '西城支部', members: { full: 3, probationary: 0 }, shape: { belowMinimum: false } },
    ]);
    const after = await request(http).get('/org/tree?asOf=2023-07-01').expect(200);
    expect(after.body.committees[0].branches).toMatchObject([
      { branchId: 'b3', name: '东西城联合支部', members: { full: 7, probationary: 0 }, posts: [] },
    ]);
    const today = await request(http).get('/org/tree').expect(200);
    expect(today.body.totals).toEqual({ branches: 1, full: 6, probationary: 0 });
  });

  it('GET /org/diff lists the merge, the moves and the ended posts', async () => {
    const diff = await request(http).get('/org/diff').query({ from: '2023-06-29', to: '2023-07-01' }).expect(200);
    expect(diff.body.branchesCreated).toMatchObject([{ branchId: 'b3', on: MERGE_DAY }]);
    expect(diff.body.branchesMerged).toMatchObject([
      { branchId: 'b1', intoBranchId: 'b3', restructuringId: 'r-merge-1' },
      { branchId: 'b2', intoBranchId: 'b3', restructuringId: 'r-merge-1' },
    ]);
    expect(diff.body.branchesDissolved).toEqual([]);
    expect(diff.body.membersMoved).toHaveLength(7);
    expect(diff.body.postsEnded.map((p: { postId: string }) => p.postId)).toEqual(['p1', 'p2']);
  });

  it('GET /org/diff is paged: bounded pages whose cursors walk exactly the changes of the whole diff', async () => {
    const lists = [
      'branchesCreated',
      'branchesDissolved',
      'branchesMerged',
      'branchesRenamed',
      'branchesReaffiliated',
      'membersMoved',
      'membersJoined',
      'membersLeft',
      'postsStarted',
      'postsEnded',
    ] as const;
    type Diff = Record<(typeof lists)[number], unknown[]> & { from: string; to: string; next: string | null };
    const range = { from: '2019-12-31', to: '2023-12-31' };
    const whole = (
      await request(http)
        .get('/org/diff')
        .query({ ...range, limit: 5000 })
        .expect(200)
    ).body as Diff;
    const count = (diff: Diff) => lists.reduce((n, list) => n + diff[list].length, 0);
    expect(whole.next).toBeNull();
    expect(count(whole)).toBe(25);
    // Without a limit, the first page of a range this small is the whole diff, in the same shape as ever.
    expect((await request(http).get('/org/diff').query(range).expect(200)).body).toEqual(whole);

    const pages: Diff[] = [];
    let after: string | undefined;
    do {
      const res = await request(http)
        .get('/org/diff')
        .query({ ...range, limit: 4, ...(after === undefined ? {} : { after }) })
        .expect(200);
      const page = res.body as Diff;
      expect(res.headers['x-next-after']).toBe(page.next ?? undefined);
      pages.push(page);
      after = page.next ?? undefined;
    } while (after !== undefined && pages.length < 100);
    expect(pages.map(count)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(pages.every((page) => page.from === range.from && page.to === range.to)).toBe(true);
    for (const list of lists) expect(pages.flatMap((page) => page[list])).toEqual(whole[list]);

    for (const bad of [{ limit: 0 }, { limit: 5001 }, { after: '' }]) {
      await request(http)
        .get('/org/diff')
        .query({ ...range, ...bad })
        .expect(400);
    }
    const forged = await request(http)
      .get('/org/diff')
      .query({ ...range, after: 'bm90LWEtY3Vyc29y' })
      .expect(400);
    expect(forged.body).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('GET /org/roll/:branchId and /org/members/:memberId/history', async () => {
    const roll = await request(http).get('/org/roll/b1?asOf=2020-06-01').expect(200);
    expect(roll.body).toMatchObject({
      branch: { name: '东城支部', status: 'open' },
      counts: { full: 3, probationary: 1 },
    });
    expect(roll.body.members.map((m: { memberId: string }) => m.memberId).sort()).toEqual(['m1', 'm2', 'm3', 'm4']);
    const history = await request(http).get('/org/members/m4/history').expect(200);
    expect(history.body.affiliations.map((a: { change: string }) => a.change)).toEqual([
      'admitted',
      'confirmed',
      'transferred',
    ]);
    const missing = await request(http).get('/org/members/nobody/history').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    await request(http).get('/org/roll/nowhere?asOf=2023-01-01').expect(404);
  });

  it('a bad date, a reversed range or an unknown parameter is a 400 problem+json', async () => {
    const bad = await request(http).get('/org/tree?asOf=2023-02-30').expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'asOf' }] });
    await request(http).get('/org/tree?asOf=30.06.2023').expect(400);
    await request(http).get('/org/tree?asOf=2023-06-30&colour=red').expect(400);
    await request(http).get('/org/diff?from=2023-01-01').expect(400);
    const reversed = await request(http).get('/org/diff?from=2023-07-01&to=2023-06-01').expect(400);
    expect(reversed.body).toMatchObject({ code: 'INVALID_DATE_RANGE' });
  });
});
