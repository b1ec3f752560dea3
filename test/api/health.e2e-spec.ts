import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { bootApi, type BootedApi } from './boot-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('API on the embedded SQLite store', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('GET /health/live answers 200', async () => {
    await request(api.app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('GET /health/ready answers 200 with the store, and the SQLite file exists under the data dir', async () => {
    const response = await request(api.app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', store: { kind: 'sqlite', status: 'up' } });
    expect(response.body.workers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'organisation-now', state: 'live' })]),
    );
    expect(existsSync(join(api.dataDir, 'events.sqlite'))).toBe(true);
  });

  it('echoes a sane incoming X-Request-Id', async () => {
    const response = await request(api.app.getHttpServer())
      .get('/health/live')
      .set('X-Request-Id', 'proxy-7f3a.42:1')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('proxy-7f3a.42:1');
  });

  it.each([
    ['contains spaces and quotes', 'bad id "injected"'],
    ['is too long', 'a'.repeat(129)],
  ])('replaces an X-Request-Id that %s with a new UUID', async (_why, incoming) => {
    const response = await request(api.app.getHttpServer()).get('/health/live').set('X-Request-Id', incoming);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('generates a request id when none is sent', async () => {
    const response = await request(api.app.getHttpServer()).get('/health/live');
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('answers an unknown route with a 404 problem carrying the request id', async () => {
    const response = await request(api.app.getHttpServer())
      .get('/no-such-thing')
      .set('X-Request-Id', 'trace-1')
      .set('Accept-Language', 'en')
      .expect(404)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toEqual({
      type: 'urn:branchflow:problem:not-found',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /no-such-thing',
      code: 'NOT_FOUND',
      instance: '/no-such-thing',
      requestId: 'trace-1',
    });
  });

  it('does not advertise the framework', async () => {
    const response = await request(api.app.getHttpServer()).get('/health/live');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
