import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import type { WorkerStatusRegistry } from '../read-models/worker-status';
import { HEARTBEAT_MS, type WorkerHeartbeatTable } from './worker-heartbeat';
import type { WorkerLock } from './worker-lock';

/** Started in this order (projections first: process managers read them), stopped in reverse. */
export const WORKER_PHASES = ['projections', 'processManagers', 'timers'] as const;
export type WorkerPhase = (typeof WORKER_PHASES)[number];

/** Something only the holder of the worker lock runs. */
export interface WorkerTask {
  readonly name: string;
  readonly phase: WorkerPhase;
  start(): void;
  /** Finishes what is in flight; called before the store and the read models close. */
  stop(): Promise<void>;
}

/** How often a standby tries to take the lock over. */
export const LOCK_RETRY_MS = 1000;

export type LeadershipState = 'off' | 'waiting' | 'leading' | 'stopped';

/**
 * Runs the workers of this process only while it holds the worker lock. A process that finds
 * the lock taken stands by, tries again every second, and takes over as soon as the holder is
 * gone (the operating system frees the lock when a process dies, SIGKILL included). Standing by
 * rather than refusing to start: an orchestrator can keep a second worker (or API) ready, and a
 * restart never races the old process's exit.
 *
 * While leading it writes a heartbeat with every worker's status beside the read models (workers.sqlite),
 * so processes that do not run the workers can report on them (WorkersHealth).
 */
export class WorkerLeadership {
  private readonly tasks: WorkerTask[] = [];
  private state: LeadershipState = 'off';
  private retryTimer: NodeJS.Timeout | null = null;
  private beatTimer: NodeJS.Timeout | null = null;
  private startedAt = new Date();
  private announcedWait = false;
  private waitingAttempts = 0;

  constructor(
    private readonly lock: WorkerLock,
    private readonly heartbeat: WorkerHeartbeatTable,
    private readonly statuses: WorkerStatusRegistry,
    /** Names the read models the lock protects, for log lines. */
    private readonly dataDir: string,
    private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'> = new Logger('WorkerLeadership'),
    /** What a leader that lost its lock does once its workers stopped (see `lost`). */
    private readonly exit: () => void = () => process.exit(1),
  ) {
    lock.onLost?.(() => void this.lost());
  }

  /** Before `start`; a task registered while leading starts at once. */
  register(task: WorkerTask): void {
    this.tasks.push(task);
    if (this.state === 'leading') task.start();
  }

  get leading(): boolean {
    return this.state === 'leading';
  }

  get status(): LeadershipState {
    return this.state;
  }

  /** Where the lock lives, for readiness. */
  get lockWhere(): string {
    return this.lock.where;
  }

  /**
   * The process running the workers as the lock knows it: this one while leading, otherwise the
   * holder the lock names (PostgreSQL does; a file lock does not, and null sends the caller to
   * the heartbeat).
   */
  async leader(): Promise<{ pid: number; host: string; self: boolean } | null> {
    if (this.state === 'leading') return { pid: process.pid, host: hostname(), self: true };
    if (!this.lock.holder) return null;
    try {
      const holder = await this.lock.holder();
      return holder ? { ...holder, self: false } : null;
    } catch {
      return null;
    }
  }

  /** Starts competing for the lock: this process may run the workers. */
  start(): void {
    if (this.state !== 'off') return;
    this.state = 'waiting';
    void this.attempt();
  }

  /** Stops the workers (if leading), records that in the heartbeat and gives the lock up. */
  async stop(): Promise<void> {
    const was = this.state;
    this.state = 'stopped';
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.beatTimer) clearInterval(this.beatTimer);
    if (was !== 'leading') return;
    for (const phase of [...WORKER_PHASES].reverse()) {
      await Promise.all(this.tasks.filter((task) => task.phase === phase).map((task) => task.stop()));
    }
    this.heartbeat.write('stopped', this.startedAt, this.statuses.all());
    await this.lock.release();
    this.logger.log(`Stopped the workers and released the worker lock ${this.lock.where}`);
  }

  /**
   * The lock went while this process led (its connection to PostgreSQL broke): another process
   * may lead already. The workers stop at once and the process exits, for its supervisor to start
   * it again as a standby; a projection runner cannot be started twice in one process.
   */
  private async lost(): Promise<void> {
    if (this.state !== 'leading') return;
    this.state = 'stopped';
    if (this.beatTimer) clearInterval(this.beatTimer);
    this.logger.error(
      `Lost the worker lock ${this.lock.where}: its connection broke, so another process may run the workers now. ` +
        `This process (pid ${process.pid}) stops its workers and exits, to be started again as a standby.`,
    );
    for (const phase of [...WORKER_PHASES].reverse()) {
      await Promise.all(
        this.tasks.filter((task) => task.phase === phase).map((task) => task.stop().catch(() => undefined)),
      );
    }
    this.exit();
  }

  private async attempt(): Promise<void> {
    if (this.state !== 'waiting') return;
    let acquired = false;
    try {
      acquired = await this.lock.tryAcquire();
    } catch (error) {
      this.logger.error(
        `Cannot take the worker lock ${this.lock.where}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (this.state !== 'waiting') {
      // Stopped while trying.
      if (acquired) await this.lock.release();
      return;
    }
    if (!acquired) {
      this.announceWait();
      this.retryTimer = setTimeout(() => void this.attempt(), LOCK_RETRY_MS);
      this.retryTimer.unref();
      return;
    }
    this.lead();
  }

  private lead(): void {
    const previous = this.waitingAttempts > 0 ? this.heartbeat.read() : null;
    this.state = 'leading';
    this.startedAt = new Date();
    this.logger.log(
      `This process (pid ${process.pid}) runs the workers of ${this.dataDir}${
        previous && previous.pid !== process.pid ? `, taking over from pid ${previous.pid}` : ''
      } (worker lock ${this.lock.where})`,
    );
    // First of all, so a standby can name this process.
    this.beat();
    for (const phase of WORKER_PHASES) {
      for (const task of this.tasks.filter((candidate) => candidate.phase === phase)) task.start();
    }
    this.beatTimer = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.beatTimer.unref();
  }

  private beat(): void {
    try {
      this.heartbeat.write('running', this.startedAt, this.statuses.all());
    } catch (error) {
      this.logger.error(
        `Cannot write the workers' heartbeat: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /**
   * Says once that this process stands by, naming the holder from its heartbeat. The holder
   * writes it right after taking the lock, so a standby started at the same moment waits a few
   * attempts for it rather than naming nobody.
   */
  private announceWait(): void {
    if (this.announcedWait) return;
    this.waitingAttempts += 1;
    const holder = this.heartbeat.read();
    const known = holder !== null && holder.state === 'running' && holder.pid !== process.pid;
    if (!known && this.waitingAttempts < 3) return;
    this.announcedWait = true;
    const who = known ? `process ${holder.pid} on ${holder.host} (since ${holder.startedAt})` : 'another process';
    this.logger.warn(
      `The workers of ${this.dataDir} already run in ${who}: it holds the worker lock ${this.lock.where}. ` +
        `This process (pid ${process.pid}) stands by and takes over when that one stops.`,
    );
  }
}
