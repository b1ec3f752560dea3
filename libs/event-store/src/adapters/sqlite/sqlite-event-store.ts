import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteDatabase } from './sqlite-driver';
import { assertWellFormed, planAppend, type StoredLocation } from '../../append/plan-append';
import { sealEvents } from '../../chain/hash-chain';
import { systemClock, type Clock } from '../../port/clock';
import type { NewEvent, RecordedEvent } from '../../port/envelope';
import {
  EventStoreError,
  StorageFault,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
} from '../../port/errors';
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
import type { ExpectedRevision } from '../../port/expected-revision';
import { catchUpSubscription } from '../../subscription/catch-up-subscription';
import { notifyFileAppended, onFileAppended } from './sqlite-append-signal';
import { eventStoreFile, isUniqueViolation, toStoreError } from './sqlite-errors';
import { ensureDirectoryOf, openFault } from './sqlite-faults';
import { decodeRows } from './sqlite-row';
import { applyPragmas, migrate, type SqliteSynchronous } from './sqlite-schema';
import { prepareStatements, type SqliteStatements } from './sqlite-statements';
import { probeWrite } from './sqlite-write-probe';

export interface SqliteEventStoreOptions {
  readonly file: string;
  /** `FULL` (default) fsyncs every commit, so a returned append survives a power cut. */
  readonly synchronous?: SqliteSynchronous;
  /** How often subscriptions look for appends made by other processes. */
  readonly pollIntervalMs?: number;
  readonly clock?: Clock;
}

/** SQLite's LIMIT for "no limit". */
const UNLIMITED = -1;

interface AppendOutcome {
  readonly result: AppendResult;
  readonly written: boolean;
}

/** An append waiting for the next group commit, with the caller's promise to settle. */
interface QueuedAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Each queued append's own outcome inside the shared transaction: recorded, or refused alone. */
type GroupOutcome = { readonly outcome: AppendOutcome } | { readonly refused: unknown };

/**
 * The embedded event store: one SQLite file in WAL mode that several processes may share.
 * better-sqlite3 is synchronous, so each call runs to completion before the next; appends from
 * other processes are serialised by SQLite's write lock (`BEGIN IMMEDIATE` plus busy_timeout).
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly statements: SqliteStatements;
  private readonly appendTransaction: Database.Transaction<
    (stream: string, events: readonly NewEvent[], expected: ExpectedRevision) => AppendOutcome
  >;
  private readonly appendManyTransaction: Database.Transaction<(appends: readonly StreamAppend[]) => AppendOutcome[]>;
  private readonly groupTransaction: Database.Transaction<(queued: readonly QueuedAppend[]) => GroupOutcome[]>;
  /** Appends that arrived since the last group commit began; written together on the next turn. */
  private queued: QueuedAppend[] = [];
  private readonly commits = { transactions: 0, appends: 0 };
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  /**
   * The last write failed for a storage fault and none has succeeded since: each ping then probes
   * a write, so readiness keeps an instance whose disk is full or read-only out of service.
   */
  private writeFault = false;

  private constructor(
    private readonly db: Database.Database,
    /** The real path, so every instance on the same file shares one append signal. */
    private readonly file: string,
    private readonly pollIntervalMs: number,
    private readonly clock: Clock,
  ) {
    this.statements = prepareStatements(db);
    this.appendTransaction = db.transaction((stream, events, expected) =>
      this.appendInTransaction(stream, events, expected),
    );
    this.appendManyTransaction = db.transaction((appends) =>
      appends.map(({ stream, events, expectedRevision }) => this.appendInTransaction(stream, events, expectedRevision)),
    );
    // Inside the group's transaction each append runs in its own savepoint (better-sqlite3 nests
    // a transaction function called within another as one), so a refused append is undone alone.
    this.groupTransaction = db.transaction((queued) =>
      queued.map(({ stream, events, expected }): GroupOutcome => {
        try {
          return { outcome: this.appendTransaction(stream, events, expected) };
        } catch (error) {
          // The head was read under the write lock, so a duplicate (stream, revision) means a
          // writer this process cannot see got in first; reported the way a stale head is.
          if (isUniqueViolation(error)) {
            return { refused: new WrongExpectedRevision(stream, expected, headStatementOf(this.statements, stream)) };
          }
          // The store's own refusals are this append's alone; anything else (a full disk, a
          // damaged page) fails the whole transaction, and every append in it.
          if (error instanceof EventStoreError) return { refused: error };
          throw error;
        }
      }),
    );
  }

  /**
   * Opens (creating if need be) the file. A directory that cannot be created, a file this process
   * may not write, one that is not a database or is damaged, each throws a StorageFault whose
   * message names the file and says what is wrong.
   */
  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const file = resolve(options.file);
    ensureDirectoryOf(eventStoreFile(file));
    let db: Database.Database;
    try {
      db = new SqliteDatabase(file);
    } catch (error) {
      throw openFault(error, eventStoreFile(file)) ?? toStoreError(error, file, 'open');
    }
    try {
      applyPragmas(db, options.synchronous ?? 'FULL');
      // Migrating writes the schema version even when current: a read-only file is refused here.
      migrate(db);
      const store = new SqliteEventStore(
        db,
        realpathSync(file),
        options.pollIntervalMs ?? 200,
        options.clock ?? systemClock,
      );
      // Reads the newest row: a truncated file, or one whose last pages are damaged, is refused now.
      store.statements.headPosition.get();
      return store;
    } catch (error) {
      db.close();
      throw openFault(error, eventStoreFile(file)) ?? toStoreError(error, file, 'open');
    }
  }

  /**
   * Group commit: appends that arrive while the event loop is busy (concurrent commands, each
   * awaiting its own reads) are written together on the next turn, in one transaction and one
   * fsync, each in its own savepoint — its expected revision checked, its idempotency and hash
   * chain kept — and each caller answered with its own result or refusal only once the shared
   * commit is on disk. Durability is unchanged; a lone append waits one turn of the loop.
   */
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      if (this.closed) throw new StoreUnavailable(`The SQLite event store ${this.file} is closed.`);
      // Checked before queueing: a malformed append needs no data to refuse.
      assertWellFormed(stream, events);
    } catch (error) {
      return Promise.reject(toStoreError(error, this.file, 'append'));
    }
    return new Promise((resolve, reject) => {
      this.queued.push({ stream, events, expected: options.expectedRevision, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitGroup());
    });
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.settle(() => this.appendManyNow(appends), 'append');
  }

  streamRevisions(streams: readonly string[]): Promise<Map<string, number>> {
    return this.settle(() => {
      const revisions = new Map<string, number>();
      for (const stream of streams) {
        const head = this.statements.head.get(stream);
        if (head !== undefined) revisions.set(stream, head.revision);
      }
      return revisions;
    });
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.settle(() => {
      const limit = options.maxCount ?? UNLIMITED;
      const rows =
        options.direction === 'backwards'
          ? this.statements.readBackwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
          : this.statements.readForwards.all(stream, options.fromRevision ?? 0, limit);
      // An empty window of an existing stream is an answer, not a missing stream.
      if (rows.length === 0 && this.statements.head.get(stream) === undefined) throw new StreamNotFound(stream);
      return decodeRows(rows);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.settle(() =>
      decodeRows(this.statements.readAll.all(options.fromPosition ?? 0, options.maxCount ?? UNLIMITED)),
    );
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const subscription: Subscription = catchUpSubscription(
      {
        readAll: (page) => this.readAll(page),
        onAppended: (listener) => {
          const off = onFileAppended(this.file, listener);
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

  headPosition(): Promise<number | null> {
    return this.settle(() => this.statements.headPosition.get()?.position ?? null);
  }

  /**
   * Answers while the connection does. After a write failed for a storage fault, it also proves
   * the file takes a write again (a small probe that leaves no trace): a success clears the
   * fault, so readiness recovers once an operator has freed space, without waiting for a client
   * to send a write to an instance that readiness keeps out of service. Only the probe is a
   * write: a failing read is reported as one and leaves the remembered state as it was.
   */
  async ping(): Promise<void> {
    await this.settle(() => this.statements.ping.get());
    if (!this.writeFault) return;
    await this.settle(() => {
      probeWrite(this.db);
      this.writeFault = false;
    }, 'write');
  }

  /** Group commits so far in this process: transactions written, and the single appends they carried. */
  groupCommits(): { readonly transactions: number; readonly appends: number } {
    return { ...this.commits };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  /** Writes every queued append in one transaction; a fault of the transaction itself fails them all. */
  private commitGroup(): void {
    const group = this.queued;
    this.queued = [];
    let outcomes: GroupOutcome[];
    try {
      if (this.closed) throw new StoreUnavailable(`The SQLite event store ${this.file} is closed.`);
      outcomes = this.groupTransaction.immediate(group);
      this.commits.transactions += 1;
      this.commits.appends += group.length;
    } catch (error) {
      const mapped = toStoreError(error, this.file, 'append');
      if (mapped instanceof StorageFault) this.writeFault = true;
      for (const append of group) append.reject(mapped);
      return;
    }
    // Only a write that reached the file proves it writable; a recognised retry wrote nothing.
    if (outcomes.some((entry) => 'outcome' in entry && entry.outcome.written)) {
      this.writeFault = false;
      notifyFileAppended(this.file);
    }
    outcomes.forEach((entry, index) => {
      const append = group[index] as QueuedAppend;
      if ('outcome' in entry) append.resolve(entry.outcome.result);
      else append.reject(toStoreError(entry.refused, this.file, 'append'));
    });
  }

  private appendManyNow(appends: readonly StreamAppend[]): AppendResult[] {
    for (const { stream, events } of appends) assertWellFormed(stream, events);
    if (appends.length === 0) return [];
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.appendManyTransaction.immediate(appends);
    } catch (error) {
      if (isUniqueViolation(error)) {
        // Which append met the unseen writer is not known; report the first as `append` would.
        const { stream, expectedRevision } = appends[0] as StreamAppend;
        throw new WrongExpectedRevision(stream, expectedRevision, headStatementOf(this.statements, stream));
      }
      throw error;
    }
    if (outcomes.some((outcome) => outcome.written)) {
      this.writeFault = false;
      notifyFileAppended(this.file);
    }
    return outcomes.map((outcome) => outcome.result);
  }

  private appendInTransaction(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendOutcome {
    const { head: headStatement, insert } = this.statements;
    const head = headStatement.get(stream) ?? null;
    const plan = planAppend(stream, events, expected, head, this.findStored(events));
    if (plan.kind === 'alreadyAppended') return { result: plan.result, written: false };

    const sealed = sealEvents(stream, head, events, this.clock().toISOString());
    let position = 0;
    for (const event of sealed) {
      const { lastInsertRowid } = insert.run(
        event.id.toLowerCase(),
        stream,
        event.revision,
        event.type,
        event.schemaVersion,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      position = Number(lastInsertRowid);
    }
    const last = sealed[sealed.length - 1] as (typeof sealed)[number];
    return { result: { nextRevision: last.revision, position }, written: true };
  }

  private findStored(events: readonly NewEvent[]): StoredLocation[] {
    if (events.length === 1) {
      const found = this.statements.findId.get((events[0] as NewEvent).id.toLowerCase());
      return found ? [found] : [];
    }
    return this.statements.findIds.all(JSON.stringify(events.map((event) => event.id.toLowerCase())));
  }

  /**
   * Runs a synchronous driver call as the port's promise, with driver errors mapped. A storage
   * fault met while writing is remembered for readiness. SQLite has rolled the transaction back
   * (better-sqlite3 rolls back whatever SQLite left open), so nothing of a failed append stays.
   */
  private settle<T>(work: () => T, action: 'read' | 'append' | 'write' = 'read'): Promise<T> {
    try {
      if (this.closed) throw new StoreUnavailable(`The SQLite event store ${this.file} is closed.`);
      return Promise.resolve(work());
    } catch (error) {
      const mapped = toStoreError(error, this.file, action);
      if (mapped instanceof StorageFault && action !== 'read') this.writeFault = true;
      return Promise.reject(mapped);
    }
  }
}

/** A stream's head revision as the file has it now, for a refusal's "actual" revision. */
const headStatementOf = (statements: SqliteStatements, stream: string): number | null =>
  statements.head.get(stream)?.revision ?? null;
