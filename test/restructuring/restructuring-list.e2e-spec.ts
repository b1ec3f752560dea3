import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';

/**
 * GET /restructurings over HTTP: the list a console shows, each with its kind, status, the
 * business days it was proposed and reached its status, and its reason; paged by id, filtered
 * by status, refused in Chinese when asked for a status that does not exist.
 */
describe('the list of restructurings over HTTP', () => {
  let api: BootedApi;
  let http: App;
  let merge: string;
  let dissolution: string;

  const post = async (path: string, body: object, key: string): Promise<request.Response> =>
    request(http).post(path).set('Idempotency-Key', key).send(body);
  const idOf = (answer: request.Response): string => (answer.body as { id: string }).id;

  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    const committee = idOf(
      await post('/committees', { name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2023-01-05' }, 'c'),
    );
    const branches: Record<string, string> = {};
    for (const [index, name] of ['永盛', '三皇', '府东'].entries()) {
      branches[name] = idOf(
        await post(
          '/branches',
          { name: `${name}社区离退休干部党支部`, parentCommitteeId: committee, occurredAt: '2023-01-06' },
          `branch-${index}`,
        ),
      );
    }
    merge = idOf(
      await post(
        '/restructurings/merge',
        {
          sourceBranchIds: [branches['永盛']],
          target: { kind: 'existing', branchId: branches['府东'] },
          reason: '永盛社区并入府东社区',
          occurredAt: '2023-03-10',
        },
        'merge',
      ),
    );
    dissolution = idOf(
      await post(
        '/restructurings/dissolution',
        {
          branchId: branches['三皇'],
          destinationBranchId: branches['府东'],
          reason: '三皇社区撤销',
          occurredAt: '2023-03-12',
        },
        'dissolution',
      ),
    );
    const abandoned = await post(
      `/restructurings/${dissolution}/abandon`,
      { reason: '社区调整方案变更', occurredAt: '2023-03-20' },
      'abandon',
    );
    expect(abandoned.status).toBe(200);
  }, 60_000);
  afterAll(() => api.close());

  it('lists every restructuring with its kind, status, days and reason', async () => {
    const listed = await request(http).get('/restructurings').expect(200);
    const items = [...(listed.body.items as { restructuringId: string }[])].sort((a, b) =>
      a.restructuringId.localeCompare(b.restructuringId),
    );
    expect(items).toEqual(
      [
        {
          restructuringId: merge,
          kind: 'merge',
          status: 'proposed',
          proposedOn: '2023-03-10',
          statusSince: '2023-03-10',
          reason: '永盛社区并入府东社区',
        },
        {
          restructuringId: dissolution,
          kind: 'dissolution',
          status: 'abandoned',
          proposedOn: '2023-03-12',
          statusSince: '2023-03-20',
          reason: '三皇社区撤销',
        },
      ].sort((a, b) => a.restructuringId.localeCompare(b.restructuringId)),
    );
    expect(listed.body.next).toBeNull();
  });

  it('filters by status and pages by id', async () => {
    const abandoned = await request(http).get('/restructurings?status=abandoned').expect(200);
    expect(abandoned.body.items.map((r: { restructuringId: string }) => r.restructuringId)).toEqual([dissolution]);

    const first = await request(http).get('/restructurings?limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.next).toBe(first.body.items[0].restructuringId);
    expect(first.headers['x-next-after']).toBe(first.body.next);
    const second = await request(http)
      .get(`/restructurings?limit=1&after=${first.body.next as string}`)
      .expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].restructuringId).not.toBe(first.body.next);
    expect(second.body.next).toBeNull();
  });

  it('refuses a status that does not exist, in Chinese', async () => {
    const refused = await request(http)
      .get('/restructurings?status=finished')
      .set('Accept-Language', 'zh-CN')
      .expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(refused.body)).toContain('status');
    expect(refused.body.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it('is read by administrators, auditors and reporting jobs', async () => {
    for (const role of ['admin', 'auditor', 'reporter'] as const) {
      await request(http)
        .get('/restructurings')
        .set('Authorization', `Bearer ${await tokenFor(api.config, role)}`)
        .expect(200);
    }
  });
});
