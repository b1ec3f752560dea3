import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from './boot-api';

describe('HTTP hardening', () => {
  let api: BootedApi;
  afterEach(() => api.close());

  it('sends security headers and answers an oversized or malformed body with problem+json', async () => {
    api = await bootApi();
    const http = api.app.getHttpServer() as App;
    const live = await request(http).get('/health/live').expect(200);
    expect(live.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(live.headers['content-security-policy']).toContain("default-src 'self'");
    expect(live.headers['x-powered-by']).toBeUndefined();

    const huge = await request(http)
      .post('/committees')
      .send({ name: 'x'.repeat(200_000), kind: 'committee' });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    const broken = await request(http).post('/committees').set('content-type', 'application/json').send('{"name":');
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    expect(await api.store.readAll()).toHaveLength(0);
  });

  it('lets the Swagger UI load over plain HTTP from any host name: no upgrade-insecure-requests unless served over TLS', async () => {
    api = await bootApi();
    const http = api.app.getHttpServer() as App;
    for (const host of ['10.12.0.7:3000', 'branchflow.laoganbu.local', 'localhost:3000']) {
      const page = await request(http).get('/docs/').set('Host', host).expect(200);
      expect(page.text).toContain('swagger-ui');
      const policy = page.headers['content-security-policy'] as string;
      expect(policy).toContain("default-src 'self'");
      expect(policy).not.toContain('upgrade-insecure-requests');
      // Ignored by browsers on a plain-HTTP origin, and logged as an error on every page.
      expect(page.headers['cross-origin-opener-policy']).toBeUndefined();
    }
    await api.close();

    api = await bootApi({ env: { BRANCHFLOW_PUBLIC_URL: 'http://10.12.0.7:3000' } });
    const plain = await request(api.app.getHttpServer() as App)
      .get('/docs/')
      .expect(200);
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await api.close();

    // Behind a TLS proxy, an http:// subresource would be mixed content: browsers are told to upgrade it.
    api = await bootApi({ env: { BRANCHFLOW_PUBLIC_URL: 'https://branchflow.bureau.gov' } });
    const secure = await request(api.app.getHttpServer() as App)
      .get('/docs/')
      .expect(200);
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(secure.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('hides the Swagger UI in production unless enabled, but still publishes the document', async () => {
    api = await bootApi({
      env: { NODE_ENV: 'production', BRANCHFLOW_JWT_SECRET: 'a-production-secret-of-40-characters-xx' },
    });
    const http = api.app.getHttpServer() as App;
    await request(http).get('/docs').expect(404);
    await request(http).get('/openapi.json').expect(200);
  });
});

describe('write throttling', () => {
  let api: BootedApi;
  afterAll(() => api.close());

  it('answers writes over the per-caller limit with 429 problem+json and Retry-After; reads go on', async () => {
    api = await bootApi({ env: { BRANCHFLOW_WRITES_PER_MINUTE: '3' } });
    const http = api.app.getHttpServer() as App;
    for (let i = 0; i < 3; i += 1) {
      await request(http)
        .post('/committees')
        .send({ name: `党委${i}`, kind: 'committee' })
        .expect(201);
    }
    const limited = await request(http).post('/committees').send({ name: '党委3', kind: 'committee' }).expect(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The same caller's reads are not counted: more of them than the write limit all answer.
    for (let i = 0; i < 5; i += 1) await request(http).get('/policies').expect(200);
    expect(await api.store.readAll()).toHaveLength(3);
  });
});

describe('prototype keys in bodies', () => {
  let api: BootedApi;
  afterAll(() => api.close());

  it('refuses __proto__, constructor and prototype as field names with 400, appending nothing', async () => {
    api = await bootApi();
    const http = api.app.getHttpServer() as App;
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = `{"name":"党委","kind":"committee","${key}":{"isAdmin":true}}`;
      const response = await request(http).post('/committees').set('content-type', 'application/json').send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await api.store.readAll()).toHaveLength(0);
  });
});
