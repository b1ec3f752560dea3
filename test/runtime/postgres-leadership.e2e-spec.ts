import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/application';
import {
  createTestSchema,
  describeIfPostgres,
  POSTGRES_TEST_URL,
  type TestSchema,
} from '../../libs/event-store/src/adapters/postgres/postgres-test-database.fixture';
import { tokenFor } from '../api/tokens';
import { exited, hasExited, ROOT } from '../worker/worker-fixtures';

const describeIfServer = describeIfPostgres('PostgreSQL leadership across API processes');

interface Replica {
  readonly child: ChildProcess;
  readonly url: string;
  readonly log: string[];
}

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

/** A real API process (apps/api/src/main.ts), as a replica behind a load balancer would run. */
async function startReplica(env: NodeJS.ProcessEnv): Promise<Replica> {
  const port = await freePort();
  const log: string[] = [];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
      BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
      BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, url: `http://127.0.0.1:${port}`, log };
}

interface Ready {
  readonly status: number;
  readonly body: {
    leadership?: { role: string; lock: string; leader: { pid: number; self: boolean } | null };
    store?: { kind: string };
  };
}

async function readiness(replica: Replica): Promise<Ready | null> {
  try {
    const response = await fetch(`${replica.url}/health/ready`);
    return { status: response.status, body: (await response.json()) as Ready['body'] };
  } catch {
    return null;
  }
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
 * Two API processes on one PostgreSQL event store (and, as long as read models stay in SQLite,
 * one data directory): commands go to either; one holds the advisory lock and runs the
 * projections, process managers and timers, the other stands by, naming the leader in
 * readiness. SIGKILL of the leader (no shutdown hook, its connection simply gone): the other
 * takes over within 10 s and applies what is written next.
 */
describeIfServer('two API processes on one PostgreSQL database', () => {
  let schema: TestSchema;
  const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-pg-replicas-'));
  const replicas: Replica[] = [];

  beforeAll(async () => {
    schema = await createTestSchema('bf_lead');
  });
  afterAll(async () => {
    for (const { child } of replicas) {
      if (!hasExited(child)) child.kill('SIGTERM');
      await exited(child);
    }
    await schema.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('one leads, the other follows naming it, and takes over within 10 s of a SIGKILL', async () => {
    const env = {
      DATABASE_URL: POSTGRES_TEST_URL,
      BRANCHFLOW_DATABASE_SCHEMA: schema.schema,
      BRANCHFLOW_DATA_DIR: dataDir,
    };
    replicas.push(await startReplica(env), await startReplica(env));
    const answers = await until(
      async () => {
        const both = await Promise.all(replicas.map(readiness));
        return both.every((answer) => answer?.status === 200) ? (both as Ready[]) : null;
      },
      'both replicas are ready',
      120_000,
    );
    const roles = answers.map((answer) => answer.body.leadership?.role);
    expect([...roles].sort()).toEqual(['follower', 'leader']);
    const leaderIndex = roles.indexOf('leader');
    const leader = replicas[leaderIndex] as Replica;
    const follower = replicas[1 - leaderIndex] as Replica;
    expect(answers[leaderIndex]?.body).toMatchObject({
      store: { kind: 'postgres' },
      leadership: {
        lock: expect.stringContaining(`PostgreSQL advisory lock`),
        leader: { pid: leader.child.pid, self: true },
      },
    });
    // The follower learns the leader from the lock's holder on the database.
    expect(answers[1 - leaderIndex]?.body.leadership).toMatchObject({
      role: 'follower',
      leader: { pid: leader.child.pid, self: false },
    });

    // Commands go to either replica.
    const token = await tokenFor(loadConfig({}), 'admin');
    const post = async (replica: Replica, name: string) => {
      const response = await fetch(`${replica.url}/committees`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, kind: 'committee', occurredAt: '2023-01-05' }),
      });
      expect(response.status).toBe(201);
    };
    await post(follower, '跟随者收到的党委');
    await post(leader, '领导者收到的党委');

    leader.child.kill('SIGKILL');
    await exited(leader.child);
    const killedAt = Date.now();
    await until(
      async () => ((await readiness(follower))?.body.leadership?.role === 'leader' ? true : null),
      'the follower took over',
      15_000,
    );
    const takeover = Date.now() - killedAt;
    expect(takeover).toBeLessThan(10_000);
    expect(follower.log.join('\n')).toContain(`taking over from pid ${leader.child.pid}`);

    // The new leader applies what is written after the takeover, and serves it.
    await post(follower, '接管后的党委');
    const tree = await fetch(`${follower.url}/org/tree?asOf=2023-02-01`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await tree.text();
    for (const name of ['跟随者收到的党委', '领导者收到的党委', '接管后的党委']) expect(text).toContain(name);
    console.log(`PostgreSQL leadership: the follower led ${takeover} ms after the leader's SIGKILL`);
  }, 240_000);
});
