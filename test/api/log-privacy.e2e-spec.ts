import { Writable } from 'node:stream';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from './boot-api';

/** Logs go to aggregators many people read: no token, no name, no birth date may reach them. */
describe('log privacy', () => {
  let api: BootedApi;
  const lines: string[] = [];
  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    api = await bootApi({ env: { LOG_LEVEL: 'trace' }, logStream });
  });
  afterAll(() => api.close());

  it('logs every request with its id but never the token, the body or the query values', async () => {
    const http = api.app.getHttpServer() as App;
    const secretToken = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl';
    await request(http)
      .post('/committees')
      .set('Authorization', `Bearer ${secretToken}`)
      .set('Cookie', 'session=cookie-secret')
      .set('X-Request-Id', 'privacy-check-1')
      .send({ name: '李全爱所在党委', kind: 'committee', decisionReference: '出生1967-03-09' });
    await request(http).get('/committees/not-a-uuid?name=武雅君').set('X-Request-Id', 'privacy-check-2');
    await new Promise((resolve) => setImmediate(resolve));

    const log = lines.join('\n');
    expect(lines.some((line) => line.includes('privacy-check-1'))).toBe(true);
    expect(lines.some((line) => line.includes('privacy-check-2'))).toBe(true);
    for (const secret of [secretToken, 'cookie-secret', '李全爱', '武雅君', '1967-03-09', '%E6%AD%A6']) {
      expect(log).not.toContain(secret);
    }
  });
});
