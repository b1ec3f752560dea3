import type { Database, Statement } from 'better-sqlite3';
import type { StoredLocation, StreamHead } from '../../append/plan-append';
import { EVENT_COLUMNS, type EventRow } from './sqlite-row';

/** Every statement the store runs, prepared once per connection. */
export interface SqliteStatements {
  readonly head: Statement<[stream: string], StreamHead>;
  readonly findId: Statement<[id: string], StoredLocation>;
  /** Takes the ids as one JSON array, so a batch of any size needs a single statement. */
  readonly findIds: Statement<[idsJson: string], StoredLocation>;
  readonly insert: Statement<
    [id: string, stream: string, revision: number, type: string, schemaVersion: number, data: string, metadata: string]
  >;
  readonly readForwards: Statement<[stream: string, fromRevision: number, limit: number], EventRow>;
  readonly readBackwards: Statement<[stream: string, fromRevision: number, limit: number], EventRow>;
  readonly readAll: Statement<[afterPosition: number, limit: number], EventRow>;
  readonly ping: Statement<[], unknown>;
  readonly headPosition: Statement<[], { position: number | null }>;
}

export function prepareStatements(db: Database): SqliteStatements {
  return {
    // The chain link is read from the stored metadata rather than kept in a second column.
    head: db.prepare(
      `SELECT revision, json_extract(metadata, '$.hash') AS hash
         FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`,
    ),
    findId: db.prepare('SELECT id, stream, revision, position FROM events WHERE id = ?'),
    findIds: db.prepare(
      'SELECT id, stream, revision, position FROM events WHERE id IN (SELECT value FROM json_each(?))',
    ),
    insert: db.prepare(
      `INSERT INTO events (id, stream, revision, type, schema_version, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    readForwards: db
      .prepare<[string, number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true),
    readBackwards: db
      .prepare<[string, number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true),
    readAll: db
      .prepare<[number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .raw(true),
    ping: db.prepare('SELECT 1'),
    headPosition: db.prepare('SELECT MAX(position) AS position FROM events'),
  };
}
