import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, PROJECTIONS } from '@app/application';
import { openReadModelDatabase, ProjectionRunner } from '@app/read-models';
import { PostgresEventStore } from '../../libs/event-store/src/adapters/postgres/postgres-event-store';
import {
  createTestSchema,
  describeIfPostgres,
  POSTGRES_TEST_URL,
  type TestSchema,
} from '../../libs/event-store/src/adapters/postgres/postgres-test-database.fixture';
import { tokenFor } from '../api/tokens';
import { dump, exited, hasExited, ROOT, slowestCheckpoint } from '../worker/worker-fixtures';

const describeIfServer = describeIfPostgres('PostgreSQL cluster of two APIs and a worker');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Member {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string | null;
}

async function until<T>(probe: () => Promise<T | null>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Two API processes and a worker on one PostgreSQL event store, all three competing for the
 * leadership (an API leads, the worker joins later): 20 writers send 50 commands each, spread over both APIs, while the leader is killed
 * with SIGKILL halfway through (mid-projection). A writer whose API died retries on the other with
 * the same Idempotency-Key. Nothing is lost or written twice, another process takes over, and the
 * read models it ends with equal a clean rebuild from the log.
 */
describeIfServer('two APIs and a worker on one PostgreSQL database', () => {
  let schema: TestSchema;
  const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-pg-cluster-'));
  const members: Member[] = [];

  beforeAll(async () => {
    schema = await createTestSchema('bf_cluster');
  });
  afterAll(async () => {
    for (const { child } of members) {
      if (!hasExited(child)) child.kill('SIGTERM');
      await exited(child);
    }
    await schema.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('20 writers x 50 commands across both APIs, the leader killed midway: none lost, none doubled, read models equal a rebuild', async () => {
    const env = {
      PATH: process.env.PATH,
      LOG_LEVEL: 'warn',
      BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
      BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
      BRANCHFLOW_WRITES_PER_MINUTE: '100000',
      DATABASE_URL: POSTGRES_TEST_URL,
      BRANCHFLOW_DATABASE_SCHEMA: schema.schema,
      BRANCHFLOW_DATA_DIR: dataDir,
    };
    const start = async (name: string, entry: string, http: boolean): Promise<Member> => {
      const port = http ? await freePort() : null;
      const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
        cwd: ROOT,
        env: { ...env, ...(port ? { PORT: String(port) } : {}) },
        stdio: 'ignore',
      });
      return { name, child, url: port ? `http://127.0.0.1:${port}` : null };
    };
    members.push(
      await start('api-1', 'apps/api/src/main.ts', true),
      await start('api-2', 'apps/api/src/main.ts', true),
    );
    const apis = members.filter((member) => member.url !== null);
    const readiness = async (api: Member) => {
      try {
        const response = await fetch(`${api.url}/health/ready`);
        return response.ok ? ((await response.json()) as { leadership: { leader: { pid: number } | null } }) : null;
      } catch {
        return null;
      }
    };
    const ready = await until(
      async () => {
        const both = await Promise.all(apis.map(readiness));
        return both.every((answer) => answer !== null) ? both : null;
      },
      'both APIs are ready',
      120_000,
    );
    const leaderPid = ready[0]?.leadership.leader?.pid;
    const leader = members.find((member) => member.child.pid === leaderPid);
    // An API leads (it started first); the worker joins as a standby, so killing the leader also
    // kills an API the writers are sending to.
    expect(leader?.name).toMatch(/^api-/);
    members.push(await start('worker', 'apps/worker/src/main.ts', false));

    const token = await tokenFor(loadConfig({}), 'admin');
    let sent = 0;
    let retriedElsewhere = 0;
    /** Sends one command to `first`, or, when that API is gone, to the other under the same key. */
    const command = async (writer: number, n: number): Promise<void> => {
      const order = writer % 2 === 0 ? apis : [...apis].reverse();
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const api = order[attempt % 2] as Member;
        if (hasExited(api.child)) continue;
        try {
          const response = await fetch(`${api.url}/committees`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'idempotency-key': `writer-${writer}-${n}`,
            },
            body: JSON.stringify({ name: `党委${writer}-${n}`, kind: 'committee', occurredAt: '2023-01-05' }),
          });
          if (response.status === 201) return;
          throw new Error(`answered ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (!hasExited(api.child) && attempt > 2) throw error;
          retriedElsewhere += 1;
        }
      }
      throw new Error(`writer ${writer} could not send command ${n}`);
    };
    const writers = Array.from({ length: 20 }, async (_, writer) => {
      for (let n = 0; n < 50; n += 1) {
        await command(writer, n);
        sent += 1;
        if (sent === 500) (leader as Member).child.kill('SIGKILL');
      }
    });
    await Promise.all(writers);
    await exited((leader as Member).child);
    expect(sent).toBe(1000);

    const store = await PostgresEventStore.connect({ connectionString: POSTGRES_TEST_URL, schema: schema.schema });
    try {
      const events = await store.readAll();
      const names = events.filter((e) => e.stream.startsWith('committee-')).map((e) => e.data.name as string);
      // None lost, none doubled: each of the 1,000 commands appended its committee exactly once.
      expect(names).toHaveLength(1000);
      expect(new Set(names).size).toBe(1000);

      // Another process took over and caught up with the head.
      const head = (await store.headPosition()) as number;
      const readModels = join(dataDir, 'read-models.sqlite');
      const survivors = apis.filter((api) => !hasExited(api.child));
      const newLeader = await until(
        async () => {
          const answer = await readiness(survivors[0] as Member);
          const pid = answer?.leadership.leader?.pid;
          return pid !== undefined && pid !== leaderPid && slowestCheckpoint(readModels) >= head ? pid : null;
        },
        'another process leads and has applied every event',
        60_000,
      );
      expect(members.find((member) => member.child.pid === newLeader)?.child.exitCode).toBeNull();

      // The read models the cluster kept equal a clean rebuild from the log.
      const clean = openReadModelDatabase(join(dataDir, 'clean.sqlite'));
      const kept = openReadModelDatabase(readModels);
      try {
        for (const projection of PROJECTIONS) {
          const runner = new ProjectionRunner(store, clean, projection);
          runner.start();
          await runner.caughtUp();
          await runner.stop();
        }
        expect(dump(kept)).toEqual(dump(clean));
      } finally {
        clean.close();
        kept.close();
      }
      console.log(
        `PostgreSQL cluster: 1,000 commands, ${retriedElsewhere} retried on the other API after the leader (${leader?.name}) was killed; ${newLeader} took over`,
      );
    } finally {
      await store.close();
    }
  }, 400_000);
});
