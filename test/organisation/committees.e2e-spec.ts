import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';

describe('committees over HTTP', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;

  it('establishes a committee, returns its revision as the ETag, and GET shows it', async () => {
    const created = await request(http)
      .post('/committees')
      .set('Idempotency-Key', 'establish-committee-1')
      .send({ name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2023-01-05' })
      .expect(201);
    expect(created.headers.etag).toBe('"0"');
    expect(created.body).toMatchObject({
      revision: 0,
      replayed: false,
      events: [{ type: 'PartyCommitteeEstablished' }],
    });
    const committeeId = created.body.events[0].data.committeeId as string;

    const got = await request(http).get(`/committees/${committeeId}`).expect(200);
    expect(got.headers.etag).toBe('"0"');
    expect(got.body).toMatchObject({ status: 'active', name: '孝义市离退休干部党委', revision: 0 });
    const [event] = await api.store.readStream(`committee-${committeeId}`);
    expect(event?.metadata).toMatchObject({
      commandId: 'establish-committee-1',
      occurredAt: '2023-01-05T00:00:00.000Z',
      actor: { id: 'test-admin', role: 'admin' },
    });
  });

  it('a repeated Idempotency-Key returns the first result and appends nothing', async () => {
    const body = { name: '高阳镇老干部党委', kind: 'committee' };
    const first = await request(http).post('/committees').set('Idempotency-Key', 'same-key').send(body).expect(201);
    const before = await eventCount();
    const again = await request(http).post('/committees').set('Idempotency-Key', 'same-key').send(body).expect(201);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a stale If-Match with 409 and the current revision, appending nothing', async () => {
    const created = await request(http).post('/committees').send({ name: '甲', kind: 'committee' }).expect(201);
    const id = created.body.events[0].data.committeeId as string;
    await request(http).post(`/committees/${id}/rename`).set('If-Match', '"0"').send({ name: '乙' }).expect(200);
    const before = await eventCount();
    const stale = await request(http)
      .post(`/committees/${id}/rename`)
      .set('If-Match', '"0"')
      .send({ name: '丙' })
      .expect(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', currentRevision: 1 });
    expect(await eventCount()).toBe(before);
  });

  it('answers an unknown field with 400 listing it, and appends nothing', async () => {
    const before = await eventCount();
    const bad = await request(http)
      .post('/committees')
      .send({ name: '丁', kind: 'committee', colour: 'red' })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'colour' }] });
    await request(http).post('/committees').send({ name: '', kind: 'club' }).expect(400);
    await request(http)
      .post('/committees')
      .send({ name: '戊', kind: 'committee', occurredAt: '2999-01-01' })
      .expect(400);
    expect(await eventCount()).toBe(before);
  });

  it('answers a missing committee with 404 problem+json', async () => {
    const missing = await request(http).get('/committees/7c1f1f7e-9a0e-4d51-9f5e-0b7f3d1e2a11').expect(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const refused = await request(http)
      .post('/committees/7c1f1f7e-9a0e-4d51-9f5e-0b7f3d1e2a11/rename')
      .send({ name: '己' })
      .expect(404);
    expect(refused.body).toMatchObject({ code: 'COMMITTEE_NOT_FOUND' });
  });
});
