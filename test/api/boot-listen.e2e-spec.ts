import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** This machine's first address that is not loopback: where another machine would connect. */
function outwardAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)?.address;
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

interface Started {
  readonly child: ChildProcess;
  /** The start log's `listening on` sentence. */
  readonly line: string;
}

/**
 * Starts the real API entry point (compiled on the fly by swc) and waits for its start log line.
 * The child is ours alone, stopped by its pid in afterEach.
 */
function startApi(env: NodeJS.ProcessEnv, dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
      BRANCHFLOW_DATA_DIR: dataDir,
      BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
      BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.includes('branchflow API listening on'));
      if (line) resolve({ child, line: (JSON.parse(line) as { msg: string }).msg });
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('exit', (code) => reject(new Error(`the API exited with ${code}: ${err}${out}`)));
  });
}

const started: ChildProcess[] = [];

describe('where the API listens, as its start log says', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'branchflow-listen-'))));
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(child.pid, 'SIGTERM');
        await exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  const port = () => 40_000 + Math.floor(Math.random() * 20_000);
  const outward = outwardAddress();

  it('with the development secret and no HOST: 127.0.0.1 only, and the log says so', async () => {
    const at = port();
    const { line } = await startApi({ PORT: String(at) }, dataDir);
    expect(line).toContain(`branchflow API listening on http://127.0.0.1:${at} (events:`);
    expect(await accepts('127.0.0.1', at)).toBe(true);
    // This machine has an outward address in CI and on a workstation; without one there is nothing to reach.
    expect(outward).toBeDefined();
    expect(await accepts(outward!, at)).toBe(false);
  }, 60_000);

  it('with a real secret and no HOST: every interface, and the log says so rather than 127.0.0.1', async () => {
    const at = port();
    const { line } = await startApi(
      { PORT: String(at), BRANCHFLOW_JWT_SECRET: 'a-real-secret-of-at-least-32-characters' },
      dataDir,
    );
    expect(line).toContain(`branchflow API listening on http://0.0.0.0:${at} (every interface) (events:`);
    expect(await accepts(outward!, at)).toBe(true);
  }, 60_000);

  it('with the development secret and HOST=0.0.0.0: refuses to start, naming the variables', async () => {
    const refused = startApi({ PORT: String(port()), HOST: '0.0.0.0' }, dataDir);
    await expect(refused).rejects.toThrow(
      'the API exited with 1: branchflow API failed to start: Invalid configuration: HOST=0.0.0.0 would let other machines call an API whose tokens anyone can sign (the public development secret): set BRANCHFLOW_JWT_SECRET (at least 32 characters), BRANCHFLOW_JWT_PUBLIC_KEY (or _FILE), BRANCHFLOW_JWKS_FILE or BRANCHFLOW_JWKS_URL, or leave HOST unset to listen on 127.0.0.1 only\n',
    );
  }, 60_000);
});
