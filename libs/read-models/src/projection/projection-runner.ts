import {
  pauseIfBusy,
  PositionTracker,
  sliceLeft,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { busyBackoff, writeNow, WRITE_LOCK_BUSY } from '../database/write-now';
import { applyEvents, forgetBatch } from './apply-events';
import { checkpointMismatch } from './checkpoint-check';
import {
  forgetGeneration,
  generationToFeed,
  goLive,
  goLiveInBackground,
  isFed,
  liveGeneration,
  saveCheckpoint,
  withdrawGeneration,
  type Generation,
} from './generations';
import { tablesOf, type SqlProjection } from './projection';

export type RunnerState = 'starting' | 'catchingUp' | 'live' | 'stopped' | 'failed';

export interface RunnerStatus {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  readonly state: RunnerState;
  /** Global position of the last event applied and checkpointed. */
  readonly position: number | null;
  /** Events seen by the subscription but not yet committed. */
  readonly pending: number;
  readonly error: string | null;
  /**
   * While a rebuild runs because the read model was built from events the store no longer holds
   * (a replaced or restored store): why, in a sentence. Null otherwise.
   */
  readonly diverged: string | null;
}

export interface RunnerLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface RunnerOptions {
  /** Most events committed in one transaction while catching up. */
  readonly batchSize?: number;
  /** Start a new generation even if the live one is current (operator rebuild). */
  readonly fresh?: boolean;
  readonly logger?: RunnerLogger;
  /** Called after each committed batch, e.g. for a progress bar. */
  readonly onCommitted?: (status: RunnerStatus, applied: number) => void;
  /**
   * Where a caught-up generation's query indexes are built (ReadModelMaintenance: off the event
   * loop). Without it they are built here, within one turn, as an operator's rebuild does.
   */
  readonly buildIndexes?: (sql: string) => Promise<void>;
}

/**
 * Events per transaction for an operator's rebuild. Each commit writes every page its batch
 * touched, and a long history touches the same pages (members, branch versions) again and again:
 * 50,000 events per commit write a province's history in about a third of the time 10,000 do,
 * for about 300 MB more memory while it runs.
 */
export const REBUILD_BATCH_SIZE = 50_000;

/** Up to about this many events a generation's indexes take a few ms to build: no need to leave the loop. */
const INDEX_HERE_UP_TO_POSITION = 5000;

const silent: RunnerLogger = { info: () => undefined, error: () => undefined };

/**
 * Feeds one projection from its own checkpoint. Events are applied in batches, each batch in
 * one SQL transaction together with the checkpoint, so after a crash the rows and the
 * checkpoint agree and the next start resumes exactly after the last committed event.
 * A batch is committed when it is full, when the subscription catches up, or as soon as no
 * further event is immediately available — so live events are visible at once. An event that
 * cannot be applied rolls its batch back and stops the projection (state `failed`), loudly.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private generation: Generation | null = null;
  private state: RunnerState = 'starting';
  private tracker = new PositionTracker();
  private pending: RecordedEvent[] = [];
  private error: string | null = null;
  private diverged: string | null = null;
  private done: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    readonly projection: SqlProjection,
    private readonly options: RunnerOptions = {},
  ) {}

  /** Starts feeding in the background; `stop()` ends it. */
  start(): void {
    if (this.done) return;
    this.done = this.run().catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.done;
    if (this.state !== 'failed') this.state = 'stopped';
  }

  /**
   * Feeds the generation it should, and moves to the new live one when a rebuild elsewhere (the
   * CLI, another process) has replaced it: a rebuild never leaves a running instance stranded.
   */
  private async run(): Promise<void> {
    let fresh = this.options.fresh ?? false;
    while (!this.stopping) {
      const generation = generationToFeed(this.db, this.projection, fresh);
      fresh = false;
      if (await this.withdrawnAsDiverged(generation)) {
        fresh = true;
        continue;
      }
      this.generation = generation;
      if (generation.position !== null) this.tracker.advance(generation.position);
      const tables = tablesOf(this.projection, generation.generation);
      this.projection.createTables(this.db, tables);
      if (generation.state === 'live') this.projection.createIndexes?.(this.db, tables);
      this.state = 'catchingUp';
      this.subscription = this.store.subscribeToAll({ fromPosition: generation.position ?? undefined });
      if ((await this.consume(this.subscription)) !== 'replaced') return;
      this.pending = [];
      forgetGeneration(this.db, this.projection, generation.generation);
      this.options.logger?.info(
        `Projection ${this.projection.name}: generation ${generation.generation} was replaced by a rebuild; going on with the live one.`,
      );
    }
  }

  /**
   * Checks, before feeding a generation, that the store still holds what it (and the live one
   * queries read) was built from; if not, withdraws it so nothing serves it, and the caller
   * rebuilds from the store. True when something was withdrawn.
   */
  private async withdrawnAsDiverged(generation: Generation): Promise<boolean> {
    const live = liveGeneration(this.db, this.projection.name);
    const candidates = live && live.generation !== generation.generation ? [generation, live] : [generation];
    let withdrawn = false;
    for (const candidate of candidates) {
      if (candidate.position === null) continue;
      const mismatch = await checkpointMismatch(this.store, candidate.position, candidate.checkpoint);
      if (mismatch === null) continue;
      withdrawGeneration(this.db, this.projection, candidate);
      this.diverged = `The ${this.projection.name} read model (generation ${candidate.generation}) was built from events the store no longer holds: ${mismatch}`;
      (this.options.logger ?? silent).error(`${this.diverged} It is withdrawn and rebuilt from the event store.`);
      withdrawn = true;
    }
    return withdrawn;
  }

  status(): RunnerStatus {
    return {
      name: this.projection.name,
      version: this.projection.version,
      generation: this.generation?.generation ?? 0,
      state: this.state,
      position: this.tracker.position,
      pending: this.pending.length,
      error: this.error,
      diverged: this.diverged,
    };
  }

  /** Resolves once everything up to `position` is applied: read-your-writes for a command handler. */
  waitForPosition(position: number): Promise<void> {
    return this.tracker.waitFor(position);
  }

  /** Resolves when the subscription has caught up with the store once (and the batch is committed). */
  caughtUp(): Promise<void> {
    return this.tracker.caughtUp();
  }

  private async consume(subscription: Subscription): Promise<'ended' | 'replaced'> {
    const iterator = subscription[Symbol.asyncIterator]();
    const batchSize = this.options.batchSize ?? 1000;
    let next = iterator.next();
    const turn = new TurnOfTheLoop();
    for (;;) {
      // Once live, if no message is ready within this turn of the event loop, commit what we
      // have first. Not while catching up: the subscription then pauses between turns to let
      // requests in (time-slice.ts), and committing at each pause would only make batches small.
      const ready = this.pending.length === 0 || this.state !== 'live' ? await next : await turn.race(next);
      if (ready === TICK) {
        if (!(await this.commitNow())) return this.replaced(subscription);
        continue;
      }
      const result = ready;
      if (result.done) break;
      next = iterator.next();
      const message = result.value;
      if (message.kind === 'caughtUp') {
        // Awaited only when it had to pause: a live event is then applied, its waiters told and
        // the state set in the same turn it arrived.
        let done = this.commit();
        if (typeof done !== 'boolean') done = await done;
        if (!done) return this.replaced(subscription);
        const live = this.onCaughtUp();
        if (live) await live;
        continue;
      }
      this.pending.push(message.event);
      if (this.pending.length >= batchSize && !(await this.commitNow())) return this.replaced(subscription);
    }
    return (await this.commitNow()) ? 'ended' : 'replaced';
  }

  private commitNow(): Promise<boolean> {
    const done = this.commit();
    return typeof done === 'boolean' ? Promise.resolve(done) : done;
  }

  private async replaced(subscription: Subscription): Promise<'replaced'> {
    await subscription.close();
    return 'replaced';
  }

  /**
   * Applies the pending events with their checkpoints; false (nothing more applied) when the
   * generation was retired. A batch is applied in transactions of one time slice each, so a
   * catch-up never holds the event loop for longer than about one slice (time-slice.ts). While
   * the slice has time left it all happens now and the answer is a plain boolean.
   */
  private commit(): boolean | Promise<boolean> {
    while (this.pending.length > 0) {
      // A slice already spent would leave room for one event per transaction: wait for a fresh one.
      const pause = pauseIfBusy();
      if (pause) return pause.then(() => this.commit());
      const outcome = this.commitSlice();
      if (outcome === WRITE_LOCK_BUSY) return this.commitWhenFree();
      if (!outcome) return false;
    }
    return true;
  }

  /** Another connection holds the write lock (a CLI rebuild's batch can take seconds): try again shortly. */
  private async commitWhenFree(): Promise<boolean> {
    for (let attempt = 0; !this.stopping; attempt += 1) {
      await busyBackoff(attempt);
      const outcome = this.commitSlice();
      if (outcome === WRITE_LOCK_BUSY) continue;
      if (!outcome) return false;
      return this.commit();
    }
    return true;
  }

  /** One transaction: at least one pending event, then as many as the slice has time for. */
  private commitSlice(): boolean | typeof WRITE_LOCK_BUSY {
    const generation = this.generation;
    const batch = this.pending;
    if (!generation || batch.length === 0) return true;
    const tables = tablesOf(this.projection, generation.generation);
    let count = 0;
    let applied: boolean | typeof WRITE_LOCK_BUSY;
    try {
      applied = writeNow(this.db, () => {
        if (!isFed(this.db, generation)) return false;
        do {
          applyEvents(this.db, this.projection, tables, [batch[count] as RecordedEvent]);
          count += 1;
        } while (count < batch.length && sliceLeft() > 0);
        saveCheckpoint(this.db, generation, batch[count - 1] as RecordedEvent);
        return true;
      });
    } catch (error) {
      forgetBatch(this.db, this.projection, tables);
      throw error;
    }
    if (applied !== true) return applied;
    const last = batch[count - 1] as RecordedEvent;
    this.pending = batch.slice(count);
    this.tracker.advance(last.position);
    this.options.onCommitted?.(this.status(), count);
    return true;
  }

  /** A promise only when the generation goes live with its indexes built in the background. */
  private onCaughtUp(): Promise<void> | undefined {
    const generation = this.generation;
    if (generation && generation.state !== 'live') {
      const { buildIndexes } = this.options;
      // A small generation is indexed here in a few milliseconds: quicker than a round trip to the
      // thread, and a fresh installation is live as soon as it starts.
      if (buildIndexes && (this.tracker.position ?? 0) > INDEX_HERE_UP_TO_POSITION) {
        return goLiveInBackground(this.db, this.projection, generation, buildIndexes).then(() =>
          this.wentLive(generation),
        );
      }
      goLive(this.db, this.projection, generation);
      this.wentLive(generation);
      return undefined;
    }
    this.markLive();
    return undefined;
  }

  private wentLive(generation: Generation): void {
    this.generation = { ...generation, state: 'live' };
    this.options.logger?.info(`Projection ${this.projection.name} generation ${generation.generation} is live.`);
    this.markLive();
  }

  private markLive(): void {
    this.diverged = null;
    this.state = 'live';
    this.tracker.markCaughtUp();
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    this.pending = [];
    this.error = error instanceof Error ? error.message : String(error);
    (this.options.logger ?? silent).error(`Projection ${this.projection.name} stopped: ${this.error}`, {
      projection: this.projection.name,
      position: this.tracker.position,
    });
    this.tracker.fail(new Error(this.error));
    void this.subscription?.close();
  }
}

const TICK = Symbol('tick');

/**
 * Races a promise against the end of the current turn of the event loop, with one timer per
 * turn rather than one per event: a catch-up delivers hundreds of thousands of events within a
 * single turn, and a timer (or a reaction on one shared promise) for each would pile up until
 * the turn ends.
 */
class TurnOfTheLoop {
  private waiter: ((value: typeof TICK) => void) | null = null;
  private armed = false;

  race<T>(promise: Promise<T>): Promise<T | typeof TICK> {
    return new Promise<T | typeof TICK>((resolve, reject) => {
      this.waiter = resolve;
      if (!this.armed) {
        this.armed = true;
        setImmediate(() => {
          this.armed = false;
          this.waiter?.(TICK);
        });
      }
      promise.then(
        (value) => {
          if (this.waiter === resolve) this.waiter = null;
          resolve(value);
        },
        (error: Error) => {
          if (this.waiter === resolve) this.waiter = null;
          reject(error);
        },
      );
    });
  }
}
