import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../database/read-model-database';

const cache = new WeakMap<ReadModelDatabase, Map<string, Statement>>();

/**
 * A prepared statement per database and SQL text: projections apply millions of events during a
 * rebuild, and preparing the same INSERT for each one would dominate the time.
 */
export function statement(db: ReadModelDatabase, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}
