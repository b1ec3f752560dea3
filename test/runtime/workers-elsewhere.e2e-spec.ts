import request from 'supertest';
import type { App } from 'supertest/types';
import { join } from 'node:path';
import { SqliteDatabase } from '@app/event-store';
import { bootApi, type BootedApi } from '../api/boot-api';
import { exited, startWorker } from '../worker/worker-fixtures';

async function readinessUntil(http: App, status: number, timeoutMs = 60_000): Promise<request.Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(http).get('/health/ready');
    if (response.status === status || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * An API started with BRANCHFLOW_IN_PROCESS_WORKERS=false serves read models a separate worker
 * keeps: its readiness follows that worker (from the heartbeat the worker writes into the
 * read-model database) — 503 before one runs, 200 while it does, 503 with the reason once it
 * stopped or its heartbeat went stale. Before, it answered 200 whatever the worker did.
 */
describe('readiness of an API whose workers run in another process', () => {
  let api: BootedApi;
  beforeAll(async () => {
    api = await bootApi({ env: { BRANCHFLOW_IN_PROCESS_WORKERS: 'false' } });
  });
  afterAll(() => api.close());

  it('follows the worker: none yet, running, stopped, gone without a word', async () => {
    const http = api.app.getHttpServer() as App;
    const none = await request(http).get('/health/ready').expect(503);
    expect(none.body).toMatchObject({ code: 'WORKERS_UNAVAILABLE' });
    expect(none.body.detail).toContain('No process has run the workers');

    let worker = startWorker(api.dataDir);
    const ready = await readinessUntil(http, 200);
    expect(ready.status).toBe(200);
    expect(ready.body.runningIn).toEqual({ pid: worker.pid, host: expect.any(String), self: false });
    expect(ready.body.workers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'organisation-history', state: 'live' })]),
    );
    // The worker applies what the API writes; the API reads it (read-your-writes across processes).
    await request(http)
      .post('/committees')
      .send({ name: '另一进程党委', kind: 'committee', occurredAt: '2023-01-05' })
      .expect(201);
    const tree = await request(http).get('/org/tree?asOf=2023-02-01').expect(200);
    expect(JSON.stringify(tree.body)).toContain('另一进程党委');

    worker.kill('SIGTERM');
    await exited(worker);
    const stopped = await request(http).get('/health/ready').expect(503);
    expect(stopped.body).toMatchObject({ code: 'WORKERS_UNAVAILABLE' });
    expect(stopped.body.detail).toContain(`The workers stopped: process ${worker.pid}`);

    worker = startWorker(api.dataDir);
    await readinessUntil(http, 200);
    worker.kill('SIGKILL');
    await exited(worker);
    // A SIGKILLed worker leaves its last heartbeat as it was; 20 s on, it is stale.
    const heartbeat = new SqliteDatabase(join(api.dataDir, 'workers.sqlite'));
    heartbeat.prepare(`UPDATE worker_heartbeat SET beat_at = ?`).run(new Date(Date.now() - 20_000).toISOString());
    heartbeat.close();
    const gone = await request(http).get('/health/ready').expect(503);
    expect(gone.body).toMatchObject({ code: 'WORKERS_UNAVAILABLE' });
    expect(gone.body.detail).toMatch(new RegExp(`pid ${worker.pid} on .*\\) last reported 2\\d s ago`));
  }, 120_000);
});
