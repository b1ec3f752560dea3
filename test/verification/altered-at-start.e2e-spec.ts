import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { App } from 'supertest/types';
import { HistoryIntegrity } from '@app/application';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';

/**
 * A history changed in the store while the API was down is loud at the next start: the newest
 * digest is compared with the stored history, the difference is logged as an error and shown on
 * readiness, and reads still answer.
 */
describe('the history compared with its newest digest at start', () => {
  jest.setTimeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-altered-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // One log stream for every start in this file: the logger library keeps the first process-wide.
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const boot = (): Promise<BootedApi> =>
    bootApi({ env: { BRANCHFLOW_DATA_DIR: dataDir, LOG_LEVEL: 'info' }, logStream });
  /** The history part of readiness, once the check is done and the read models caught up after start. */
  const readiness = async (api: BootedApi) => {
    await api.app.get(HistoryIntegrity).check();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await request(api.app.getHttpServer()).get('/health/ready');
      if (ready.status === 200) return ready.body.history;
      if (Date.now() > deadline) throw new Error(`not ready: ${JSON.stringify(ready.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  let committeeId: string;

  it('reports an intact history when it matches, and noDigest before the first', async () => {
    const api = await boot();
    try {
      const http = api.app.getHttpServer() as App;
      expect(await readiness(api)).toMatchObject({ status: 'noDigest', digestPosition: null });
      const created = await request(http)
        .post('/committees')
        .send({ name: '孝义市离退休干部党委', kind: 'committee', occurredAt: '2023-01-05' })
        .expect(201);
      committeeId = created.body.id as string;
      const auditor = `Bearer ${await tokenFor(api.config, 'auditor')}`;
      await request(http).post('/audit/digests').set('Authorization', auditor).expect(201);
    } finally {
      await api.close();
    }
    const again = await boot();
    try {
      expect(await readiness(again)).toMatchObject({ status: 'intact', breaks: [], rootDiffers: false });
    } finally {
      await again.close();
    }
  });

  it('logs and reports an event altered while the API was down, and still answers reads', async () => {
    const db = new Database(join(dataDir, 'events.sqlite'));
    try {
      db.prepare(`UPDATE events SET data = json_set(data, '$.name', '改过的名称') WHERE stream = ?`).run(
        `committee-${committeeId}`,
      );
    } finally {
      db.close();
    }
    lines.length = 0;
    const api = await boot();
    try {
      expect(await readiness(api)).toEqual({
        status: 'altered',
        digestPosition: expect.any(Number),
        breaks: [{ stream: `committee-${committeeId}`, revision: 0, kind: 'altered' }],
        rootDiffers: true,
      });
      // The log stream is written asynchronously.
      for (let wait = 0; wait < 50 && !lines.some((line) => line.includes('"level":50')); wait++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
      expect(logged).toContainEqual(
        expect.objectContaining({
          level: 50,
          msg: expect.stringContaining(`committee-${committeeId} revision 0 altered`),
        }),
      );
      await request(api.app.getHttpServer() as App)
        .get(`/committees/${committeeId}`)
        .expect(200);
    } finally {
      await api.close();
    }
  });
});
