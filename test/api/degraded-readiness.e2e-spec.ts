import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from './boot-api';

describe('readiness when a projection stops', () => {
  let api: BootedApi;
  afterAll(() => api.close());

  it('lists the workers when all run, and answers 503 DEGRADED naming the one that stopped and why', async () => {
    api = await bootApi();
    const http = api.app.getHttpServer() as App;
    const ready = await request(http).get('/health/ready').expect(200);
    expect(ready.body.workers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'organisation-now', kind: 'projection' })]),
    );

    // An event no projection can make sense of: a member admitted without any personal data.
    const id = randomUUID();
    await api.store.append(
      `member-${id}`,
      [
        {
          id,
          type: 'MemberAdmitted',
          schemaVersion: 1,
          data: { memberId: id },
          metadata: {
            commandId: id,
            correlationId: id,
            causationId: id,
            actor: { id: 'x', name: 'x', role: 'admin' },
            occurredAt: '2023-01-01T00:00:00.000Z',
            policyVersion: null,
          },
        },
      ],
      { expectedRevision: 'noStream' },
    );
    let degraded: request.Response | undefined;
    for (let attempt = 0; attempt < 50 && degraded?.status !== 503; attempt += 1) {
      degraded = await request(http).get('/health/ready');
      if (degraded.status !== 503) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(degraded?.status).toBe(503);
    expect(degraded?.headers['content-type']).toContain('application/problem+json');
    expect(degraded?.body).toMatchObject({ code: 'DEGRADED' });
    expect(degraded?.body.detail).toContain('organisation-now');
    expect(degraded?.body.detail).toContain('cannot apply MemberAdmitted');

    // A command that needs the stopped model's counts says so at once, rather than after the timeout.
    const created = await request(http).post('/committees').send({ name: '某党委', kind: 'committee' }).expect(201);
    const committeeId = created.body.events[0].data.committeeId as string;
    const started = Date.now();
    const refused = await request(http).post(`/committees/${committeeId}/dissolve`).send({ reason: '撤销' });
    expect(refused.status).toBe(503);
    expect(refused.body.detail).toContain('organisation-now read model stopped');
    expect(Date.now() - started).toBeLessThan(api.config.eventStoreTimeoutMs);
  });
});
