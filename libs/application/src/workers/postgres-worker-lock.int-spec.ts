import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '@app/read-models';
import {
  createTestSchema,
  describeIfPostgres,
  POSTGRES_TEST_URL,
  terminateSessions,
  type TestSchema,
} from '@app/event-store/adapters/postgres/postgres-test-database.fixture';
import { WorkerStatusRegistry } from '../read-models/worker-status';
import { PostgresWorkerLock } from './postgres-worker-lock';
import { WorkerHeartbeatTable } from './worker-heartbeat';
import { WorkerLeadership } from './worker-leadership';
import { WorkersHealth } from './workers-health';

const describeIfServer = describeIfPostgres('PostgreSQL worker lock');
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeIfServer('the PostgreSQL worker lock', () => {
  let schema: TestSchema;
  let dir: string;
  let db: ReadModelDatabase;
  beforeEach(async () => {
    schema = await createTestSchema('bf_lock');
    dir = mkdtempSync(join(tmpdir(), 'branchflow-pg-lock-'));
    db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    await schema.drop();
  });

  const lockOn = (name = schema.schema) => new PostgresWorkerLock(POSTGRES_TEST_URL, name, 3000);

  it('is held by one session at a time, names its holder, and is free again once released', async () => {
    const first = lockOn();
    const second = lockOn();
    const elsewhere = lockOn(`${schema.schema}_other`);
    try {
      await expect(first.tryAcquire()).resolves.toBe(true);
      await expect(second.tryAcquire()).resolves.toBe(false);
      // Another event store (schema) has a leader of its own.
      await expect(elsewhere.tryAcquire()).resolves.toBe(true);
      await expect(second.holder()).resolves.toEqual({ pid: process.pid, host: expect.any(String) });
      await first.release();
      await expect(second.tryAcquire()).resolves.toBe(true);
      await expect(first.tryAcquire()).resolves.toBe(false);
    } finally {
      await Promise.all([first, second, elsewhere].map((lock) => lock.release()));
    }
    await expect(first.holder()).resolves.toBeNull();
    await first.release();
  });

  it('a leader whose session is ended stops its workers and exits; a standby takes over', async () => {
    const log: string[] = [];
    let exits = 0;
    const heartbeat = new WorkerHeartbeatTable(db);
    const statuses = new WorkerStatusRegistry();
    const leader = new WorkerLeadership(lockOn(), heartbeat, statuses, dir, silent, () => (exits += 1));
    leader.register({
      name: 'recording',
      phase: 'projections',
      start: () => void log.push('started'),
      stop: () => Promise.resolve(void log.push('stopped')),
    });
    const standbyLock = lockOn();
    const standby = new WorkerLeadership(standbyLock, heartbeat, statuses, dir, silent, () => undefined);
    try {
      leader.start();
      await waitUntil(() => leader.leading, 'the first leads');
      standby.start();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(standby.status).toBe('waiting');
      const health = new WorkersHealth(standby, statuses, heartbeat, db);
      await expect(health.leadershipReport()).resolves.toMatchObject({
        role: 'follower',
        lock: expect.stringContaining('PostgreSQL advisory lock'),
        leader: { pid: process.pid, self: false },
      });

      // As a server restart or a broken network would: the sessions holding (and waiting for) the lock end.
      expect(await terminateSessions(`branchflow-leader ${process.pid}@%`)).toBeGreaterThan(0);
      await waitUntil(() => exits === 1, 'the leader exits', 10_000);
      // It stopped its workers before exiting: it can no longer know it is the only one.
      expect(log).toEqual(['started', 'stopped']);
      expect(leader.leading).toBe(false);
      await waitUntil(() => standby.leading, 'the standby leads', 10_000);
    } finally {
      await leader.stop();
      await standby.stop();
    }
  }, 30_000);
});
