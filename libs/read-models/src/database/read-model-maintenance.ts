import { BackgroundSql } from './background-sql';
import type { ReadModelDatabase } from './read-model-database';

/** How often the WAL is copied into the database file while the workers run. */
const CHECKPOINT_EVERY_MS = 500;
/** SQLite's own default, restored when the workers stop. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface MaintenanceLogger {
  warn(message: string): void;
}

/**
 * Keeps the read-model file's slow upkeep off the event loop while this process writes it (the
 * workers run here): WAL checkpoints and index builds run on a BackgroundSql thread. Should the
 * thread not start or die, everything falls back to the main connection, as before: slower
 * answers for a moment, never a stop.
 */
export class ReadModelMaintenance {
  private thread: BackgroundSql | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checkpointing = false;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly file: string,
    private readonly logger?: MaintenanceLogger,
  ) {}

  start(): void {
    if (this.thread || this.file === ':memory:') return;
    this.thread = new BackgroundSql(this.file);
    // SQLite would otherwise checkpoint inside whichever commit crosses 1,000 pages.
    this.db.pragma('wal_autocheckpoint = 0');
    this.timer = setInterval(() => void this.checkpoint(), CHECKPOINT_EVERY_MS);
    this.timer.unref();
  }

  /** Runs statements (index builds) off the event loop when the thread runs, else here. */
  async exec(sql: string): Promise<void> {
    const thread = this.thread;
    if (thread && !thread.dead) {
      try {
        return await thread.exec(sql);
      } catch (error) {
        if (!thread.dead) throw error;
        this.fallBack(error);
      }
    }
    this.db.exec(sql);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const thread = this.thread;
    this.thread = null;
    await thread?.close();
    this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  }

  private async checkpoint(): Promise<void> {
    const thread = this.thread;
    if (!thread || this.checkpointing) return;
    this.checkpointing = true;
    try {
      await thread.checkpoint();
    } catch (error) {
      // A busy or failed PASSIVE checkpoint is retried at the next tick; a dead thread is not.
      if (thread.dead) this.fallBack(error);
    } finally {
      this.checkpointing = false;
    }
  }

  private fallBack(error: unknown): void {
    if (!this.thread) return;
    this.logger?.warn(
      `Read-model upkeep runs on the main thread again: the background SQL thread stopped (${
        error instanceof Error ? error.message : String(error)
      }).`,
    );
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.thread.close();
    this.thread = null;
    this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  }
}
