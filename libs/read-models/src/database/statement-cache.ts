import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../database/read-model-database';

const cache = new WeakMap<ReadModelDatabase, Map<string, unknown>>();

/**
 * What a projection prepares once per database and key: statements, and the memory that mirrors
 * their rows. Projections apply millions of events during a rebuild, and preparing the same
 * INSERT for each one would dominate the time. A key names the tables it is for (a generation's
 * own table names), so `forgetTables` can drop everything of a retired generation.
 */
export function cached<V>(db: ReadModelDatabase, key: string, build: () => V): V {
  let entries = cache.get(db);
  if (!entries) cache.set(db, (entries = new Map<string, unknown>()));
  if (entries.has(key)) return entries.get(key) as V;
  const value = build();
  entries.set(key, value);
  return value;
}

/** A prepared statement per database and SQL text. */
export function statement(db: ReadModelDatabase, sql: string): Statement {
  return cached(db, sql, () => db.prepare(sql));
}

/**
 * Forgets every entry whose key names one of these tables: a generation replaced by a rebuild
 * must not keep its statements and remembered rows for as long as the process runs.
 */
export function forgetTables(db: ReadModelDatabase, tables: readonly string[]): void {
  const entries = cache.get(db);
  if (!entries) return;
  for (const key of [...entries.keys()]) {
    if (tables.some((table) => key.includes(table))) entries.delete(key);
  }
}
