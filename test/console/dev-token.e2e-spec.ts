import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';

/**
 * POST /auth/dev-token, the console's development sign-in: a token as `branchflow token` mints
 * it, for loopback callers in development only.
 */
describe('development sign-in (POST /auth/dev-token)', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi({ auth: 'explicit' });
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  const mint = (body: object) => request(http).post('/auth/dev-token').send(body);

  it('mints a token for a role that the API accepts, and that carries that role', async () => {
    const answer = await mint({ role: 'auditor' }).expect(201);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toMatchObject({ role: 'auditor', name: '审计员（开发）', committeeId: null });
    const hours = (Date.parse(answer.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    const token = `Bearer ${answer.body.token}`;
    await request(http).get('/audit/verify').set('Authorization', token).expect(200);
    // An auditor may not change anything.
    await request(http).post('/committees').set('Authorization', token).send({}).expect(403);
  });

  it("scopes an administrator's token to a committee, and refuses a scope on any other role", async () => {
    const committeeId = '6f0d2e4a-1b3c-4d5e-8f90-a1b2c3d4e5f6';
    const scoped = await mint({ role: 'admin', committeeId }).expect(201);
    expect(scoped.body).toMatchObject({ role: 'admin', committeeId });
    const refused = await mint({ role: 'reporter', committeeId }).expect(400);
    expect(refused.body).toMatchObject({ code: 'COMMITTEE_SCOPE_FOR_ADMINS' });
  });

  it('refuses unknown roles and fields, and anything but JSON', async () => {
    await mint({ role: 'root' }).expect(400);
    await mint({ role: 'admin', name: '张三' }).expect(400);
    await request(http).post('/auth/dev-token').type('form').send('role=admin').expect(415);
  });

  it('refuses a request a proxy forwarded, though it arrives on loopback (403)', async () => {
    for (const [header, value] of [
      ['X-Forwarded-For', '203.0.113.9'],
      ['Forwarded', 'for=203.0.113.9'],
    ] as const) {
      const refused = await mint({ role: 'admin' }).set(header, value).expect(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'DEV_SIGN_IN_LOOPBACK_ONLY' });
      expect(refused.body.detail).toContain('本机');
    }
    const settings = await request(http).get('/console/config.json').set('X-Forwarded-For', '203.0.113.9');
    expect(settings.body).toMatchObject({ devSignIn: false });
  });
});

describe('development sign-in in production', () => {
  let api: BootedApi;
  beforeAll(async () => {
    api = await bootApi({
      auth: 'explicit',
      env: { NODE_ENV: 'production', BRANCHFLOW_JWT_SECRET: 'a-production-secret-of-at-least-32-characters' },
    });
  });
  afterAll(() => api.close());

  it('answers 404 as if the route did not exist, and the sign-in page offers no role picker', async () => {
    const http = api.app.getHttpServer() as App;
    const refused = await request(http).post('/auth/dev-token').send({ role: 'admin' }).expect(404);
    expect(refused.body).toMatchObject({ code: 'DEV_SIGN_IN_UNAVAILABLE' });
    expect(refused.body.token).toBeUndefined();
    const settings = await request(http).get('/console/config.json').expect(200);
    expect(settings.body).toEqual({ devSignIn: false, oidc: null });
  });
});
