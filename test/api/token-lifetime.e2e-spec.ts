import { SignJWT } from 'jose';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { AppConfig } from '@app/application';
import { bootApi, type BootedApi } from './boot-api';
import { tokenFor } from './tokens';

const HOUR = 3600;

/** A token signed with the API's own secret, so only its lifetime can make it fail. */
function signedFor(config: AppConfig, role: string, times: { iat?: number; exp: number }): Promise<string> {
  const jwt = new SignJWT({ role, name: 'long-lived' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`long-lived-${role}`)
    .setIssuer(config.auth.issuer)
    .setAudience(config.auth.audience)
    .setExpirationTime(times.exp);
  return (times.iat === undefined ? jwt : jwt.setIssuedAt(times.iat)).sign(
    new TextEncoder().encode(config.auth.secret ?? ''),
  );
}

describe('tokens beyond the maximum lifetime', () => {
  let api: BootedApi;
  afterEach(() => api.close());

  it('a 30-day token answers 401, for reads and writes alike, and appends nothing', async () => {
    api = await bootApi({ auth: 'explicit' });
    const http = api.app.getHttpServer() as App;
    const now = Math.floor(Date.now() / 1000);
    const workingDay = await tokenFor(api.config, 'auditor');
    await request(http).get('/policies').set('Authorization', `Bearer ${workingDay}`).expect(200);

    const thirtyDays = await signedFor(api.config, 'auditor', { iat: now, exp: now + 30 * 24 * HOUR });
    const read = await request(http).get('/policies').set('Authorization', `Bearer ${thirtyDays}`).expect(401);
    expect(read.headers['content-type']).toContain('application/problem+json');
    expect(read.headers['www-authenticate']).toContain('Bearer');
    expect(read.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

    const noIssueTime = await signedFor(api.config, 'admin', { exp: now + 30 * 24 * HOUR });
    await request(http)
      .post('/committees')
      .set('Authorization', `Bearer ${noIssueTime}`)
      .send({ name: '某党委', kind: 'committee' })
      .expect(401);
    expect(await api.store.readAll()).toHaveLength(0);
  });

  it('follows BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES', async () => {
    api = await bootApi({ auth: 'explicit', env: { BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES: '60' } });
    const http = api.app.getHttpServer() as App;
    const now = Math.floor(Date.now() / 1000);
    const hour = await signedFor(api.config, 'auditor', { iat: now, exp: now + HOUR });
    await request(http).get('/policies').set('Authorization', `Bearer ${hour}`).expect(200);
    const twoHours = await signedFor(api.config, 'auditor', { iat: now, exp: now + 2 * HOUR });
    await request(http).get('/policies').set('Authorization', `Bearer ${twoHours}`).expect(401);
  });
});
