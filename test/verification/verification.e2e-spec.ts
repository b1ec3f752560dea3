import request from 'supertest';
import type { App } from 'supertest/types';
import { DigestScheduler } from '@app/application';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';

describe('history verification over HTTP', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    await request(http).post('/committees').send({ name: '孝义市离退休干部党委', kind: 'committee' }).expect(201);
  });
  afterAll(() => api.close());

  it('verifies the whole history and reports its digest', async () => {
    const { body } = await request(http).get('/audit/verify').expect(200);
    expect(body).toMatchObject({ ok: true, eventsChecked: 1, streamsChecked: 1, breaks: [] });
    expect(body.digest.merkleRoot).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records digests on demand and on the timer only when history moved on, and lists them', async () => {
    const auditor = `Bearer ${await tokenFor(api.config, 'auditor')}`;
    const first = await request(http).post('/audit/digests').set('Authorization', auditor).expect(201);
    expect(first.body.digest).toBeDefined();
    expect(first.body).toMatchObject({ recorded: true, digest: { streamCount: 1, eventCount: 1 } });
    const scheduler = api.app.get(DigestScheduler);
    await scheduler.tick();
    expect((await request(http).get('/audit/digests').expect(200)).body.items).toHaveLength(1);

    await request(http).post('/committees').send({ name: '高阳镇老干部党委', kind: 'committee' }).expect(201);
    await scheduler.tick();
    const { body } = await request(http).get('/audit/digests').expect(200);
    expect(body.items).toHaveLength(2);
    expect(body.items[1]).toMatchObject({ streamCount: 2, eventCount: 2 });
    // The digest stream is itself history: it verifies like every other stream.
    expect((await request(http).get('/audit/verify').expect(200)).body).toMatchObject({ ok: true, streamsChecked: 3 });
  });

  it('exports the current digest with every stream head', async () => {
    const { body } = await request(http).get('/audit/digests/current').expect(200);
    expect(body).toMatchObject({ verified: true, digest: { streamCount: 2 } });
    expect(body.heads).toHaveLength(2);
  });
});
