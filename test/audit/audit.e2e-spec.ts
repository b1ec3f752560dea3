import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { BOM, IDS, csvRows, rawBytes, seedHistory } from './read-model-fixtures';

const AUDIT_HEADER = [
  'position',
  'event_id',
  'stream',
  'revision',
  'type',
  'schema_version',
  'occurred_at',
  'occurred_on',
  'recorded_at',
  'actor_id',
  'actor_name',
  'actor_role',
  'command_id',
  'correlation_id',
  'causation_id',
  'policy_version',
  'committee_id',
  'branch_id',
  'from_branch_id',
  'member_id',
  'restructuring_id',
  'description_zh',
  'description_en',
];

describe('audit log over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let committeeId: string;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    await seedHistory(api.store);
    const created = await request(http)
      .post('/committees')
      .set('Idempotency-Key', 'audit-committee')
      .send({ name: '高阳镇老干部党委', kind: 'committee', occurredAt: '2023-07-01' })
      .expect(201);
    committeeId = created.body.events[0].data.committeeId as string;
  });
  afterAll(() => api.close());

  const types = async (query: string): Promise<string[]> => {
    const res = await request(http).get(`/audit/events?${query}`).expect(200);
    return (res.body.items as { type: string }[]).map((item) => item.type);
  };

  it('records a command sent over HTTP with its actor, command id and a line in both languages', async () => {
    const res = await request(http).get('/audit/events?actorId=test-admin').expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({
          type: 'PartyCommitteeEstablished',
          stream: `committee-${committeeId}`,
          committeeId,
          occurredOn: '2023-07-01',
          actorId: 'test-admin',
          actorRole: 'admin',
          commandId: 'audit-committee',
          descriptionZh: '成立高阳镇老干部党委',
          descriptionEn: 'Party committee 高阳镇老干部党委 established',
        }),
      ],
      next: null,
    });
  });

  it('filters by branch (both sides of a transfer), member, actor, repeated type and business dates', async () => {
    expect(await types(`branchId=${IDS.yongsheng}&type=MemberTransferred`)).toEqual([
      'MemberTransferred',
      'MemberTransferred',
    ]);
    expect(await types(`branchId=${IDS.yongan}&type=MemberTransferred&type=BranchRenamed`)).toEqual([
      'MemberTransferred',
      'MemberTransferred',
      'BranchRenamed',
    ]);
    expect(await types(`memberId=${IDS.liQuanai}`)).toEqual([
      'MemberAdmitted',
      'PostAssigned',
      'MemberTransferred',
      'PostVacated',
    ]);
    expect(await types('actorId=u-clerk')).toEqual(['MemberConfirmed', 'MemberLeft', 'PostVacated']);
    expect(await types('from=2023-05-01&to=2023-06-01')).toEqual(['MemberLeft', 'PostVacated', 'BranchRenamed']);
  });

  it('pages by position with no duplicates and no gaps', async () => {
    const all = await request(http).get('/audit/events?limit=500').expect(200);
    const everything = (all.body.items as { position: number }[]).map((item) => item.position);
    expect(everything.length).toBe((await api.store.readAll()).length);

    const seen: number[] = [];
    let after: number | null = null;
    let pages = 0;
    do {
      const res = await request(http)
        .get(`/audit/events?limit=4${after === null ? '' : `&after=${after}`}`)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...(res.body.items as { position: number }[]).map((item) => item.position));
      after = res.body.next as number | null;
      expect(res.headers['x-next-after']).toBe(after === null ? undefined : String(after));
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(Math.ceil(everything.length / 4));
    expect(seen).toEqual(everything);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('exports CSV as UTF-8 with a BOM, a stable header row and the Chinese names intact', async () => {
    const res = await request(http)
      .get(`/audit/events?branchId=${IDS.yongsheng}&type=MemberTransferred&format=csv`)
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse(rawBytes)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('audit-events.csv');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual(BOM);
    const rows = csvRows(body);
    expect(rows[0]).toEqual(AUDIT_HEADER);
    expect(rows).toHaveLength(3);
    const text = body.toString('utf8');
    expect(text).toContain('党员李全爱的组织关系由永盛社区离退休干部党支部转入永安社区离退休干部党支部');
    expect(text).toContain('王秀英');

    const negotiated = await request(http)
      .get(`/audit/events?memberId=${IDS.liQuanai}`)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse(rawBytes)
      .expect(200);
    expect([...(negotiated.body as Buffer).subarray(0, 3)]).toEqual(BOM);
    expect(csvRows(negotiated.body as Buffer)).toHaveLength(5);
  });

  it('shows one event in full, and a stream history', async () => {
    const [transfer] = (await request(http).get(`/audit/events?memberId=${IDS.wangXiuying}&type=MemberTransferred`))
      .body.items as { eventId: string }[];
    const one = await request(http).get(`/audit/events/${transfer!.eventId}`).expect(200);
    expect(one.body).toMatchObject({
      eventId: transfer!.eventId,
      branchIds: [IDS.yongan, IDS.yongsheng].sort(),
      data: { memberId: IDS.wangXiuying, fromBranchId: IDS.yongsheng, toBranchId: IDS.yongan },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const history = await request(http).get(`/audit/streams/member-${IDS.wangXiuying}`).expect(200);
    expect((history.body.items as { revision: number; type: string }[]).map((r) => [r.revision, r.type])).toEqual([
      [0, 'MemberAdmitted'],
      [1, 'MemberConfirmed'],
      [2, 'MemberTransferred'],
    ]);
  });

  it('answers unknown events and streams with 404, and malformed queries with 400, as problem+json', async () => {
    const missing = await request(http).get('/audit/events/7c1f1f7e-9a0e-4d51-9f5e-0b7f3d1e2a11').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await request(http).get('/audit/streams/member-nobody').expect(404);
    await request(http).get('/audit/events/not-a-uuid').expect(400);
    for (const query of [
      'limit=501',
      'limit=0',
      'after=-1',
      'from=2023-02-30',
      'colour=red',
      'format=xml',
      'from=2023-06-02&to=2023-06-01',
    ]) {
      const bad = await request(http).get(`/audit/events?${query}`).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
