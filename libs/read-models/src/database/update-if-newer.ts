import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from './read-model-database';

type Row = Readonly<Record<string, unknown>>;

const cache = new WeakMap<ReadModelDatabase, Map<string, Statement>>();

/**
 * Sets columns of the row `where` names, only if `position` is newer than the position the row
 * was last changed at (kept in `positionColumn`), which then becomes `position`: applying an
 * event twice changes nothing. The statement for each table and column list is prepared once;
 * a rebuild runs one of these for nearly every event, so even building its SQL text each time
 * would show.
 */
export function updateIfNewer(
  db: ReadModelDatabase,
  table: string,
  positionColumn: string,
  where: Row,
  set: Row,
  position: number,
): void {
  const keys = Object.keys(where);
  const columns = Object.keys(set);
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map<string, Statement>()));
  const signature = `${table} ${columns.join(',')} ${keys.join(',')}`;
  let prepared = statements.get(signature);
  if (!prepared) {
    prepared = db.prepare(
      `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, ${positionColumn} = ?
       WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')} AND ${positionColumn} < ?`,
    );
    statements.set(signature, prepared);
  }
  const values: unknown[] = [];
  for (const column of columns) values.push(set[column] ?? null);
  values.push(position);
  for (const key of keys) values.push(where[key]);
  values.push(position);
  prepared.run(values);
}
