import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { RAW_EVENT_STORE, READ_MODEL_DB } from '@app/application';
import type { ReadModelDatabase } from '@app/read-models';
import {
  capAtCurrentSize,
  connectionOf,
  lift,
} from '../../libs/event-store/src/adapters/sqlite/sqlite-storage-faults.fixture';
import { bootApi, type BootedApi } from './boot-api';

const committee = (i: number) => ({ name: `第${i}离退休干部党委`, kind: 'committee', occurredAt: '2023-01-05' });

/** Polls readiness until it answers `status` (projections run in the background). */
async function readinessBecomes(http: App, status: number): Promise<request.Response> {
  let last: request.Response | undefined;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    last = await request(http).get('/health/ready');
    if (last.status === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`readiness stayed ${last?.status}: ${JSON.stringify(last?.body)}`);
}

describe('storage faults over HTTP', () => {
  let api: BootedApi;
  afterEach(() => api.close());

  it('a full events file (SQLITE_FULL): the write answers 503 STORAGE_FULL, readiness 503, nothing is appended; after space is freed both recover', async () => {
    api = await bootApi();
    const http = api.app.getHttpServer() as App;
    const db = connectionOf(api.app.get(RAW_EVENT_STORE));
    capAtCurrentSize(db);
    // The pages the file has still take a few events; the first that needs a new one is refused.
    let refused: request.Response | undefined;
    let sent = 0;
    for (; sent < 200; sent += 1) {
      const answer = await request(http)
        .post('/committees')
        .set('Idempotency-Key', `committee-${sent}`)
        .set('Accept-Language', 'en')
        .send(committee(sent));
      if (answer.status !== 201) {
        refused = answer;
        break;
      }
    }
    const before = await api.store.readAll();
    expect(refused?.status).toBe(503);
    expect(refused?.headers['content-type']).toContain('application/problem+json');
    expect(refused?.body).toMatchObject({
      type: 'urn:branchflow:problem:storage-full',
      status: 503,
      code: 'STORAGE_FULL',
      detail: `Nothing was appended to the SQLite event store ${join(api.dataDir, 'events.sqlite')}: the disk is full (SQLITE_FULL); free space on it, then retry.`,
    });
    expect(before).toHaveLength(sent);

    const ready = await request(http).get('/health/ready').expect(503);
    expect(ready.headers['content-type']).toContain('application/problem+json');
    expect(ready.body).toMatchObject({ code: 'STORAGE_FULL', detail: expect.stringContaining('the disk is full') });
    await request(http).get('/health/live').expect(200);
    // Reads are still served.
    await request(http).get('/org/tree').expect(200);

    lift(db);
    await request(http).get('/health/ready').expect(200);
    const retried = await request(http)
      .post('/committees')
      .set('Idempotency-Key', `committee-${sent}`)
      .send(committee(sent))
      .expect(201);
    expect(retried.body.replayed).toBe(false);
    expect(await api.store.readAll()).toHaveLength(before.length + 1);
  });

  it('a read-only events file (SQLITE_READONLY): 503 STORAGE_READ_ONLY and readiness 503 until it takes writes again', async () => {
    api = await bootApi();
    const http = api.app.getHttpServer() as App;
    const db = connectionOf(api.app.get(RAW_EVENT_STORE));
    // SQLite's own switch refuses every write on the connection, as a read-only file would
    // (chmod cannot: the file is open already, and tests may run as root).
    db.pragma('query_only = 1');
    const refused = await request(http).post('/committees').send(committee(2)).expect(503);
    expect(refused.body).toMatchObject({
      code: 'STORAGE_READ_ONLY',
      detail: expect.stringContaining('the file is read-only for this process (SQLITE_READONLY)'),
    });
    expect((await request(http).get('/health/ready').expect(503)).body.code).toBe('STORAGE_READ_ONLY');
    expect(await api.store.readAll()).toHaveLength(0);
    db.pragma('query_only = 0');
    await request(http).get('/health/ready').expect(200);
    await request(http).post('/committees').send(committee(2)).expect(201);
  });
});

describe('a full read-model database', () => {
  let dataDir: string;
  const apis: BootedApi[] = [];
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'branchflow-rm-full-'))));
  afterEach(async () => {
    await Promise.all(apis.splice(0).map((api) => api.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });
  const boot = async (dir: string) => {
    const api = await bootApi({ env: { BRANCHFLOW_DATA_DIR: dir } });
    apis.push(api);
    return api;
  };

  it('stops its projection (readiness 503 names it and the full disk), skips nothing, and a restart catches up to what a rebuild gives', async () => {
    const first = await boot(dataDir);
    const http = first.app.getHttpServer() as App;
    await readinessBecomes(http, 200);
    capAtCurrentSize(first.app.get<ReadModelDatabase>(READ_MODEL_DB));

    // Events go on being stored (they are the truth); the projections stop at the first page they lack.
    let created = 0;
    let degraded: request.Response | undefined;
    while (created < 300) {
      await request(http).post('/committees').send(committee(created)).expect(201);
      created += 1;
      const ready = await request(http).get('/health/ready');
      if (ready.status === 503) {
        degraded = ready;
        break;
      }
    }
    expect(degraded?.body).toMatchObject({
      code: 'DEGRADED',
      detail: expect.stringContaining('database or disk is full'),
    });
    const stopped = first.app
      .get<ReadModelDatabase>(READ_MODEL_DB)
      .prepare(`SELECT name, position FROM projection_generations WHERE state = 'live'`)
      .all() as { name: string; position: number | null }[];
    const head = await first.store.headPosition();
    expect(stopped.some((row) => (row.position ?? 0) < (head ?? 0))).toBe(true);
    for (let i = 0; i < 3; i += 1) await request(http).post('/committees').send(committee(created++)).expect(201);
    await first.close();

    // Restart: a new connection has no page cap, and every projection resumes at its checkpoint.
    const rebuiltDir = mkdtempSync(join(tmpdir(), 'branchflow-rm-rebuilt-'));
    copyFileSync(join(dataDir, 'events.sqlite'), join(rebuiltDir, 'events.sqlite'));
    try {
      const restarted = await boot(dataDir);
      const rebuilt = await boot(rebuiltDir);
      const restartedTree = await request(restarted.app.getHttpServer()).get('/org/tree?asOf=2023-12-31').expect(200);
      const rebuiltTree = await request(rebuilt.app.getHttpServer()).get('/org/tree?asOf=2023-12-31').expect(200);
      expect(restartedTree.body.committees).toHaveLength(created);
      expect(restartedTree.body).toEqual(rebuiltTree.body);
      await readinessBecomes(restarted.app.getHttpServer(), 200);
    } finally {
      rmSync(rebuiltDir, { recursive: true, force: true });
    }
  });
});

describe('a damaged read-model database', () => {
  it('answers the query that meets the damage with 503 STORAGE_CORRUPT, not 500', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-rm-corrupt-'));
    try {
      const first = await bootApi({ env: { BRANCHFLOW_DATA_DIR: dataDir } });
      const http = first.app.getHttpServer() as App;
      for (let i = 0; i < 3; i += 1) await request(http).post('/committees').send(committee(i)).expect(201);
      await request(http).get('/org/tree?asOf=2023-12-31').expect(200);
      const db = first.app.get<ReadModelDatabase>(READ_MODEL_DB);
      const { rootpage } = db
        .prepare(
          `SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name LIKE 'organisation_history_g%_committees'`,
        )
        .get() as { rootpage: number };
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      await first.close(); // checkpoints the WAL into the file
      // Overwrite the page of the committees the tree lists; the schema stays readable, so it starts.
      const fd = openSync(join(dataDir, 'read-models.sqlite'), 'r+');
      writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
      closeSync(fd);

      const damaged = await bootApi({ env: { BRANCHFLOW_DATA_DIR: dataDir } });
      try {
        const answer = await request(damaged.app.getHttpServer())
          .get('/org/tree?asOf=2023-12-31')
          .set('Accept-Language', 'en');
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({
          code: 'STORAGE_CORRUPT',
          detail:
            'The read-model database failed: the file is damaged (SQLITE_CORRUPT); it holds only data derived from the events, so stop every process using it, move it aside and start again to rebuild it.',
        });
      } finally {
        await damaged.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
