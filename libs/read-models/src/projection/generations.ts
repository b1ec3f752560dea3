import type { ReadModelDatabase } from '../database/read-model-database';
import { forgetTables, statement } from '../database/statement-cache';
import { busyBackoff, writeNow, WRITE_LOCK_BUSY } from '../database/write-now';
import { tablesOf, type SqlProjection, type Tables } from './projection';

export interface Generation {
  readonly name: string;
  readonly generation: number;
  readonly version: number;
  readonly state: 'building' | 'live' | 'retired';
  readonly position: number | null;
  /** The event at `position`, where the checkpoint stands (null before any, or in files older than this field). */
  readonly checkpoint?: CheckpointEvent | null;
}

/** Which event a checkpoint stands on: enough to find it in the store again and tell it is the same one. */
export interface CheckpointEvent {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
}

interface GenerationRow {
  name: string;
  generation: number;
  version: number;
  state: Generation['state'];
  position: number | null;
  event_id: string | null;
  event_stream: string | null;
  event_revision: number | null;
}

const COLUMNS = 'name, generation, version, state, position, event_id, event_stream, event_revision';

function generationOf(row: GenerationRow): Generation {
  const { event_id: id, event_stream: stream, event_revision: revision, ...generation } = row;
  const checkpoint =
    row.position !== null && id !== null && stream !== null && revision !== null
      ? { position: row.position, id, stream, revision }
      : null;
  return { ...generation, checkpoint };
}

export function liveGeneration(db: ReadModelDatabase, name: string): Generation | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM projection_generations WHERE name = ? AND state = 'live'`)
    .get(name) as GenerationRow | undefined;
  return row ? generationOf(row) : null;
}

/**
 * The generation a runner should feed: the live one when its version matches the code;
 * otherwise a building one of this version (a rebuild interrupted by a crash resumes), or a
 * new one. `fresh` forces a new generation even when the live one is current (operator rebuild).
 */
export function generationToFeed(
  db: ReadModelDatabase,
  projection: SqlProjection,
  fresh = false,
  now = new Date(),
): Generation {
  const live = liveGeneration(db, projection.name);
  if (live && live.version === projection.version && !fresh) return live;
  const building = db
    .prepare(
      `SELECT ${COLUMNS} FROM projection_generations
       WHERE name = ? AND state = 'building' AND version = ? ORDER BY generation DESC LIMIT 1`,
    )
    .get(projection.name, projection.version) as GenerationRow | undefined;
  if (building && !fresh) return generationOf(building);
  const { next } = db
    .prepare(`SELECT COALESCE(MAX(generation), 0) + 1 AS next FROM projection_generations WHERE name = ?`)
    .get(projection.name) as { next: number };
  const generation: Generation = {
    name: projection.name,
    generation: next,
    version: projection.version,
    state: 'building',
    position: null,
    checkpoint: null,
  };
  db.prepare(
    `INSERT INTO projection_generations (name, generation, version, state, position, updated_at) VALUES (?, ?, ?, 'building', NULL, ?)`,
  ).run(projection.name, next, projection.version, now.toISOString());
  return generation;
}

/** Whether a generation is still being fed (live or building), not retired by a rebuild. */
export function isFed(db: ReadModelDatabase, generation: Generation): boolean {
  // Asked on every commit of a live runner: the statement is prepared once.
  const row = statement(db, `SELECT state FROM projection_generations WHERE name = ? AND generation = ?`).get(
    generation.name,
    generation.generation,
  ) as { state: Generation['state'] } | undefined;
  return row !== undefined && row.state !== 'retired';
}

/**
 * Records the last event applied: its position and which event that is, so a later start can
 * tell whether the store still holds it (a replaced or restored store may not; checkpoint-check.ts).
 */
export function saveCheckpoint(
  db: ReadModelDatabase,
  generation: Generation,
  event: { readonly position: number; readonly id: string; readonly stream: string; readonly revision: number },
  now = new Date(),
): void {
  statement(
    db,
    `UPDATE projection_generations SET position = ?, event_id = ?, event_stream = ?, event_revision = ?, updated_at = ?
     WHERE name = ? AND generation = ?`,
  ).run(
    event.position,
    event.id,
    event.stream,
    event.revision,
    now.toISOString(),
    generation.name,
    generation.generation,
  );
}

/**
 * Takes a generation out of service at once, views included, because its rows came from events
 * the store no longer holds: nothing may read them while a new generation is built.
 */
export function withdrawGeneration(db: ReadModelDatabase, projection: SqlProjection, generation: Generation): void {
  const tables = tablesOf(projection, generation.generation);
  db.transaction(() => {
    db.prepare(`UPDATE projection_generations SET state = 'retired' WHERE name = ? AND generation = ?`).run(
      projection.name,
      generation.generation,
    );
    if (generation.state === 'live') for (const table of projection.tables) db.exec(`DROP VIEW IF EXISTS ${table}`);
    for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${tables[table]}`);
  })();
  forgetGeneration(db, projection, generation.generation);
}

/**
 * Makes a caught-up generation the live one: builds its query-only indexes, then promotes it.
 */
export function goLive(db: ReadModelDatabase, projection: SqlProjection, generation: Generation): void {
  projection.createIndexes?.(db, tablesOf(projection, generation.generation));
  promoteGeneration(db, projection, generation);
}

/**
 * `goLive` for a process that serves requests while it runs the workers: the indexes are built
 * by `exec` on another connection (ReadModelMaintenance: a worker thread), and the switch-over
 * waits for the write lock without blocking the event loop.
 */
export async function goLiveInBackground(
  db: ReadModelDatabase,
  projection: SqlProjection,
  generation: Generation,
  exec: (sql: string) => Promise<void>,
): Promise<void> {
  const sql = indexStatements(projection, tablesOf(projection, generation.generation));
  if (sql === null) projection.createIndexes?.(db, tablesOf(projection, generation.generation));
  else if (sql !== '') await exec(sql);
  for (let attempt = 0; writeNow(db, () => promoteGeneration(db, projection, generation)) === WRITE_LOCK_BUSY;) {
    await busyBackoff(attempt);
    attempt += 1;
  }
}

/**
 * The statements a projection's `createIndexes` runs, captured rather than run, so another
 * connection can run them; null when it does more than `exec` SQL.
 */
function indexStatements(projection: SqlProjection, tables: Tables<string>): string | null {
  const statements: string[] = [];
  const recorder = {
    exec(sql: string) {
      statements.push(sql);
      return recorder;
    },
  };
  try {
    projection.createIndexes?.(recorder as unknown as ReadModelDatabase, tables);
  } catch {
    return null;
  }
  return statements.join(';\n');
}

/**
 * Points the stable views at a caught-up generation and retires the previous one, in one
 * transaction: readers see either the old tables or the new ones, never a mix. Generations left
 * building by an interrupted rebuild are retired and dropped too.
 */
export function promoteGeneration(db: ReadModelDatabase, projection: SqlProjection, generation: Generation): void {
  const tables = tablesOf(projection, generation.generation);
  const previous = liveGeneration(db, projection.name);
  const abandoned = db
    .prepare(`SELECT generation FROM projection_generations WHERE name = ? AND state = 'building' AND generation != ?`)
    .pluck()
    .all(projection.name, generation.generation) as number[];
  db.transaction(() => {
    for (const table of projection.tables) {
      db.exec(`DROP VIEW IF EXISTS ${table}`);
      db.exec(`CREATE VIEW ${table} AS SELECT ${projection.viewColumns?.(table) ?? '*'} FROM ${tables[table]}`);
    }
    db.prepare(`UPDATE projection_generations SET state = 'retired' WHERE name = ? AND state = 'live'`).run(
      projection.name,
    );
    db.prepare(`UPDATE projection_generations SET state = 'live' WHERE name = ? AND generation = ?`).run(
      projection.name,
      generation.generation,
    );
    const replaced = [
      ...abandoned,
      ...(previous && previous.generation !== generation.generation ? [previous.generation] : []),
    ];
    for (const number of abandoned) {
      db.prepare(`UPDATE projection_generations SET state = 'retired' WHERE name = ? AND generation = ?`).run(
        projection.name,
        number,
      );
    }
    for (const number of replaced) {
      const old = tablesOf(projection, number);
      for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${old[table]}`);
    }
    for (const number of replaced) forgetGeneration(db, projection, number);
  })();
}

/** Drops what this process prepared and remembered for a generation's tables, once it is retired. */
export function forgetGeneration(db: ReadModelDatabase, projection: SqlProjection, generation: number): void {
  forgetTables(db, Object.values(tablesOf(projection, generation)));
}
