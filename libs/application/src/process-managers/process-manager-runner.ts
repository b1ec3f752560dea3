import {
  PositionTracker,
  StoreUnavailable,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';
import { busyBackoff, checkpointMismatch } from '@app/read-models';
import type { CheckpointStore } from './checkpoint-store';

/**
 * Cross-stream work (a merge moving every member, installing an election's result) driven by
 * the event log. `handle` must be idempotent — it appends with ids derived from the event it
 * reacts to — because after a crash the runner delivers again every event after the last
 * checkpoint: effects first, checkpoint after, so nothing is skipped and retries are no-ops.
 */
export interface ProcessManager {
  readonly name: string;
  handle(event: RecordedEvent): Promise<void>;
}

export type ProcessState = 'starting' | 'catchingUp' | 'live' | 'stopped' | 'failed';

export interface ProcessStatus {
  readonly name: string;
  readonly state: ProcessState;
  readonly position: number | null;
  readonly error: string | null;
  /** While it handles a replaced or restored store's events again: why. */
  readonly diverged: string | null;
}

export interface ProcessLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ProcessRunnerOptions {
  readonly logger?: ProcessLogger;
  /** Attempts for one event while the store is unavailable, with doubling pauses from `retryDelayMs`. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
}

/**
 * How long a handled event's checkpoint may wait to be saved, so one transaction records a burst
 * of events rather than one each. A crash in between only delivers those events again, and
 * handling is idempotent: nothing is skipped, nothing is done twice.
 */
const CHECKPOINT_DELAY_MS = 50;

export class ProcessManagerRunner {
  private subscription: Subscription | null = null;
  /** The last event fully handled whose checkpoint is not saved yet. */
  private unsaved: RecordedEvent | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private done: Promise<void> | null = null;
  private state: ProcessState = 'starting';
  private tracker = new PositionTracker();
  private error: string | null = null;
  private diverged: string | null = null;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    readonly manager: ProcessManager,
    private readonly options: ProcessRunnerOptions = {},
  ) {}

  start(): void {
    if (this.done) return;
    this.tracker = new PositionTracker(this.checkpoints.load(this.manager.name));
    this.state = 'catchingUp';
    this.done = this.run().catch((error: unknown) => this.fail(error));
  }

  private async run(): Promise<void> {
    const position = this.tracker.position;
    if (position !== null) {
      const mismatch = await checkpointMismatch(this.store, position, this.checkpoints.loadEvent(this.manager.name));
      if (mismatch !== null) {
        // The store was replaced or restored: which of its events were handled is unknown, so
        // all are handled again; every step is idempotent (ids derived from the event).
        this.diverged = `The checkpoint of ${this.manager.name} stands on events the store no longer holds: ${mismatch}`;
        this.options.logger?.error(`${this.diverged} It handles every event of the store again.`);
        this.checkpoints.reset(this.manager.name);
        this.tracker = new PositionTracker(null);
      }
    }
    if (this.stopping) return;
    this.subscription = this.store.subscribeToAll({ fromPosition: this.tracker.position ?? undefined });
    await this.consume(this.subscription);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.done;
    await this.saveWhenFree();
    if (this.state !== 'failed') this.state = 'stopped';
  }

  status(): ProcessStatus {
    return {
      name: this.manager.name,
      state: this.state,
      position: this.tracker.position,
      error: this.error,
      diverged: this.diverged,
    };
  }

  caughtUp(): Promise<void> {
    return this.tracker.caughtUp();
  }

  /** Resolves once every event up to `position` has been handled. */
  waitForPosition(position: number): Promise<void> {
    return this.tracker.waitFor(position);
  }

  private async consume(subscription: Subscription): Promise<void> {
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') {
        this.state = 'live';
        this.diverged = null;
        this.tracker.markCaughtUp();
        continue;
      }
      await this.handleWithRetry(message.event);
      // Stopped while this event's effect was in flight: it counts as not handled.
      if (this.stopping) return;
      this.handled(message.event);
    }
  }

  /** Its effects are stored: waiters are told now, the checkpoint follows within CHECKPOINT_DELAY_MS. */
  private handled(event: RecordedEvent): void {
    this.unsaved = event;
    this.tracker.advance(event.position);
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      // A CLI rebuild may hold the read models' write lock for seconds: try again without blocking.
      if (!this.save()) this.handled(this.unsaved as RecordedEvent);
    }, CHECKPOINT_DELAY_MS);
    // An exit before it fires is a crash: the events after the saved checkpoint are delivered again.
    this.saveTimer.unref();
  }

  /** Saves the pending checkpoint; false when the write lock was busy. */
  private save(): boolean {
    const event = this.unsaved;
    if (event === null) return true;
    try {
      if (!this.checkpoints.save(this.manager.name, event)) return false;
    } catch (error) {
      // The older checkpoint stays: its later events are delivered again on the next start.
      this.options.logger?.error(`${this.manager.name}: cannot save its checkpoint: ${String(error)}`, {
        position: event.position,
      });
    }
    if (this.unsaved === event) this.unsaved = null;
    return true;
  }

  /** On stop: saves what was handled, waiting a little for a busy write lock; else the older checkpoint stays (safe). */
  private async saveWhenFree(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    for (let attempt = 0; attempt < 8 && !this.save(); attempt += 1) await busyBackoff(attempt);
  }

  private async handleWithRetry(event: RecordedEvent): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 8;
    let delay = this.options.retryDelayMs ?? 250;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.manager.handle(event);
      } catch (error) {
        if (!(error instanceof StoreUnavailable) || attempt >= maxAttempts || this.stopping) {
          throw new HandleFailed(this.manager.name, event, error);
        }
        this.options.logger?.warn(`${this.manager.name}: store unavailable, retrying in ${delay} ms`, {
          position: event.position,
        });
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay *= 2;
      }
    }
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    // The events handled before the failing one stay handled.
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.save();
    this.error = error instanceof Error ? error.message : String(error);
    this.options.logger?.error(`Process manager ${this.manager.name} stopped: ${this.error}`, {
      position: this.tracker.position,
    });
    this.tracker.fail(new Error(this.error));
    void this.subscription?.close();
  }
}

export class HandleFailed extends Error {
  constructor(manager: string, event: RecordedEvent, cause: unknown) {
    super(
      `${manager} cannot handle ${event.type} at position ${event.position} (stream ${event.stream}): ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
    this.name = 'HandleFailed';
  }
}
