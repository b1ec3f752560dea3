import { createServer, type Server, type Socket } from 'node:net';
import { Client, escapeIdentifier } from 'pg';
import { eventStoreContract, newEvent } from '../../contract/event-store.contract';
import type { RecordedEvent } from '../../port/envelope';
import { InvalidAppend, StoreUnavailable } from '../../port/errors';
import type { SubscriptionMessage } from '../../port/event-store.port';
import { schemaKey } from './postgres-append-lock';
import { PostgresEventStore } from './postgres-event-store';
import {
  createTestSchema,
  describeIfPostgres,
  POSTGRES_TEST_URL,
  type TestSchema,
} from './postgres-test-database.fixture';

const describeIfServer = describeIfPostgres('PostgreSQL event store contract');

/**
 * Reads a subscription with deadlines. A `next()` still pending when a deadline passes is kept for
 * the following read: an async generator hands each event to exactly one `next()`.
 */
class Collector {
  private pending: Promise<IteratorResult<SubscriptionMessage>> | null = null;
  constructor(private readonly iterator: AsyncIterator<SubscriptionMessage>) {}

  async collect(done: (events: readonly RecordedEvent[]) => boolean, timeoutMs: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    while (!done(events)) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining)));
      this.pending ??= this.iterator.next();
      const next = await Promise.race([this.pending, timeout]);
      clearTimeout(timer);
      if (next === 'timeout') break;
      this.pending = null;
      if (next.done) break;
      if (next.value.kind === 'event') events.push(next.value.event);
    }
    return events;
  }
}

describeIfServer('PostgresEventStore contract (server)', () => {
  let testSchema: TestSchema;

  beforeAll(async () => {
    testSchema = await createTestSchema();
  });
  afterAll(async () => {
    await testSchema.drop();
  });

  eventStoreContract(async () => {
    const store = await PostgresEventStore.connect({ connectionString: POSTGRES_TEST_URL, schema: testSchema.schema });
    return { store, dispose: () => store.close() };
  });
});

describeIfServer('PostgresEventStore commit order (server)', () => {
  let testSchema: TestSchema;
  let writerA: PostgresEventStore;
  let writerB: PostgresEventStore;
  let admin: Client;

  beforeAll(async () => {
    testSchema = await createTestSchema();
    // Two stores on one schema, as two API replicas are: separate pools, separate connections.
    const options = { connectionString: POSTGRES_TEST_URL, schema: testSchema.schema, timeoutMs: 10_000 };
    writerA = await PostgresEventStore.connect(options);
    writerB = await PostgresEventStore.connect(options);
    admin = new Client({ connectionString: POSTGRES_TEST_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await writerA.close();
    await writerB.close();
    await admin.end();
    await testSchema.drop();
  });

  it('a subscriber never skips an event whose transaction took its position first and committed last', async () => {
    const schema = escapeIdentifier(testSchema.schema);
    const holdKey = schemaKey(`${testSchema.schema}-hold`);
    // A trigger stalls the transaction that inserts a `Slow` event after it has taken its position,
    // until this test lets go of a lock: a slow writer, made slow from outside the store.
    await admin.query(`CREATE FUNCTION ${schema}.stall() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'Slow' THEN PERFORM pg_advisory_xact_lock_shared(4242, ${holdKey}); END IF;
        RETURN NEW;
      END $$`);
    await admin.query(
      `CREATE TRIGGER stall AFTER INSERT ON ${schema}.events FOR EACH ROW EXECUTE PROCEDURE ${schema}.stall()`,
    );
    const start = (await writerA.append('marker-1', [newEvent('Marker')], { expectedRevision: 'noStream' })).position;
    const subscription = writerA.subscribeToAll({ fromPosition: start });
    const collector = new Collector(subscription[Symbol.asyncIterator]());
    try {
      await admin.query('SELECT pg_advisory_lock(4242, $1)', [holdKey]);
      const slow = newEvent('Slow');
      const fast = newEvent('Fast');
      const slowAppend = writerA.append('ledger-slow', [slow], { expectedRevision: 'noStream' });
      // The slow transaction has its row (and its position) and waits in the trigger.
      for (;;) {
        const { rows } = await admin.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 4242 AND objid = $1::oid`,
          [holdKey >>> 0],
        );
        if (rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      let fastSettled = false;
      const fastAppend = writerB.append('ledger-fast', [fast], { expectedRevision: 'noStream' }).finally(() => {
        fastSettled = true;
      });
      // Without the append lock the fast writer would take the next position, commit at once, and
      // the subscriber would deliver it and move past the slow one's position for good.
      const early = await collector.collect((events) => events.length > 0, 1500);
      expect(early).toEqual([]);
      expect(fastSettled).toBe(false);

      await admin.query('SELECT pg_advisory_unlock(4242, $1)', [holdKey]);
      const [slowResult, fastResult] = await Promise.all([slowAppend, fastAppend]);
      expect(slowResult.position).toBeLessThan(fastResult.position);
      const delivered = await collector.collect((events) => events.length >= 2, 5000);
      expect(delivered.map((event) => event.id)).toEqual([slow.id, fast.id]);
      expect((await writerB.readAll({ fromPosition: start })).map((event) => event.id)).toEqual([slow.id, fast.id]);
    } finally {
      await admin.query('SELECT pg_advisory_unlock_all()');
      await subscription.close();
    }
  }, 30_000);

  it('wakes a subscriber at once when another process appends, without waiting for a poll', async () => {
    const start = (await writerB.headPosition()) ?? 0;
    const subscription = writerA.subscribeToAll({ fromPosition: start });
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      expect((await iterator.next()).value).toMatchObject({ kind: 'caughtUp' });
      const event = newEvent('Elsewhere');
      const sentAt = Date.now();
      const arrival = new Collector(iterator).collect((events) => events.some((e) => e.id === event.id), 5000);
      await writerB.append('ledger-elsewhere', [event], { expectedRevision: 'noStream' });
      expect((await arrival).map((e) => e.id)).toContain(event.id);
      // The poll runs every second; a notification arrives well before.
      expect(Date.now() - sentAt).toBeLessThan(500);
    } finally {
      await subscription.close();
    }
  });
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

describe('PostgresEventStore without a server', () => {
  it('a closed port rejects connect with StoreUnavailable well before the timeout', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const started = Date.now();
    const error = await PostgresEventStore.connect({
      connectionString: `postgres://postgres@127.0.0.1:${port}/test`,
      timeoutMs: 5_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as StoreUnavailable).code).toBe('STORE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a peer that accepts TCP and never answers rejects connect with StoreUnavailable within the timeout', async () => {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    const port = await listen(server);
    try {
      const started = Date.now();
      const error = await PostgresEventStore.connect({
        connectionString: `postgres://postgres@127.0.0.1:${port}/test`,
        timeoutMs: 500,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailable);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describeIfServer('PostgresEventStore refusals (server)', () => {
  let testSchema: TestSchema;
  let store: PostgresEventStore;
  beforeAll(async () => {
    testSchema = await createTestSchema();
    store = await PostgresEventStore.connect({ connectionString: POSTGRES_TEST_URL, schema: testSchema.schema });
  });
  afterAll(async () => {
    await store.close();
    await testSchema.drop();
  });

  it('refuses a malformed append as a rejection, not a throw, and writes nothing', async () => {
    const bad = { ...newEvent('Bad'), id: 'not-a-uuid' };
    const pending = store.append('ledger-bad', [bad], { expectedRevision: 'any' });
    await expect(pending).rejects.toBeInstanceOf(InvalidAppend);
    await expect(
      store.appendMany([{ stream: 'ledger-bad', events: [], expectedRevision: 'any' }]),
    ).rejects.toBeInstanceOf(InvalidAppend);
    expect(await store.streamRevisions(['ledger-bad'])).toEqual(new Map());
  });

  it('refuses calls once closed', async () => {
    const closed = await PostgresEventStore.connect({ connectionString: POSTGRES_TEST_URL, schema: testSchema.schema });
    await closed.close();
    await expect(closed.ping()).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(closed.readAll()).rejects.toThrow('The PostgreSQL event store is closed.');
  });
});
