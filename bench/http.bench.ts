/**
 * Commands and heavy reads over HTTP against a bare NestJS route, in one run (issue 20). Two
 * processes are started: a minimal NestJS app with one POST route parsing a body of the same
 * size (bench/http/bare-app.ts), and the product's API (apps/api/src/main.ts, SQLite,
 * synchronous=FULL, in-process workers). Each concurrency (1, 8, 32) runs the bare route, admit,
 * the bare route again, rename with If-Match, alternating, so a drift of the shared machine
 * falls on both sides; ratios are to the mean of the two bare runs beside them. Then the heavy
 * reads, and rename on a branch whose stream is 100, 1,000 (and with BENCH_HTTP_LONG=1, 10,000)
 * events long. Writes bench/results/http.json.
 *
 *   node -r @swc-node/register bench/http.bench.ts [seconds per run, default 10]
 *
 * BENCH_HTTP_PROFILE=DIR starts the API with --cpu-prof into DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../libs/application/src/config/load-config';
import { mintToken } from '../libs/application/src/auth/token-minter';
import { load, round, send, type Answer, type LoadResult, type Shot } from './http/load';

const ROOT = join(__dirname, '..');
const TMP = join(__dirname, 'tmp', `http-${process.pid}`);
const SECONDS = Number(process.argv[2] ?? 10);
const CONCURRENCY = [1, 8, 32] as const;
const LONG_STREAMS = process.env.BENCH_HTTP_LONG === '1' ? [100, 1_000, 10_000] : [100, 1_000];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function node(script: string, env: NodeJS.ProcessEnv, flags: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [...flags, '-r', '@swc-node/register', join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answering(port: number, path: string, child: ChildProcess): Promise<void> {
  for (;;) {
    const answer = await send(port, { method: 'GET', path }).catch(() => null);
    if (answer && answer.status < 500) return;
    if (child.exitCode !== null) throw new Error(`the process for port ${port} exited during start`);
    await sleep(50);
  }
}

/** A body of the size of an admission, for the bare route. */
const BARE_BODY = JSON.stringify({
  name: '张建国',
  sex: 'male',
  birthDate: '1950-01-01',
  joinedPartyOn: '1975-01-01',
  formerPostLevel: '科员',
  membership: 'full',
  branchId: '00000000-0000-4000-8000-000000000000',
  occurredAt: '2023-01-02',
});

interface Row extends LoadResult {
  readonly ratio?: number;
}

async function main(): Promise<void> {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(join(TMP, 'data'), { recursive: true });
  const [barePort, apiPort] = [await freePort(), await freePort()];
  const env = {
    BRANCHFLOW_DATA_DIR: join(TMP, 'data'),
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
    BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
    BRANCHFLOW_WRITES_PER_MINUTE: '1000000',
  };
  const profile = process.env.BENCH_HTTP_PROFILE;
  const bare = node('bench/http/bare-app.ts', { PORT: String(barePort) });
  const api = node('apps/api/src/main.ts', env, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
  const token = await mintToken(loadConfig(env).auth, { subject: 'bench-admin', name: '基准管理员', role: 'admin' });
  const auth = { authorization: `Bearer ${token}` };
  const auditor = await mintToken(loadConfig(env).auth, {
    subject: 'bench-auditor',
    name: '基准审计',
    role: 'auditor',
  });
  try {
    await Promise.all([answering(barePort, '/bare', bare), answering(apiPort, '/health/live', api)]);
    const post = async (path: string, body: object, headers: Record<string, string> = {}): Promise<Answer> => {
      const answer = await send(apiPort, {
        method: 'POST',
        path,
        headers: {
          ...auth,
          'idempotency-key': createHash('sha256')
            .update(path + JSON.stringify(body))
            .digest('hex'),
          ...headers,
        },
        body: JSON.stringify(body),
      });
      if (answer.status >= 300) throw new Error(`POST ${path}: ${answer.status} ${answer.body}`);
      return answer;
    };
    const idOf = (answer: Answer) => (JSON.parse(answer.body) as { id: string }).id;
    const committeeId = idOf(
      await post('/committees', { name: '基准离退休干部党委', kind: 'committee', occurredAt: '2020-01-01' }),
    );
    const branch = async (name: string) =>
      idOf(await post('/branches', { name, parentCommitteeId: committeeId, occurredAt: '2020-01-10' }));
    const admitTo = await branch('基准接收支部');
    const renamed: string[] = [];
    for (let loop = 0; loop < 32; loop += 1) renamed.push(await branch(`基准更名支部${loop}`));

    const bareShot = (): Shot => ({ method: 'POST', path: '/bare', body: BARE_BODY });
    let admitted = 0;
    const admitShot = (): Shot => {
      admitted += 1;
      return {
        method: 'POST',
        path: '/members',
        headers: { ...auth, 'idempotency-key': `admit-${admitted}` },
        body: JSON.stringify({
          name: `基准${admitted}`,
          sex: 'male',
          birthDate: '1950-01-01',
          joinedPartyOn: '1975-01-01',
          formerPostLevel: '科员',
          membership: 'full',
          branchId: admitTo,
          occurredAt: '2023-01-02',
        }),
      };
    };
    // Each loop renames its own branch, sending back the ETag it last saw.
    const revisions = new Map<string, string>(renamed.map((id) => [id, '"0"']));
    let renames = 0;
    const renameShot = (branchId: string) => (): Shot => {
      renames += 1;
      return {
        method: 'POST',
        path: `/branches/${branchId}/rename`,
        headers: { ...auth, 'idempotency-key': `rename-${renames}`, 'if-match': revisions.get(branchId) ?? '"0"' },
        body: JSON.stringify({ name: `基准支部${renames}`, occurredAt: '2023-01-02' }),
      };
    };
    const keepRevision = (branchId: string) => (answer: Answer) => {
      const etag = answer.headers.etag;
      if (typeof etag === 'string') revisions.set(branchId, etag);
    };

    const commands: Record<string, Row> = {};
    const bareRuns: Record<string, Row> = {};
    for (const concurrency of CONCURRENCY) {
      const bareA = await load(barePort, concurrency, SECONDS, 201, bareShot);
      const admit = await load(apiPort, concurrency, SECONDS, 201, admitShot);
      const bareB = await load(barePort, concurrency, SECONDS, 201, bareShot);
      const rename = await load(
        apiPort,
        concurrency,
        SECONDS,
        200,
        (loop) => renameShot(renamed[loop] as string)(),
        (loop, answer) => keepRevision(renamed[loop] as string)(answer),
      );
      const bareRate = (bareA.perSecond + bareB.perSecond) / 2;
      bareRuns[`c${concurrency}`] = { ...bareB, perSecond: Math.round(bareRate) };
      commands[`admit_c${concurrency}`] = { ...admit, ratio: round(admit.perSecond / bareRate, 3) };
      commands[`rename_c${concurrency}`] = { ...rename, ratio: round(rename.perSecond / bareRate, 3) };
      process.stderr.write(
        `c=${concurrency}: bare ${Math.round(bareRate)}/s, admit ${admit.perSecond}/s p99 ${admit.p99} ms, rename ${rename.perSecond}/s p99 ${rename.p99} ms\n`,
      );
    }

    // Heavy reads on the history the commands above wrote.
    const reads: Record<string, Row> = {};
    const readShots: Record<string, Shot> = {
      tree_now: { method: 'GET', path: '/org/tree', headers: auth },
      tree_as_of: { method: 'GET', path: '/org/tree?asOf=2022-06-01', headers: auth },
      audit_page: { method: 'GET', path: '/audit/events?limit=100', headers: { authorization: `Bearer ${auditor}` } },
    };
    for (const [name, shot] of Object.entries(readShots)) {
      for (const concurrency of [1, 8]) {
        reads[`${name}_c${concurrency}`] = await load(apiPort, concurrency, Math.max(3, SECONDS / 2), 200, () => shot);
      }
    }

    // A command's cost against its stream's length: rename at c=1 on a branch grown by renames.
    const long = await branch('基准长流支部');
    revisions.set(long, '"0"');
    const byLength: Record<string, Row> = {};
    let length = 1;
    for (const target of LONG_STREAMS) {
      while (length < target) {
        const answer = await send(apiPort, renameShot(long)());
        keepRevision(long)(answer);
        if (answer.status !== 200) throw new Error(`growing the stream: ${answer.status} ${answer.body}`);
        length += 1;
      }
      byLength[`rename_at_revision_${target}`] = await load(
        apiPort,
        1,
        Math.max(3, SECONDS / 2),
        200,
        () => renameShot(long)(),
        (_, answer) => keepRevision(long)(answer),
      );
      length = Number(JSON.parse(revisions.get(long) ?? '"0"')) + 1;
      process.stderr.write(`rename at revision ${target}: p50 ${byLength[`rename_at_revision_${target}`]?.p50} ms\n`);
    }
    const first = byLength[`rename_at_revision_${LONG_STREAMS[0]}`] as Row;
    const last = byLength[`rename_at_revision_${LONG_STREAMS[LONG_STREAMS.length - 1]}`] as Row;

    const result = {
      description:
        `The product's API (SQLite, synchronous=FULL, in-process workers) against a bare NestJS POST route in another process, ${SECONDS} s per run, ` +
        'alternating bare / admit / bare / rename at each concurrency; ratios are req/s over the mean of the two bare runs beside them. ' +
        'Reads at half the time. Rename at c=1 on one branch whose stream has the given length.',
      measuredAt: new Date().toISOString(),
      node: process.version,
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
      bare: bareRuns,
      commands,
      reads,
      streamLength: {
        ...byLength,
        p50_ratio_longest_to_shortest: round(last.p50 / first.p50, 2),
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(ROOT, 'bench', 'results', 'http.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    bare.kill('SIGTERM');
    api.kill('SIGTERM');
    await sleep(500);
    rmSync(TMP, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
