import type { RecordedEvent } from '@app/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { SqlProjection, Tables } from './projection';

/**
 * Applies a batch of events to one projection's tables. Must run inside the caller's
 * transaction: an event that cannot be applied throws ApplyFailed, naming it, and the caller's
 * rollback undoes the whole batch (the caller then calls `forgetBatch`).
 */
export function applyEvents(
  db: ReadModelDatabase,
  projection: SqlProjection,
  tables: Tables<string>,
  events: readonly RecordedEvent[],
): void {
  for (const event of events) {
    try {
      projection.apply(db, event, tables);
    } catch (cause) {
      throw new ApplyFailed(projection.name, event, cause);
    }
  }
}

/** After a rollback: what a projection keeps in memory may hold rows the rollback undid. */
export function forgetBatch(db: ReadModelDatabase, projection: SqlProjection, tables: Tables<string>): void {
  projection.discardMemory?.(db, tables);
}

export class ApplyFailed extends Error {
  constructor(projection: string, event: RecordedEvent, cause: unknown) {
    super(
      `cannot apply ${event.type} at position ${event.position} (stream ${event.stream}, revision ${event.revision}): ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
    this.name = 'ApplyFailed';
  }
}
