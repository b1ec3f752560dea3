import type { EventStore, RecordedEvent } from '@app/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { applyEvents, forgetBatch } from './apply-events';
import { generationToFeed, goLive, isFed, saveCheckpoint, type Generation } from './generations';
import { tablesOf, type SqlProjection, type Tables } from './projection';
import { REBUILD_BATCH_SIZE } from './projection-runner';

export interface RebuildOptions {
  /** Events per transaction. */
  readonly batchSize?: number;
  /** Called after each committed batch with the position reached and the events in the batch. */
  readonly onCommitted?: (position: number, applied: number) => void;
}

export interface RebuiltGeneration {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  /** Position of the last event in the store when the rebuild caught up (null: an empty store). */
  readonly position: number | null;
}

interface Feed {
  readonly projection: SqlProjection;
  readonly generation: Generation;
  readonly tables: Tables<string>;
}

/**
 * An operator's rebuild of one or more projections, in a single pass over the log: each gets a
 * new generation of its tables beside the live one, every batch of events is applied to all of
 * them in one transaction with their checkpoints, and once the pass reaches the store's head
 * each gets its query indexes and goes live (its views switched over in one transaction).
 * Reading and decoding the log once, rather than once per projection, is most of what makes
 * rebuilding everything together faster than one after another.
 *
 * Queries keep reading the live generations throughout. If an event cannot be applied the pass
 * stops, the live generations stay as they were, and the error names the event. A process still
 * feeding a replaced generation notices and goes on with the new live one.
 */
export class ProjectionRebuild {
  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly projections: readonly SqlProjection[],
    private readonly options: RebuildOptions = {},
  ) {}

  async run(): Promise<RebuiltGeneration[]> {
    // A rebuild rewrites the same pages (members, branch versions) batch after batch; copying the
    // log into the database after every batch (SQLite's default, every 1,000 pages) would copy each
    // of them again and again. Every 100,000 pages (about 400 MB of log) copies each once per stretch.
    const checkpointEvery = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.db.pragma('wal_autocheckpoint = 100000');
    try {
      return await this.rebuild();
    } finally {
      this.db.pragma(`wal_autocheckpoint = ${checkpointEvery}`);
      // Copy what can be copied now without waiting for readers, so the next writer does not have to.
      this.db.pragma('wal_checkpoint(PASSIVE)');
    }
  }

  private async rebuild(): Promise<RebuiltGeneration[]> {
    const feeds = this.projections.map((projection): Feed => {
      const generation = generationToFeed(this.db, projection, true);
      const tables = tablesOf(projection, generation.generation);
      projection.createTables(this.db, tables);
      return { projection, generation, tables };
    });
    const batchSize = this.options.batchSize ?? REBUILD_BATCH_SIZE;
    const subscription = this.store.subscribeToAll();
    let pending: RecordedEvent[] = [];
    const commit = () => {
      this.commit(feeds, pending);
      pending = [];
    };
    let caughtUp: { position: number | null } | null = null;
    try {
      for await (const message of subscription) {
        if (message.kind === 'event') {
          pending.push(message.event);
          if (pending.length >= batchSize) commit();
          continue;
        }
        commit();
        caughtUp = { position: message.position };
        break;
      }
    } finally {
      await subscription.close();
    }
    if (!caughtUp) throw new Error('the event store closed the subscription before the rebuild caught up');
    const { position } = caughtUp;
    for (const feed of feeds) goLive(this.db, feed.projection, feed.generation);
    return feeds.map(({ projection, generation }) => ({
      name: projection.name,
      version: projection.version,
      generation: generation.generation,
      position,
    }));
  }

  /** Applies the batch to every projection, with their checkpoints, in one transaction. */
  private commit(feeds: readonly Feed[], batch: readonly RecordedEvent[]): void {
    const last = batch[batch.length - 1];
    if (!last) return;
    try {
      this.db.transaction(() => {
        for (const { projection, generation, tables } of feeds) {
          if (!isFed(this.db, generation)) {
            throw new Error(
              `generation ${generation.generation} of ${projection.name} was retired by another rebuild; this one stops.`,
            );
          }
          applyEvents(this.db, projection, tables, batch);
          saveCheckpoint(this.db, generation, last);
        }
      })();
    } catch (error) {
      for (const { projection, tables } of feeds) forgetBatch(this.db, projection, tables);
      throw error;
    }
    this.options.onCommitted?.(last.position, batch.length);
  }
}
