import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from './boot-api';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

/**
 * An Idempotency-Key names one command: a retry of the same request answers the first result,
 * and anything else sent under the key is refused with 422 IDEMPOTENCY_KEY_REUSED, appending
 * nothing, instead of being told that its own request was carried out.
 */
describe('Idempotency-Key over HTTP', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-idempotency-'));
  let api: BootedApi;
  let http: App;
  let branchId: string;
  beforeAll(async () => {
    api = await bootApi({ env: { BRANCHFLOW_DATA_DIR: dataDir } });
    http = api.app.getHttpServer();
    const fixtures = new OrganisationFixtures(http);
    branchId = await fixtures.branch(await fixtures.committee());
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const eventCount = async (): Promise<number> => (await api.store.readAll()).length;
  // No memberId and no occurredAt: the id derives from the key, the business time from the clock.
  const admission = () => ({
    name: '王建国',
    birthDate: '1948-05-12',
    sex: 'male',
    joinedPartyOn: '1972-07-01',
    formerPostLevel: '处级',
    membership: 'probationary',
    branchId,
  });
  const admit = (key: string, body: object) => request(http).post('/members').set('Idempotency-Key', key).send(body);

  it('a retry of the same request replays, though its id and business time were filled in by the server', async () => {
    const first = await admit('admit-wang', admission()).expect(201);
    const before = await eventCount();
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later default business time
    const again = await admit('admit-wang', admission()).expect(201);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await eventCount()).toBe(before);
  });

  it.each<[string, (body: ReturnType<typeof admission>) => object]>([
    ['another name', (body) => ({ ...body, name: '王建军' })],
    ['a business time now stated', (body) => ({ ...body, occurredAt: '2023-02-01' })],
    ['another membership', (body) => ({ ...body, membership: 'full' })],
  ])('the same key with %s: 422 IDEMPOTENCY_KEY_REUSED, nothing appended', async (_, change) => {
    await admit('admit-li', { ...admission(), name: '李秀英', sex: 'female' }).expect(201);
    const before = await eventCount();
    const reused = await admit('admit-li', change({ ...admission(), name: '李秀英', sex: 'female' })).expect(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { idempotencyKey: 'admit-li' } });
    expect(reused.body.detail).toMatch(/already used for a different command/);
    expect(await eventCount()).toBe(before);
  });

  it('the same key on another route addressing the same stream is refused, not answered with the admission', async () => {
    const admitted = await admit('admit-zhao', { ...admission(), name: '赵明' }).expect(201);
    const memberId = admitted.body.events[0].data.memberId as string;
    const before = await eventCount();
    const reused = await request(http)
      .post(`/members/${memberId}/confirm`)
      .set('Idempotency-Key', 'admit-zhao')
      .send({ confirmedOn: '2023-07-01' })
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await eventCount()).toBe(before);
  });

  it('the same key for another target is refused IDEMPOTENCY_KEY_REUSED, nothing appended there', async () => {
    const memberA = 'a0c1d1e2-0000-4000-8000-000000000001';
    const memberB = 'a0c1d1e2-0000-4000-8000-000000000002';
    await admit('admit-a', { ...admission(), name: '孙丽', memberId: memberA }).expect(201);
    const before = await eventCount();
    const reused = await admit('admit-a', { ...admission(), name: '孙丽', memberId: memberB }).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await eventCount()).toBe(before);
    await request(http).get(`/members/${memberB}`).expect(404);
  });

  it('after a restart on the same events file: the retry still replays and a changed body is still refused', async () => {
    const first = await admit('admit-zhou', { ...admission(), name: '周平' }).expect(201);
    await api.close();
    api = await bootApi({ env: { BRANCHFLOW_DATA_DIR: dataDir } });
    http = api.app.getHttpServer();
    const before = await eventCount();
    const again = await admit('admit-zhou', { ...admission(), name: '周平' }).expect(201);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    await admit('admit-zhou', { ...admission(), name: '周萍' }).expect(422);
    expect(await eventCount()).toBe(before);
  });
});
