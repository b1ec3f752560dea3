import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A running API the demo talks to: one it found, or one it started and will stop. */
export interface ApiHandle {
  readonly url: string;
  readonly started: boolean;
  stop(): Promise<void>;
}

export interface EnsureApiOptions {
  readonly url: string;
  /** The built API (`dist/apps/api/src/main.js`). */
  readonly entry: string;
  /** The environment the API is started with (the CLI's own: same data dir, same secret). */
  readonly env: NodeJS.ProcessEnv;
  readonly readyTimeoutMs?: number;
  /** False: fail when no API answers instead of starting one. */
  readonly start?: boolean;
  readonly log?: (line: string) => void;
}

/** Why the demo could not get an API to talk to, with what to do about it. */
export class ApiStartFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiStartFailed';
  }
}

async function isReady(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Uses the API at `url` when it answers `/health/ready`; otherwise starts the built API in the
 * background on that host and port with the same environment (so the same data dir and token
 * secret), waits until it is ready, and stops it again in `stop()`.
 */
export async function ensureApi(options: EnsureApiOptions): Promise<ApiHandle> {
  const { url, entry, env } = options;
  if (await isReady(url)) return { url, started: false, stop: () => Promise.resolve() };
  if (options.start === false) {
    throw new ApiStartFailed(
      `No branchflow API answers at ${url} (and --no-start was given). Start one with \`npm start\`, or pass --url of one that runs, then try again.`,
    );
  }

  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(target.hostname)) {
    throw new ApiStartFailed(
      `No branchflow API answers at ${url}, and the demo starts one only on this machine (127.0.0.1 or localhost). Start the API there, or pass --url of one that runs.`,
    );
  }
  if (!existsSync(entry)) {
    throw new ApiStartFailed(
      `No branchflow API answers at ${url}, and the built API (${entry}) is missing. Start one with \`npm start\` in another terminal, or build it with \`npm run build\`, then run the demo again.`,
    );
  }
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  options.log?.(
    `No API answers at ${url}: starting one in the background (data in ${env.BRANCHFLOW_DATA_DIR ?? './data'})…`,
  );
  const child = spawn(process.execPath, [entry], {
    env: { ...env, PORT: port, HOST: target.hostname.replace(/^\[|\]$/g, ''), LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    const outcome = await Promise.race([
      exited.then((code) => ({ exited: true as const, code })),
      isReady(url, 1000).then((ready) => ({ exited: false as const, ready })),
    ]);
    if (outcome.exited) {
      throw new ApiStartFailed(
        `The API the demo started exited with code ${String(outcome.code)} before it was ready:\n${stderr.trim() || '(no output)'}\n` +
          'Fix what it says (often: another process holds the port, or an invalid variable), or start the API yourself with `npm start`.',
      );
    }
    if (outcome.ready) {
      return { url, started: true, stop: () => stopChild(child, exited) };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopChild(child, exited);
  throw new ApiStartFailed(
    `The API the demo started was not ready within ${Math.round((options.readyTimeoutMs ?? 60_000) / 1000)} s. Start it yourself with \`npm start\` and look at its log.`,
  );
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
