import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { PROJECTIONS } from '@app/application';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase, ProjectionRebuild } from '@app/read-models';
import { ensureHistory, PROVINCE } from '../../bench/generate-history';
import { appendAll, ev } from '../../libs/read-models/src/organisation-history/testing/history-events';
import { bootApi, type BootedApi } from '../api/boot-api';
import { ROOT } from '../worker/worker-fixtures';

const env = (dataDir: string) => ({
  BRANCHFLOW_DATA_DIR: dataDir,
  EVENTSTORE_TIMEOUT_MS: '300',
  BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
  BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
});

async function untilReady(http: App, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await request(http).get('/health/ready')).status !== 200) {
    if (Date.now() > deadline) throw new Error('the API did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const committeeNames = async (http: App): Promise<string[]> =>
  ((await request(http).get('/org/tree?asOf=2023-02-01').expect(200)).body.committees as { name: string }[]).map(
    (committee) => committee.name,
  );

const establish = (http: App, name: string) =>
  request(http).post('/committees').send({ name, kind: 'committee', occurredAt: '2023-01-05' }).expect(201);

/** Removes the events file (and its WAL) so a copy can take its place, as an operator restoring a backup would. */
function replaceEvents(dataDir: string, replacement: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `events.sqlite${suffix}`), { force: true });
  copyFileSync(replacement, join(dataDir, 'events.sqlite'));
}

/**
 * The events file is replaced under its read models (a backup restored, another store copied
 * in): the read models were built from events the store no longer holds. They must not be
 * served — readiness 503 READ_MODEL_DIVERGED naming the read model and why — but rebuilt from
 * the store, after which the answers are the store's. Before, the next events were silently
 * skipped (their positions were at or below the checkpoint) and a committee that exists in no
 * event went on showing.
 */
describe('a store replaced under its read models', () => {
  const dir = mkdtempSync(join(tmpdir(), 'branchflow-replaced-store-'));
  let api: BootedApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * A data directory whose read models know committee 乙, and `backup`, the events file from
   * before 乙 was established; built once, copied for each case.
   */
  let base: { dataDir: string; backup: string };
  beforeAll(async () => {
    const history = await ensureHistory(
      { ...PROVINCE, branches: 40, members: 4000, years: 5 },
      join(ROOT, 'bench/tmp'),
    );
    const dataDir = join(dir, 'base');
    mkdirSync(dataDir);
    copyFileSync(history.file, join(dataDir, 'events.sqlite'));
    // The read models of the history in one pass, as `rebuild all` builds them: quicker than a
    // first start's catch-up, which the cases below go through.
    const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
    const db = openReadModelDatabase(join(dataDir, 'read-models.sqlite'));
    await new ProjectionRebuild(store, db, PROJECTIONS).run();
    db.close();
    await store.close();
    api = await bootApi({ env: env(dataDir) });
    let http = api.app.getHttpServer() as App;
    await untilReady(http);
    await establish(http, '甲党委');
    await api.close();
    const backup = join(dir, 'backup.sqlite');
    copyFileSync(join(dataDir, 'events.sqlite'), backup);

    api = await bootApi({ env: env(dataDir) });
    http = api.app.getHttpServer();
    await establish(http, '乙党委');
    await untilReady(http);
    expect(await committeeNames(http)).toEqual(expect.arrayContaining(['甲党委', '乙党委']));
    await api.close();
    api = undefined;
    base = { dataDir, backup };
  }, 180_000);

  /** A copy of the base data directory (closed files: a plain copy is a consistent one). */
  function copyOfBase(name: string): { dataDir: string; backup: string } {
    const dataDir = join(dir, name);
    mkdirSync(dataDir);
    for (const file of ['events.sqlite', 'read-models.sqlite'])
      copyFileSync(join(base.dataDir, file), join(dataDir, file));
    const backup = join(dir, `${name}-backup.sqlite`);
    copyFileSync(base.backup, backup);
    return { dataDir, backup };
  }

  /** Boots on the replaced store: refuses to serve, rebuilds, then answers from the store. */
  async function expectRefusedThenRebuilt(dataDir: string, reason: RegExp): Promise<App> {
    api = await bootApi({ env: env(dataDir) });
    const http = api.app.getHttpServer() as App;
    const refused = await request(http).get('/health/ready').expect(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'READ_MODEL_DIVERGED' });
    expect(refused.body.detail).toMatch(
      /The organisation-history read model \(generation 1\) was built from events the store no longer holds/,
    );
    expect(refused.body.detail).toMatch(reason);
    // Not served meanwhile: a bounded wait, then 503.
    expect((await request(http).get('/org/tree?asOf=2023-02-01')).status).toBe(503);

    await untilReady(http);
    const names = await committeeNames(http);
    expect(names).toContain('甲党委');
    expect(names).not.toContain('乙党委');
    // New events are applied, not skipped as "already seen".
    await establish(http, '丙党委');
    expect(await committeeNames(http)).toEqual(expect.arrayContaining(['甲党委', '丙党委']));
    return http;
  }

  it('an older backup restored (head behind the checkpoint): 503, rebuild, no phantom committee', async () => {
    const { dataDir, backup } = copyOfBase('older-backup');
    replaceEvents(dataDir, backup);
    await expectRefusedThenRebuilt(
      dataDir,
      /it has applied events up to position \d+, but the event store ends at position \d+/,
    );
  }, 180_000);

  it('a different store whose head is not behind: the checkpoint event is not there, 503, rebuild', async () => {
    const { dataDir, backup } = copyOfBase('other-store');
    // The backup, then other events in place of 乙's: the head is past the checkpoint again.
    const store = SqliteEventStore.open({ file: backup });
    await appendAll(
      store,
      Array.from(
        { length: 5 },
        (_, i) =>
          [`committee-other-${i}`, ev.committeeEstablished(`other-${i}`, `别处党委${i}`, '2009-06-01')] as const,
      ),
    );
    await store.close();
    replaceEvents(dataDir, backup);
    await expectRefusedThenRebuilt(
      dataDir,
      /the event it last applied \(.+, revision \d+ of .+, at position \d+\) is not in the event store/,
    );
  }, 180_000);
});
