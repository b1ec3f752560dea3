import request from 'supertest';
import { BusinessCalendar } from '@app/application';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { BOM, IDS, csvRows, rawBytes, seedHistory } from '../audit/read-model-fixtures';

describe('reports over HTTP', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    await seedHistory(api.store);
  });
  afterAll(() => api.close());

  // Reporting jobs read CSV by its stable English headers.
  const csv = (path: string) =>
    request(http).get(path).set('Accept-Language', 'en').buffer(true).parse(rawBytes).expect(200);

  it('gives the statistics, with ages as of a date', async () => {
    const res = await request(http).get('/reports/statistics?asOf=2024-01-01').expect(200);
    expect(res.body).toEqual({
      asOf: '2024-01-01',
      branches: { open: 2, dissolved: 1, withCommittee: 1, withoutCommittee: 1 },
      members: { active: 4, full: 4, probationary: 0, left: 1 },
      secretaries: { count: 1, withKnownAge: 1, youngestAge: 73, medianAge: 73, agesBy: 'birthDate' },
      restructurings: { proposed: 0, approved: 0, executing: 0, completed: 1, abandoned: 0 },
      elections: {},
    });
    const today = await request(http).get('/reports/statistics').expect(200);
    // Today where the bureau works, not in UTC: from 16:00 UTC on, Xiaoyi is already a day ahead.
    expect(today.body.asOf).toBe(api.app.get(BusinessCalendar).today());

    const figures = csvRows((await csv('/reports/statistics?asOf=2024-01-01&format=csv')).body as Buffer);
    expect(figures[0]).toEqual(['metric', 'value']);
    expect(figures).toContainEqual(['branches.open', '2']);
    expect(figures).toContainEqual(['secretaries.medianAge', '73']);
    expect(figures).toContainEqual(['secretaries.agesBy', 'birthDate']);
    expect(figures).toContainEqual(['restructurings.completed', '1']);
  });

  it('lists branches with counts, committee and secretary, as JSON and CSV', async () => {
    const res = await request(http).get('/reports/branches?status=open').expect(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({ branchId: IDS.fuqian, fullMembers: 0, hasCommittee: false, secretaryName: null }),
        expect.objectContaining({
          branchId: IDS.yongan,
          name: '永安社区第一离退休干部党支部',
          committeeName: '孝义市离退休干部党委',
          fullMembers: 4,
          probationaryMembers: 0,
          hasCommittee: true,
          secretaryName: '赵德明',
        }),
      ],
      next: null,
    });

    const file = await csv('/reports/branches?format=csv');
    const body = file.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual(BOM);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = csvRows(body);
    expect(rows[0]).toEqual([
      'branch_id',
      'name',
      'committee_id',
      'committee_name',
      'joint',
      'status',
      'established_on',
      'dissolved_on',
      'full_members',
      'probationary_members',
      'has_committee',
      'secretary_id',
      'secretary_name',
    ]);
    expect(rows).toContainEqual([
      IDS.yongan,
      '永安社区第一离退休干部党支部',
      'c-lt',
      '孝义市离退休干部党委',
      'false',
      'open',
      '2022-01-10',
      '',
      '4',
      '0',
      'true',
      IDS.zhaoDeming,
      '赵德明',
    ]);
  });

  it('gives the member roll with branch names, paged without gaps', async () => {
    const first = await request(http).get('/reports/members?limit=3').expect(200);
    expect(first.body.items).toHaveLength(3);
    const second = await request(http).get(`/reports/members?limit=3&after=${first.body.next}`).expect(200);
    expect(second.body.next).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((m: { memberId: string }) => m.memberId);
    expect(ids).toEqual([IDS.liQuanai, IDS.sunLi, IDS.wangXiuying, IDS.zhangJianguo, IDS.zhaoDeming].sort());

    const roll = csvRows(
      (await csv(`/reports/members?branchId=${IDS.yongan}&status=active`).set('Accept', 'text/csv')).body as Buffer,
    );
    expect(roll[0]?.slice(0, 2)).toEqual(['member_id', 'name']);
    expect(
      roll
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(['张建国', '李全爱', '王秀英', '赵德明'].sort());
    expect(roll.slice(1).every((row) => row.includes('永安社区第一离退休干部党支部'))).toBe(true);
  });

  it('refuses malformed report queries with 400', async () => {
    for (const path of [
      '/reports/statistics?asOf=2024-13-01',
      '/reports/branches?status=closed',
      '/reports/members?limit=5001',
      '/reports/members?x=1',
    ]) {
      const bad = await request(http).get(path).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
