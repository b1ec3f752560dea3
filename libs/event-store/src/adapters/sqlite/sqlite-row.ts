import type { RecordedEvent, StoredMetadata } from '../../port/envelope';
import type { JsonObject } from '../../port/json';

/** The column list every read selects, in the order `decodeRow` expects (statements run in raw mode). */
export const EVENT_COLUMNS = 'position, id, stream, revision, type, schema_version, data, metadata';

export type EventRow = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
];

/**
 * Rows arrive as arrays (raw mode) and become one object literal of a fixed shape: reads are
 * benchmarked against bare better-sqlite3, so nothing beyond the two JSON.parse calls is added.
 */
export function decodeRow(row: EventRow): RecordedEvent {
  return {
    id: row[1],
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]) as JsonObject,
    metadata: JSON.parse(row[7]) as StoredMetadata,
    stream: row[2],
    revision: row[3],
    position: row[0],
  };
}

export function decodeRows(rows: readonly EventRow[]): RecordedEvent[] {
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i += 1) events[i] = decodeRow(rows[i] as EventRow);
  return events;
}
