import { MemoryEventStore, type EventStore } from '@app/event-store';
import { runCli } from './cli';

function run(argv: string[], env: NodeJS.ProcessEnv = {}, openStore?: () => Promise<EventStore>) {
  const out: string[] = [];
  const err: string[] = [];
  const opened: EventStore[] = [];
  const code = runCli(argv, {
    env,
    openStore: async () => {
      const store = await (openStore ?? (() => Promise.resolve(new MemoryEventStore())))();
      opened.push(store);
      return store;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return code.then((exitCode) => ({ exitCode, out: out.join('\n'), err: err.join('\n'), opened }));
}

describe('branchflow CLI', () => {
  it('--help lists the commands and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/^Usage: branchflow <command>/);
    expect(result.out).toMatch(/^ {2}health +open the configured event store/m);
  });

  it('no command prints the usage on stderr and exits 2', async () => {
    const result = await run([]);
    expect(result.exitCode).toBe(2);
    expect(result.err).toContain('Usage: branchflow');
  });

  it('an unknown command exits 2 and names it', async () => {
    const result = await run(['frobnicate']);
    expect(result.exitCode).toBe(2);
    expect(result.err).toContain('Unknown command "frobnicate"');
  });

  it('health: a store that answers exits 0, and the store is closed afterwards', async () => {
    const result = await run(['health']);
    expect(result).toMatchObject({ exitCode: 0, out: expect.stringContaining('ok: the memory event store answers') });
    await expect(result.opened[0]!.ping()).rejects.toThrow(/closed/);
  });

  it('health: a store that cannot be opened exits 1 and says what to check', async () => {
    const result = await run(['health'], { BRANCHFLOW_DATA_DIR: '/nowhere' }, () =>
      Promise.reject(new Error('EACCES: permission denied')),
    );
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain('unhealthy: EACCES: permission denied');
    expect(result.err).toContain('Check that BRANCHFLOW_DATA_DIR (/nowhere)');
  });

  it('health: a store that never answers its ping exits 1 within the timeout', async () => {
    const silent = Object.assign(new MemoryEventStore(), { ping: () => new Promise<void>(() => undefined) });
    const started = Date.now();
    const result = await run(
      ['health'],
      { EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false', EVENTSTORE_TIMEOUT_MS: '200' },
      () => Promise.resolve(silent),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain('did not answer a ping within 200 ms');
    expect(result.err).toContain('EVENTSTORE_CONNECTION_STRING');
  });

  it('an invalid variable exits 3 with its name', async () => {
    const result = await run(['health'], { EVENTSTORE_TIMEOUT_MS: '9000' });
    expect(result.exitCode).toBe(3);
    expect(result.err).toContain('Invalid configuration: EVENTSTORE_TIMEOUT_MS must be');
  });
});
