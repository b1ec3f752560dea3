import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from './boot-api';

const REDOCLY = resolve(__dirname, '../../node_modules/@redocly/cli/bin/cli.js');

interface LintProblem {
  readonly ruleId: string;
  readonly severity: 'error' | 'warn';
  readonly message: string;
  readonly location?: readonly { readonly pointer?: string }[];
}

/** `redocly lint --format=json` on a file, with no telemetry or update check (there is no network). */
function lint(
  dir: string,
  file: string,
): Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [REDOCLY, 'lint', file, '--config', 'redocly.yaml', '--format=json'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the served OpenAPI document under redocly lint', () => {
  let api: BootedApi;
  let dir: string;

  beforeAll(async () => {
    api = await bootApi();
    dir = mkdtempSync(join(tmpdir(), 'branchflow-lint-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  it('has no errors under the recommended rules', async () => {
    const document = (
      await request(api.app.getHttpServer() as App)
        .get('/openapi.json')
        .expect(200)
    ).body as unknown;
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
    writeFileSync(join(dir, 'redocly.yaml'), 'extends:\n  - recommended\n');
    const { code, stdout, stderr } = await lint(dir, 'openapi.json');
    const report = stdout.indexOf('{');
    // No report at all: redocly did not run (not installed, or it crashed); say why.
    if (report < 0) throw new Error(`redocly lint exited ${String(code)} without a report: ${stderr}`);
    const { problems } = JSON.parse(stdout.slice(report)) as { problems: LintProblem[] };
    const described = problems.map(
      (problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} ${problem.location?.[0]?.pointer ?? ''}`,
    );
    // Warnings stay visible in the log; only errors fail.
    if (described.length > 0) console.log(`redocly lint:\n${described.join('\n')}`);
    expect(described.filter((line) => line.startsWith('error'))).toEqual([]);
  }, 60_000);
});
