import { loadConfig } from '@app/application';
import { MemoryEventStore } from '@app/event-store';
import { runCli } from '../cli';
import { ExitCode } from '../exit-codes';
import { createDemoCommand } from './demo.command';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const exitCode = await runCli(argv, {
    env,
    openStore: () => Promise.resolve(new MemoryEventStore()),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { exitCode, out: out.join('\n'), err: err.join('\n') };
}

/** Nothing listens here: connections are refused at once. */
const NOWHERE = 'http://127.0.0.1:9';

describe('operator commands: demo, export, tree, history', () => {
  it('are listed by --help, and each has its own --help', async () => {
    const help = await run(['--help']);
    for (const name of ['demo', 'export', 'tree', 'history'])
      expect(help.out).toMatch(new RegExp(`^ {2}${name} +`, 'm'));
    expect((await run(['demo', '--help'])).out).toContain('Usage: branchflow demo');
    expect((await run(['export', '--help'])).out).toContain(
      'Usage: branchflow export <statistics|branches|members|audit>',
    );
    expect((await run(['tree', '--help'])).out).toContain('Usage: branchflow tree --as-of DATE');
    expect((await run(['history', '-h'])).out).toContain('Usage: branchflow history');
  });

  it('refuse bad usage with exit code 2 and say what is wrong', async () => {
    expect(await run(['tree'])).toMatchObject({
      exitCode: ExitCode.usage,
      err: expect.stringContaining('--as-of DATE is required'),
    });
    expect(await run(['tree', '--as-of', '2022-02-30'])).toMatchObject({
      exitCode: ExitCode.usage,
      err: expect.stringContaining('--as-of must be a calendar date'),
    });
    expect(await run(['export', 'payroll', '--format', 'csv'])).toMatchObject({
      exitCode: ExitCode.usage,
      err: expect.stringContaining('Unknown report "payroll"'),
    });
    expect(await run(['export', 'members'])).toMatchObject({
      exitCode: ExitCode.usage,
      err: expect.stringContaining('--format csv, --format json or --format xlsx is required'),
    });
    expect(await run(['history'])).toMatchObject({ exitCode: ExitCode.usage });
    expect(await run(['demo', '--frobnicate'])).toMatchObject({
      exitCode: ExitCode.usage,
      err: expect.stringContaining('Unknown option --frobnicate'),
    });
    expect(await run(['tree', '--as-of', '2022-02-28', '--url', 'ftp://x'])).toMatchObject({
      exitCode: ExitCode.usage,
    });
  });

  it('exit 1 when no API answers, saying how to start one', async () => {
    const tree = await run(['tree', '--as-of', '2022-02-28', '--url', NOWHERE]);
    expect(tree.exitCode).toBe(ExitCode.failed);
    expect(tree.err).toContain(`No branchflow API answers at ${NOWHERE}`);
    expect(tree.err).toContain('npm start');
    const exported = await run(['export', 'statistics', '--format', 'json', '--url', NOWHERE]);
    expect(exported.exitCode).toBe(ExitCode.failed);
  });

  it('demo --no-start exits 1 when no API answers; without a built API it says to build or start one', async () => {
    const quiet = { isTTY: false, write: () => undefined };
    const context = (out: string[], err: string[]) => ({
      config: loadConfig({}),
      openStore: () => Promise.reject(new Error('unused')),
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
    });
    const err: string[] = [];
    const noStart = await createDemoCommand({ sink: quiet }).run(['--url', NOWHERE, '--no-start'], context([], err));
    expect(noStart).toBe(ExitCode.failed);
    expect(err.join('\n')).toContain('--no-start');
    const err2: string[] = [];
    const code = await createDemoCommand({ sink: quiet, cwd: () => '/nonexistent' }).run(
      ['--url', NOWHERE],
      context([], err2),
    );
    expect(code).toBe(ExitCode.failed);
    expect(err2.join('\n')).toContain('npm run build');
  });
});
