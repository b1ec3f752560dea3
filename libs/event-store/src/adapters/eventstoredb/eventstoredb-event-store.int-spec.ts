import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
import { eventStoreContract, newEvent } from '../../contract/event-store.contract';
import { StoreUnavailable } from '../../port/errors';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * Jest registers tests before any hook runs, so whether a server can exist is decided here, at
 * load time: a connection string wins; otherwise a Docker engine must be reachable. A cheap look for
 * the usual sockets comes first; only when one is there is testcontainers itself asked (in a child
 * process, as the answer is needed synchronously).
 */
function serverUnavailableReason(): string | null {
  if (process.env.EVENTSTORE_CONNECTION_STRING) return null;
  const sockets = ['/var/run/docker.sock', join(homedir(), '.docker/run/docker.sock')];
  if (process.env.XDG_RUNTIME_DIR) sockets.push(join(process.env.XDG_RUNTIME_DIR, 'docker.sock'));
  const hinted = Boolean(process.env.DOCKER_HOST) || sockets.some((socket) => existsSync(socket));
  if (!hinted) {
    return 'no EVENTSTORE_CONNECTION_STRING and no Docker engine (no DOCKER_HOST and no docker.sock, where testcontainers would fail with "Could not find a working container runtime strategy")';
  }
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      "require('testcontainers').getContainerRuntimeClient().then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })",
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (probe.status === 0) return null;
  return `no EVENTSTORE_CONNECTION_STRING and no Docker engine (${probe.stderr.trim() || 'runtime probe timed out'})`;
}

const skipReason = serverUnavailableReason();
if (skipReason !== null) console.warn(`EventStoreDB contract SKIPPED: ${skipReason}`);
const describeIfServer = skipReason === null ? describe : describe.skip;

describeIfServer('EventStoreDbEventStore contract (server)', () => {
  let connectionString: string;
  let container: StartedTestContainer | undefined;

  beforeAll(async () => {
    const fromEnv = process.env.EVENTSTORE_CONNECTION_STRING;
    if (fromEnv) {
      connectionString = fromEnv;
      return;
    }
    // Loaded only here: a skipped run never pays for testcontainers.
    const { GenericContainer, Wait } = await import('testcontainers');
    container = await new GenericContainer('eventstore/eventstore:24.10')
      .withEnvironment({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_MEM_DB: 'true', EVENTSTORE_RUN_PROJECTIONS: 'None' })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((status) => status < 300))
      .withStartupTimeout(120_000)
      .start();
    connectionString = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  }, 180_000);

  afterAll(async () => {
    await container?.stop();
  });

  eventStoreContract(() => {
    const store = EventStoreDbEventStore.connect(connectionString, { timeoutMs: 10_000 });
    return Promise.resolve({ store, dispose: () => store.close() });
  });
});

/** Every call the port offers that talks to the server, each expected to fail the same way. */
function everyCall(store: EventStoreDbEventStore): Record<string, () => Promise<unknown>> {
  return {
    append: () => store.append('branch-1', [newEvent('BranchEstablished')], { expectedRevision: 'noStream' }),
    readStream: () => store.readStream('branch-1'),
    readAll: () => store.readAll({ maxCount: 10 }),
    ping: () => store.ping(),
    subscribeToAll: async () => {
      const subscription = store.subscribeToAll();
      try {
        return await subscription[Symbol.asyncIterator]().next();
      } finally {
        await subscription.close();
      }
    },
  };
}

async function failureOf(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await call();
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected the call to fail, it succeeded');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

describe('EventStoreDbEventStore without a server', () => {
  describe('closed port', () => {
    let store: EventStoreDbEventStore;

    beforeAll(async () => {
      // A port that was just free and is closed again: connecting is refused at once.
      const probe = createServer();
      const port = await listen(probe);
      await new Promise((resolve) => probe.close(resolve));
      store = EventStoreDbEventStore.connect(`esdb://127.0.0.1:${port}?tls=false`, { timeoutMs: 5_000 });
    });

    afterAll(async () => {
      await store.close();
    });

    it.each(['append', 'readStream', 'readAll', 'ping', 'subscribeToAll'])(
      '%s rejects with StoreUnavailable well before the timeout',
      async (name) => {
        const { error, ms } = await failureOf(everyCall(store)[name]!);
        expect(error).toBeInstanceOf(StoreUnavailable);
        expect((error as StoreUnavailable).code).toBe('STORE_UNAVAILABLE');
        expect(ms).toBeLessThan(2_000);
      },
    );
  });

  describe('a peer that accepts TCP and never answers', () => {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    let store: EventStoreDbEventStore;

    beforeAll(async () => {
      const port = await listen(server);
      store = EventStoreDbEventStore.connect(`esdb://127.0.0.1:${port}?tls=false`, { timeoutMs: 500 });
    });

    afterAll(async () => {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('rejects every call with StoreUnavailable within the timeout', async () => {
      const outcomes = await Promise.all(Object.values(everyCall(store)).map(failureOf));
      for (const { error, ms } of outcomes) {
        expect(error).toBeInstanceOf(StoreUnavailable);
        expect((error as Error).message).toBe('EventStoreDB did not answer within 500ms.');
        expect(ms).toBeLessThan(1_500);
      }
    });
  });

  it('refuses calls once closed', async () => {
    const store = EventStoreDbEventStore.connect('esdb://127.0.0.1:1?tls=false', { timeoutMs: 500 });
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.readAll()).rejects.toThrow('The EventStoreDB store is closed.');
  });
});
