import { Pool, TypeOverrides, types as pgTypes, type PoolClient, type PoolConfig } from 'pg';
import { assertWellFormed, planAppend, type StoredLocation, type StreamHead } from '../../append/plan-append';
import { sealEvents } from '../../chain/hash-chain';
import { systemClock, type Clock } from '../../port/clock';
import type { NewEvent, RecordedEvent } from '../../port/envelope';
import { StorageFault, StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../../port/errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../../port/event-store.port';
import { catchUpSubscription } from '../../subscription/catch-up-subscription';
import { appendLockKey, migrateLockKey, schemaKey } from './postgres-append-lock';
import { PostgresAppendSignal } from './postgres-append-signal';
import { isUniqueViolation, toStoreError } from './postgres-errors';
import { decodeRows, type EventRow } from './postgres-row';
import { migrate } from './postgres-schema';
import { statementsFor, type PostgresStatements } from './postgres-statements';

export interface PostgresEventStoreOptions {
  /** `postgres://user@host:5432/database`, as node-postgres takes it. */
  readonly connectionString: string;
  /** The schema holding the `events` table; created when missing (`public` by default). */
  readonly schema?: string;
  /** Upper bound on every call (3000 ms by default): connecting, each statement, a wait for the append lock. */
  readonly timeoutMs?: number;
  /** Connections the store keeps open at most (10 by default). */
  readonly poolSize?: number;
  /** How often subscriptions look again when no notification arrived (a lost LISTEN connection). */
  readonly pollIntervalMs?: number;
  readonly clock?: Clock;
}

/** PostgreSQL's OID of BIGINT: positions and revisions, which stay far below 2^53. */
const INT8_OID = 20;

/** BIGINT as a number for this store's connections only, leaving node-postgres's global parsers alone. */
const numericInt8 = new TypeOverrides(pgTypes);
numericInt8.setTypeParser(INT8_OID, 'text', (value: string) => Number(value));

/**
 * A transaction left idle this long (its process stuck or gone silent) is ended by the server,
 * so it cannot hold the append lock and stop every writer of the cluster.
 */
const IDLE_IN_TRANSACTION_MS = 10_000;

interface AppendOutcome {
  readonly result: AppendResult;
  readonly written: boolean;
}

/** One planned write of a batch: the rows and, once inserted, the position of its last event. */
interface PlannedWrite {
  readonly nextRevision: number;
  readonly lastId: string;
}

/**
 * The PostgreSQL event store: one `events` table in a schema, shared by every process that
 * connects. Appends are judged and sealed exactly as by the other adapters (planAppend,
 * sealEvents), inside one transaction that holds the append lock (postgres-append-lock.ts), so
 * positions increase in commit order and a catch-up subscription never skips a late commit.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres';
  private readonly statements: PostgresStatements;
  private readonly lockStatement: string;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  /** The last write failed for a storage fault and none has succeeded since (see `ping`). */
  private writeFault = false;

  private constructor(
    private readonly pool: Pool,
    private readonly signal: PostgresAppendSignal,
    readonly schema: string,
    private readonly pollIntervalMs: number,
    private readonly clock: Clock,
  ) {
    this.statements = statementsFor(schema);
    const [lockClass, lockKey] = appendLockKey(schema);
    this.lockStatement = `BEGIN; SELECT pg_advisory_xact_lock(${lockClass}, ${lockKey})`;
  }

  /**
   * Connects and brings the schema up to date. A server that does not answer within the timeout
   * rejects with StoreUnavailable; the pool is closed again.
   */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'public';
    const timeoutMs = options.timeoutMs ?? 3000;
    const connection: PoolConfig = {
      connectionString: options.connectionString,
      connectionTimeoutMillis: timeoutMs,
      application_name: 'branchflow',
    };
    const pool = new Pool({
      ...connection,
      max: options.poolSize ?? 10,
      types: numericInt8,
      statement_timeout: timeoutMs,
      // The client's own deadline covers a peer that accepts TCP and never answers.
      query_timeout: timeoutMs + 500,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    });
    // An idle connection the server dropped (a restart) must not crash the process; the next
    // call opens a new one.
    pool.on('error', () => undefined);
    const channel = `branchflow_events_${(schemaKey(schema) >>> 0).toString(16)}`;
    const signal = new PostgresAppendSignal(connection, channel);
    try {
      const client = await pool.connect();
      try {
        await migrate(client, schema, migrateLockKey(schema));
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw toStoreError(error);
    }
    return new PostgresEventStore(pool, signal, schema, options.pollIntervalMs ?? 1000, options.clock ?? systemClock);
  }

  /** A malformed append is refused as a rejection, like every other refusal, never thrown. */
  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    assertWellFormed(stream, events);
    const [result] = await this.write([{ stream, events, expectedRevision: options.expectedRevision }]);
    return result as AppendResult;
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    for (const { stream, events } of appends) assertWellFormed(stream, events);
    if (appends.length === 0) return [];
    return this.write(appends);
  }

  async streamRevisions(streams: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.query<[string, number]>(this.statements.streamRevisions, [streams]);
    return new Map(rows);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? null;
    const rows =
      options.direction === 'backwards'
        ? await this.query<EventRow>(this.statements.readBackwards, [
            stream,
            options.fromRevision ?? Number.MAX_SAFE_INTEGER,
            limit,
          ])
        : await this.query<EventRow>(this.statements.readForwards, [stream, options.fromRevision ?? 0, limit]);
    // An empty window of an existing stream is an answer, not a missing stream.
    if (rows.length === 0 && (await this.query(this.statements.streamExists, [stream])).length === 0) {
      throw new StreamNotFound(stream);
    }
    return decodeRows(rows);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const rows = await this.query<EventRow>(this.statements.readAll, [
      options.fromPosition ?? 0,
      options.maxCount ?? null,
    ]);
    return decodeRows(rows);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const subscription: Subscription = catchUpSubscription(
      {
        readAll: (page) => this.readAll(page),
        onAppended: (listener) => {
          const off = this.signal.on(listener);
          return () => {
            off();
            this.subscriptions.delete(subscription);
          };
        },
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number | null> {
    const [row] = await this.query<[number | null]>(this.statements.headPosition, []);
    return row?.[0] ?? null;
  }

  /**
   * Answers while the server does. After a write failed for a storage fault, it also proves the
   * server takes a write again (a transaction that writes a row and rolls back), so readiness
   * recovers once an operator has freed space.
   */
  async ping(): Promise<void> {
    await this.query('SELECT 1', []);
    if (!this.writeFault) return;
    await this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        await client.query('CREATE TEMPORARY TABLE branchflow_write_probe (x int) ON COMMIT DROP');
        await client.query('INSERT INTO branchflow_write_probe VALUES (1)');
      } finally {
        await client.query('ROLLBACK');
      }
    }).catch((error: unknown) => {
      throw toStoreError(error);
    });
    this.writeFault = false;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.signal.close();
    await this.pool.end();
  }

  private async write(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    let outcomes: AppendOutcome[];
    try {
      outcomes = await this.withClient(async (client) => {
        try {
          await client.query(this.lockStatement);
          const done = await this.appendInTransaction(client, appends);
          const written = done.some((outcome) => outcome.written);
          await client.query(written ? `${this.signal.notifyStatement}; COMMIT` : 'COMMIT');
          return done;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      const mapped = toStoreError(error);
      if (mapped instanceof StorageFault) this.writeFault = true;
      // Under the append lock a duplicate (stream, revision) means a writer that skipped the lock;
      // report it the way a stale head is reported, for the first append as SQLite does.
      if (isUniqueViolation(error)) {
        const { stream, expectedRevision } = appends[0] as StreamAppend;
        const revisions = await this.streamRevisions([stream]).catch(() => new Map<string, number>());
        throw new WrongExpectedRevision(stream, expectedRevision, revisions.get(stream) ?? null);
      }
      throw mapped;
    }
    if (outcomes.some((outcome) => outcome.written)) {
      this.writeFault = false;
      this.signal.emit();
    }
    return outcomes.map((outcome) => outcome.result);
  }

  /**
   * Judges the appends in order against the heads and stored ids read once for all of them, then
   * inserts every new event in one statement. An id given twice in one list (two appends of the
   * same events) is judged against what the first wrote, so such a list goes one append at a time.
   */
  private async appendInTransaction(client: PoolClient, appends: readonly StreamAppend[]): Promise<AppendOutcome[]> {
    const ids = appends.flatMap(({ events }) => events.map((event) => event.id.toLowerCase()));
    if (appends.length > 1 && new Set(ids).size < ids.length) {
      const outcomes: AppendOutcome[] = [];
      for (const append of appends) outcomes.push(...(await this.appendInTransaction(client, [append])));
      return outcomes;
    }
    const streams = [...new Set(appends.map(({ stream }) => stream))];
    const found = await client.query<[number, string, number, string | null, string | null, number | null]>({
      text: this.statements.heads,
      values: [streams, ids],
      rowMode: 'array',
    });
    const heads = new Map<string, StreamHead>();
    const stored = new Map<string, StoredLocation>();
    for (const [kind, stream, revision, hash, id, position] of found.rows) {
      if (kind === 0) heads.set(stream, { revision, hash: hash as string });
      else stored.set(id as string, { id: id as string, stream, revision, position: position as number });
    }

    const recordedAt = this.clock().toISOString();
    const columns: [string[], string[], number[], string[], number[], string[], string[]] = [
      [],
      [],
      [],
      [],
      [],
      [],
      [],
    ];
    const planned: (AppendOutcome | PlannedWrite)[] = [];
    for (const { stream, events, expectedRevision } of appends) {
      const head = heads.get(stream) ?? null;
      const locations = events.flatMap((event) => stored.get(event.id.toLowerCase()) ?? []);
      const plan = planAppend(stream, events, expectedRevision, head, locations);
      if (plan.kind === 'alreadyAppended') {
        planned.push({ result: plan.result, written: false });
        continue;
      }
      const sealed = sealEvents(stream, head, events, recordedAt);
      for (const event of sealed) {
        columns[0].push(event.id.toLowerCase());
        columns[1].push(stream);
        columns[2].push(event.revision);
        columns[3].push(event.type);
        columns[4].push(event.schemaVersion);
        columns[5].push(JSON.stringify(event.data));
        columns[6].push(JSON.stringify(event.metadata));
      }
      const last = sealed[sealed.length - 1] as (typeof sealed)[number];
      heads.set(stream, { revision: last.revision, hash: last.metadata.hash });
      planned.push({ nextRevision: last.revision, lastId: last.id.toLowerCase() });
    }
    if (columns[0].length === 0) return planned as AppendOutcome[];

    const inserted = await client.query<[string, number]>({
      text: this.statements.insert,
      values: columns,
      rowMode: 'array',
    });
    const positions = new Map(inserted.rows);
    return planned.map((step) =>
      'lastId' in step
        ? { result: { nextRevision: step.nextRevision, position: positions.get(step.lastId) as number }, written: true }
        : step,
    );
  }

  private async query<R extends unknown[]>(text: string, values: unknown[]): Promise<R[]> {
    if (this.closed) throw new StoreUnavailable('The PostgreSQL event store is closed.');
    try {
      const result = await this.pool.query<R>({ text, values, rowMode: 'array' });
      return result.rows;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Lends a connection; one that failed for want of the server is discarded, not reused. */
  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailable('The PostgreSQL event store is closed.');
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toStoreError(error);
    }
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      if (toStoreError(error) instanceof StoreUnavailable) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
