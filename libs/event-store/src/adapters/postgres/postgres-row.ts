import type { RecordedEvent, StoredMetadata } from '../../port/envelope';
import type { JsonObject } from '../../port/json';

/** The column list every read selects, in the order `decodeRow` expects (queries run in array mode). */
export const EVENT_COLUMNS = 'position, id, stream, revision, type, schema_version, data, metadata';

/** A row as node-postgres hands it over: BIGINTs as numbers (see the pool's type parsers), JSON parsed. */
export type EventRow = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: JsonObject,
  metadata: StoredMetadata,
];

export function decodeRows(rows: readonly EventRow[]): RecordedEvent[] {
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as EventRow;
    events[i] = {
      id: row[1],
      type: row[4],
      schemaVersion: row[5],
      data: row[6],
      metadata: row[7],
      stream: row[2],
      revision: row[3],
      position: row[0],
    };
  }
  return events;
}
