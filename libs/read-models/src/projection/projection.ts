import type { RecordedEvent } from '@app/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';

/**
 * The physical table names of one generation of a projection. Each generation has its own
 * tables (`<name>_g<generation>_<table>`), so a rebuild fills new tables beside the live ones;
 * stable views named `<table>` point at the live generation and are switched in one transaction.
 */
export type Tables<T extends string> = { readonly [K in T]: string };

/**
 * A read model kept by applying events, synchronously, inside the runner's transaction. It sees
 * every event (no subscription filter), so its checkpoint always tracks the store's head and a
 * command handler can wait for "everything up to position P" whatever P's event was; `apply`
 * ignores the types it does not need.
 * `apply` must be idempotent by position: applying an event it has already applied changes
 * nothing (the runner's checkpoint normally prevents that; tests check it anyway).
 */
export interface SqlProjection<T extends string = string> {
  readonly name: string;
  /** Bump when the tables or the way events are applied change: the new version is rebuilt beside the old. */
  readonly version: number;
  /** The logical table names; each becomes a physical table and a view. */
  readonly tables: readonly T[];
  /**
   * Creates the version's tables, with the keys `apply` looks rows up by (must be re-runnable:
   * IF NOT EXISTS).
   */
  createTables(db: ReadModelDatabase, tables: Tables<T>): void;
  /**
   * Creates the indexes only queries use (re-runnable). A rebuilt generation gets them once it
   * has caught up, just before it goes live: sorting millions of rows once is far cheaper than
   * inserting every row into every index in random order, and nobody queries a generation
   * that is still building.
   */
  createIndexes?(db: ReadModelDatabase, tables: Tables<T>): void;
  /** SELECT list each view exposes (default `*`). */
  viewColumns?(table: T): string;
  apply(db: ReadModelDatabase, event: RecordedEvent, tables: Tables<T>): void;
  /**
   * Called after a batch was rolled back: a projection that keeps rows in memory as well (to
   * spare a rebuild millions of lookups) must forget what the rollback undid.
   */
  discardMemory?(db: ReadModelDatabase, tables: Tables<T>): void;
}

export function tablesOf<T extends string>(projection: SqlProjection<T>, generation: number): Tables<T> {
  const prefix = `${projection.name.replace(/-/g, '_')}_g${generation}_`;
  return Object.fromEntries(projection.tables.map((table) => [table, `${prefix}${table}`])) as Tables<T>;
}
