/**
 * The SQLite adapter against bare better-sqlite3 doing the same work, in the same run, on the
 * same disk. Each case alternates baseline and adapter rounds on fresh files and reports the
 * medians, because this 2-core machine is noisy. Writes bench/results/store.json.
 *
 *   npm run bench:store
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteDatabase } from '../libs/event-store/src/adapters/sqlite/sqlite-driver';
import { GENESIS_HASH } from '../libs/event-store/src/chain/hash-chain';
import type { NewEvent, RecordedEvent, StoredMetadata } from '../libs/event-store/src/port/envelope';
import type { JsonObject } from '../libs/event-store/src/port/json';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { MIGRATIONS } from '../libs/event-store/src/adapters/sqlite/sqlite-schema';

const TMP = join(__dirname, 'tmp', `store-${process.pid}`);
const RESULT_FILE = join(__dirname, 'results', 'store.json');
const STREAMS = 100;
const SINGLE_EVENTS = 3_000;
const BATCH_SIZE = 100;
const BATCH_EVENTS = 100_000;
const READ_PAGE = 1_000;
/** The page size catch-up subscriptions use (subscription/catch-up-subscription.ts). */
const SUBSCRIPTION_PAGE = 512;

const NOTES = [
  "Every append round uses fresh files in bench/tmp with the same pragmas (WAL, synchronous=FULL, busy_timeout=5000) and the adapter's own table definition.",
  'Append rounds run both sides in lockstep on two fresh files (a chunk of calls on one side, the same chunk on the other, order flipped each chunk) because fsync latency on this disk swings several-fold within seconds; read rounds alternate whole passes. One untimed warm-up round, then value and baseline are medians over the measured rounds.',
  `Events carry ~300 bytes of JSON data and full metadata; ${STREAMS} streams; append_single ${SINGLE_EVENTS} appends x 5 rounds, append_batch_100 ${BATCH_EVENTS} events x 3 rounds, reads ${BATCH_EVENTS} events x 5 rounds.`,
  'append_* baseline: one BEGIN IMMEDIATE transaction per call that reads the stream head (revision + json_extract of the hash) and looks the ids up with plain prepared SELECTs, checks the expected revision, computes a SHA-256 chain hash per event over prevHash + JSON.stringify of the event, and inserts rows with a prepared INSERT. Hashing is included because an event store with a tamper-evident chain cannot skip it; the adapter differs by hashing canonical (key-sorted) JSON (the shared chain/ code), by validating and lower-casing ids, and by returning promises.',
  `read_all baseline: prepared SELECT ... WHERE position > ? ORDER BY position LIMIT ${READ_PAGE}, .all(), JSON.parse of data and metadata into each row object. The adapter does readAll({ fromPosition, maxCount: ${READ_PAGE} }), which reads rows in raw (array) mode and builds one fixed-shape object per event; that is why it can beat the plain-object baseline.`,
  `subscription_catch_up baseline: the same raw paged read with pages of ${SUBSCRIPTION_PAGE} (the subscription's page size); the adapter iterates subscribeToAll() until caughtUp.`,
].join(' ');

// ---------- workload ----------

function makeEvent(index: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'BallotRecorded',
    schemaVersion: 1,
    data: {
      ballotId: randomUUID(),
      electionId: randomUUID(),
      branchId: `branch-${String(index % STREAMS).padStart(4, '0')}`,
      branchName: '永安社区离退休干部第一党支部',
      candidateIds: [randomUUID(), randomUUID()],
      round: 1 + (index % 3),
      valid: true,
      castAt: '2023-03-01T09:15:00.000Z',
      note: 'Recorded at polling station 3 by the scrutineer on duty.',
    },
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { id: randomUUID(), name: '李全爱', role: 'scrutineer' },
      occurredAt: '2023-03-01T09:15:00.000Z',
      policyVersion: 'election-rules/2023.1',
    },
  };
}

/** The appends a case performs: which stream, which events, and the revision to expect. */
interface AppendCall {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: number | 'noStream';
}

function plan(total: number, perCall: number): AppendCall[] {
  const events = Array.from({ length: total }, (_, i) => makeEvent(i));
  const heads = new Map<string, number>();
  const calls: AppendCall[] = [];
  for (let start = 0, call = 0; start < total; start += perCall, call += 1) {
    const stream = `election-${call % STREAMS}`;
    const head = heads.get(stream);
    calls.push({ stream, events: events.slice(start, start + perCall), expected: head ?? 'noStream' });
    heads.set(stream, (head ?? -1) + perCall);
  }
  return calls;
}

// ---------- raw better-sqlite3 baseline ----------

function openRaw(file: string): Database.Database {
  const db = new SqliteDatabase(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

function rawAppender(db: Database.Database): (call: AppendCall) => number {
  for (const step of MIGRATIONS) db.exec(step);
  const head = db.prepare<[string], { revision: number; hash: string }>(
    `SELECT revision, json_extract(metadata, '$.hash') AS hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`,
  );
  const findId = db.prepare<[string], { id: string }>('SELECT id FROM events WHERE id = ?');
  const findIds = db.prepare<[string], { id: string }>(
    'SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?))',
  );
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const append = db.transaction((call: AppendCall): number => {
    const last = head.get(call.stream);
    const found =
      call.events.length === 1
        ? findId.all((call.events[0] as NewEvent).id)
        : findIds.all(JSON.stringify(call.events.map((e) => e.id)));
    if (found.length > 0 || (last?.revision ?? 'noStream') !== call.expected) throw new Error('unexpected conflict');
    const recordedAt = new Date().toISOString();
    let prevHash = last?.hash ?? GENESIS_HASH;
    let revision = last?.revision ?? -1;
    let position = 0;
    for (const event of call.events) {
      revision += 1;
      const metadata = { ...event.metadata, recordedAt, prevHash };
      const content = {
        id: event.id,
        stream: call.stream,
        revision,
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata,
      };
      const hash = createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(content)).digest('hex');
      const row = insert.run(
        event.id,
        call.stream,
        revision,
        event.type,
        event.schemaVersion,
        JSON.stringify(event.data),
        JSON.stringify({ ...metadata, hash }),
      );
      position = Number(row.lastInsertRowid);
      prevHash = hash;
    }
    return position;
  });
  return (call) => append.immediate(call);
}

interface RawRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string | JsonObject;
  metadata: string | StoredMetadata;
}

/** Reads the whole log in pages, decoding like a caller would; returns the event count. */
function rawReadAll(db: Database.Database, page: number): number {
  const select = db.prepare<[number, number], RawRow>(
    'SELECT position, id, stream, revision, type, schema_version, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = select.all(after, page);
    for (const row of rows) {
      row.data = JSON.parse(row.data as string) as JsonObject;
      row.metadata = JSON.parse(row.metadata as string) as StoredMetadata;
    }
    count += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < page) return count;
    after = last.position;
  }
}

// ---------- adapter ----------

async function adapterAppend(store: SqliteEventStore, calls: readonly AppendCall[]): Promise<void> {
  for (const call of calls) await store.append(call.stream, call.events, { expectedRevision: call.expected });
}

async function adapterReadAll(store: SqliteEventStore): Promise<number> {
  let count = 0;
  let after: number | undefined;
  for (;;) {
    const events: RecordedEvent[] = await store.readAll({ fromPosition: after, maxCount: READ_PAGE });
    // The adapter parses metadata when first read; the baseline parses it for every row.
    for (const event of events) if (event.metadata.hash) count += 1;
    const last = events[events.length - 1];
    if (!last || events.length < READ_PAGE) return count;
    after = last.position;
  }
}

async function adapterCatchUp(store: SqliteEventStore): Promise<number> {
  const subscription = store.subscribeToAll();
  let count = 0;
  try {
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
      if (message.event.metadata.hash) count += 1;
    }
  } finally {
    await subscription.close();
  }
  return count;
}

// ---------- harness ----------

let fileCounter = 0;
function freshFile(label: string): string {
  fileCounter += 1;
  return join(TMP, `${label}-${fileCounter}.sqlite`);
}

/** Rounds write up to ~100 MB each; drop a file as soon as its round is measured. */
function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function now(): bigint {
  return process.hrtime.bigint();
}

/** One round's throughput for each side, in events per second. */
interface RoundRates {
  readonly baseline: number;
  readonly adapter: number;
}

interface Metric {
  readonly value: number;
  readonly unit: 'events/s';
  readonly baseline: number;
  readonly ratio: number;
}

/** An untimed warm-up round, then `rounds` measured ones; reports the medians. */
async function compare(name: string, rounds: number, round: (index: number) => Promise<RoundRates>): Promise<Metric> {
  await round(0);
  const base: number[] = [];
  const ours: number[] = [];
  for (let index = 1; index <= rounds; index += 1) {
    const rates = await round(index);
    base.push(rates.baseline);
    ours.push(rates.adapter);
  }
  const value = Math.round(median(ours));
  const baselineValue = Math.round(median(base));
  const ratio = Math.round((value / baselineValue) * 100) / 100;
  process.stdout.write(
    `${name.padEnd(22)} adapter ${String(value).padStart(8)} ev/s  baseline ${String(baselineValue).padStart(8)} ev/s  ratio ${ratio}\n`,
  );
  return { value, unit: 'events/s', baseline: baselineValue, ratio };
}

/**
 * Fsync latency on this disk swings several-fold within seconds, so the two sides write to
 * their own fresh files in lockstep: a chunk of calls on one, the same chunk on the other, the
 * order flipped every chunk. Both then see the same disk weather.
 */
async function appendRound(calls: readonly AppendCall[], events: number, chunk: number): Promise<RoundRates> {
  const rawFile = freshFile('raw-append');
  const adapterFile = freshFile('adapter-append');
  const db = openRaw(rawFile);
  const rawAppend = rawAppender(db);
  const store = SqliteEventStore.open({ file: adapterFile, synchronous: 'FULL' });
  let rawNs = 0n;
  let adapterNs = 0n;
  const runRaw = (slice: readonly AppendCall[]): void => {
    const started = now();
    for (const call of slice) rawAppend(call);
    rawNs += now() - started;
  };
  const runAdapter = async (slice: readonly AppendCall[]): Promise<void> => {
    const started = now();
    await adapterAppend(store, slice);
    adapterNs += now() - started;
  };
  try {
    for (let start = 0, index = 0; start < calls.length; start += chunk, index += 1) {
      const slice = calls.slice(start, start + chunk);
      if (index % 2 === 0) {
        runRaw(slice);
        await runAdapter(slice);
      } else {
        await runAdapter(slice);
        runRaw(slice);
      }
    }
  } finally {
    db.close();
    await store.close();
    removeDatabase(rawFile);
    removeDatabase(adapterFile);
  }
  return { baseline: events / (Number(rawNs) / 1e9), adapter: events / (Number(adapterNs) / 1e9) };
}

async function rate(events: number, run: () => number | Promise<number>): Promise<number> {
  const started = now();
  const counted = await run();
  const seconds = Number(now() - started) / 1e9;
  if (counted !== events) throw new Error(`expected ${events} events, got ${counted}`);
  return events / seconds;
}

/** Reads need no disk writes, so whole passes alternate, the order flipped every round. */
async function readRound(
  index: number,
  events: number,
  baseline: () => number,
  adapter: () => Promise<number>,
): Promise<RoundRates> {
  if (index % 2 === 0) {
    const baselineRate = await rate(events, baseline);
    return { baseline: baselineRate, adapter: await rate(events, adapter) };
  }
  const adapterRate = await rate(events, adapter);
  return { baseline: await rate(events, baseline), adapter: adapterRate };
}

async function main(): Promise<void> {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  try {
    const metrics: Record<string, Metric> = {};

    const single = plan(SINGLE_EVENTS, 1);
    metrics.append_single = await compare('append_single', 5, () => appendRound(single, SINGLE_EVENTS, 50));

    const batch = plan(BATCH_EVENTS, BATCH_SIZE);
    metrics.append_batch_100 = await compare('append_batch_100', 3, () => appendRound(batch, BATCH_EVENTS, 10));

    // Both readers read one file the adapter wrote, so rows are byte-for-byte the same.
    const readFile = freshFile('read');
    const writer = SqliteEventStore.open({ file: readFile });
    await adapterAppend(writer, batch);
    await writer.close();
    const raw = openRaw(readFile);
    const store = SqliteEventStore.open({ file: readFile });
    try {
      metrics.read_all = await compare('read_all', 5, (index) =>
        readRound(
          index,
          BATCH_EVENTS,
          () => rawReadAll(raw, READ_PAGE),
          () => adapterReadAll(store),
        ),
      );
      metrics.subscription_catch_up = await compare('subscription_catch_up', 5, (index) =>
        readRound(
          index,
          BATCH_EVENTS,
          () => rawReadAll(raw, SUBSCRIPTION_PAGE),
          () => adapterCatchUp(store),
        ),
      );
    } finally {
      raw.close();
      await store.close();
    }

    const result = { bench: 'store', at: new Date().toISOString(), node: process.version, metrics, notes: NOTES };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`wrote ${RESULT_FILE}\n`);
  } finally {
    rmSync(TMP, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
