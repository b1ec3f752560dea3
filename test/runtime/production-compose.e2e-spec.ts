import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@app/application';
import {
  createTestSchema,
  describeIfPostgres,
  POSTGRES_TEST_URL,
  type TestSchema,
} from '../../libs/event-store/src/adapters/postgres/postgres-test-database.fixture';
import { tokenFor } from '../api/tokens';
import { exited, hasExited, ROOT } from '../worker/worker-fixtures';

interface ComposeService {
  image?: string;
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  secrets?: string[];
  healthcheck?: { test: string[] };
}
interface Compose {
  services: Record<string, ComposeService>;
  secrets: Record<string, { file: string }>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as Compose;
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const service = (name: string): ComposeService => compose.services[name] as ComposeService;

/** Compose's `${VAR-default}` and `${VAR:-default}`, as compose fills them in from `env`. */
function interpolate(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/\$\{(\w+)(:?)-([^}]*)\}/g, (_, name: string, colon: string, fallback: string) => {
    const set = env[name];
    return set === undefined || (colon === ':' && set === '') ? fallback : set;
  });
}

/** The image's ENV lines (NODE_ENV=production, HOST, PORT, the data dir). */
function imageEnvironment(): Record<string, string> {
  const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(dockerfile)?.[1] ?? '';
  return Object.fromEntries(
    block
      .replace(/\\\n/g, ' ')
      .split(/\s+/)
      .filter((pair) => pair.includes('='))
      .map((pair) => pair.split('=') as [string, string]),
  );
}

/** `node dist/apps/x/src/y.js` as the image runs it → the same entry from source, as tests run apps. */
function fromSource(command: readonly string[]): string[] {
  return command.map((part) => part.replace(/^dist\/(apps\/\w+\/src\/[\w-]+)\.js$/, '$1.ts'));
}
const node = (command: readonly string[]) => {
  expect(command[0]).toBe('node');
  const args = fromSource(command.slice(1));
  return args[0]?.endsWith('.ts') ? ['-r', '@swc-node/register', ...args] : args;
};

describe('docker-compose.yml and the Dockerfile', () => {
  it('PostgreSQL is the default store, EventStoreDB a profile, the secrets compose secrets, every image pinned', () => {
    expect(service('postgres').profiles).toBeUndefined();
    expect(service('postgres').image).toMatch(/^postgres:\d+\.\d+-/);
    expect(service('eventstore').profiles).toEqual(['eventstoredb']);
    for (const name of ['api', 'worker']) {
      const app = service(name);
      expect(app.profiles).toBeUndefined();
      expect(interpolate(app.environment?.DATABASE_URL ?? '', {})).toBe(
        'postgres://branchflow@postgres:5432/branchflow',
      );
      expect(interpolate(app.environment?.EVENTSTORE_CONNECTION_STRING ?? '', {})).toBe('');
      // A DATABASE_URL exported in the operator's shell (for npm start) does not leak in.
      expect(interpolate(app.environment?.DATABASE_URL ?? '', { DATABASE_URL: 'postgres://localhost/dev' })).toBe(
        'postgres://branchflow@postgres:5432/branchflow',
      );
      // The eventstoredb profile's switch.
      const esdb = {
        BRANCHFLOW_COMPOSE_DATABASE_URL: '',
        BRANCHFLOW_COMPOSE_EVENTSTORE: 'esdb://eventstore:2113?tls=false',
      };
      expect(interpolate(app.environment?.DATABASE_URL ?? '', esdb)).toBe('');
      expect(interpolate(app.environment?.EVENTSTORE_CONNECTION_STRING ?? '', esdb)).toBe(
        esdb.BRANCHFLOW_COMPOSE_EVENTSTORE,
      );
      // The secrets come as files, not as variables an operator must remember to export.
      expect(app.environment).not.toHaveProperty('BRANCHFLOW_JWT_SECRET');
      expect(app.environment?.BRANCHFLOW_JWT_SECRET_FILE).toBe('/run/secrets/jwt-secret');
      expect(app.secrets).toEqual(['jwt-secret', 'postgres-password']);
      expect(JSON.stringify(app.environment)).not.toMatch(/:[^/@]+@postgres/);
    }
    expect(compose.secrets).toEqual({
      'jwt-secret': { file: './secrets/jwt-secret' },
      'postgres-password': { file: './secrets/postgres-password' },
    });
    expect(service('postgres').environment?.POSTGRES_PASSWORD_FILE).toBe('/run/secrets/postgres-password');
    expect(service('worker').healthcheck?.test).toEqual(['CMD', 'node', 'dist/apps/worker/src/healthcheck.js']);
    // Node 24 LTS, pinned to a release, for both stages.
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-bookworm-slim$/m);
    expect(dockerfile.match(/^FROM .*$/gm)).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE} AS runtime']);
  });
});

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

function run(args: readonly string[], env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const describeIfServer = describeIfPostgres('The compose topology as processes');

/**
 * No Docker engine runs here, so the compose topology runs as processes: the image's environment
 * plus each service's, the secrets as files, the same commands and healthchecks (from source).
 * The API and the worker start in production mode on PostgreSQL, the worker's healthcheck passes
 * while it runs the workers and fails once it stopped, and the API serves what the worker projects.
 */
describeIfServer('the compose topology as plain processes', () => {
  let schema: TestSchema;
  const dir = mkdtempSync(join(tmpdir(), 'branchflow-compose-'));
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    schema = await createTestSchema('bf_compose');
  });
  afterAll(async () => {
    for (const child of children) {
      if (!hasExited(child)) child.kill('SIGTERM');
      await exited(child);
    }
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the API and the worker with the secrets as files; both healthchecks pass; the worker’s fails once it stops', async () => {
    const secrets = join(dir, 'secrets');
    mkdirSync(secrets);
    const jwtSecret = randomBytes(32).toString('hex');
    writeFileSync(join(secrets, 'jwt-secret'), `${jwtSecret}\n`);
    // The machine's PostgreSQL trusts local connections; the password is still read and sent.
    writeFileSync(join(secrets, 'postgres-password'), `${randomBytes(24).toString('hex')}\n`);
    const port = await freePort();
    const environmentOf = (name: string): NodeJS.ProcessEnv => {
      const declared = Object.entries(service(name).environment ?? {}).map(([key, value]) => [
        key,
        interpolate(value, {}).replace(/^\/run\/secrets\//, `${secrets}/`),
      ]);
      return {
        PATH: process.env.PATH,
        ...imageEnvironment(),
        ...Object.fromEntries(declared),
        // What differs from a container: this machine's database, a schema of the test's own, a free port.
        DATABASE_URL: POSTGRES_TEST_URL,
        BRANCHFLOW_DATABASE_SCHEMA: schema.schema,
        BRANCHFLOW_DATA_DIR: join(dir, 'data'),
        PORT: String(port),
        HOST: '127.0.0.1',
      };
    };
    const apiEnv = environmentOf('api');
    const workerEnv = environmentOf('worker');
    expect(apiEnv).toMatchObject({ NODE_ENV: 'production', BRANCHFLOW_IN_PROCESS_WORKERS: 'false' });
    expect(apiEnv.BRANCHFLOW_JWT_SECRET).toBeUndefined();

    const apiCommand = JSON.parse(/^CMD (.*)$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
    const logs: string[] = [];
    const start = (command: string[], env: NodeJS.ProcessEnv) => {
      const child = spawn(process.execPath, node(command), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
      children.push(child);
      return child;
    };
    const worker = start(service('worker').command ?? [], workerEnv);
    const api = start(apiCommand, apiEnv);

    const workerCheck = node(service('worker').healthcheck?.test.slice(1) ?? []);
    const apiCheck = node(service('api').healthcheck?.test.slice(1) ?? []).map((part) =>
      part.replace('127.0.0.1:3000', `127.0.0.1:${port}`),
    );
    await until(() => run(workerCheck, workerEnv).status === 0, "the worker's healthcheck passes", 120_000);
    await until(() => run(apiCheck, apiEnv).status === 0, "the API's healthcheck passes", 120_000);
    expect(hasExited(api) || hasExited(worker)).toBe(false);
    expect(run(workerCheck, workerEnv).output).toMatch(new RegExp(`^ok: process ${worker.pid} on .* runs the workers`));

    // Tokens signed with the secret from the file are accepted; the worker projects what the API writes.
    const token = await tokenFor(loadConfig({ BRANCHFLOW_JWT_SECRET: jwtSecret }), 'admin');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`http://127.0.0.1:${port}/committees`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: '容器外的党委', kind: 'committee', occurredAt: '2023-01-05' }),
    });
    expect(created.status).toBe(201);
    const tree = await fetch(`http://127.0.0.1:${port}/org/tree?asOf=2023-02-01`, { headers });
    expect(await tree.text()).toContain('容器外的党委');
    const ready = (await (await fetch(`http://127.0.0.1:${port}/health/ready`)).json()) as Record<string, unknown>;
    expect(ready).toMatchObject({
      store: { kind: 'postgres' },
      leadership: { role: 'off', leader: { pid: worker.pid, self: false } },
    });

    worker.kill('SIGTERM');
    await exited(worker);
    const stopped = run(workerCheck, workerEnv);
    expect(stopped.status).toBe(1);
    expect(stopped.output).toContain(`unhealthy: the workers stopped: process ${worker.pid}`);
  }, 300_000);
});
