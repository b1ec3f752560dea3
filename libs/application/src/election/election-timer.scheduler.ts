import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { ElectionTimers } from './election-timers';

/** How often the election timers look for what fell due, and the clock they read. */
export interface ElectionTimerSettings {
  /** Milliseconds between ticks; 0 turns the in-process timer off (a test then calls `tick`). */
  readonly intervalMs: number;
  readonly clock: () => Date;
}

export const ELECTION_TIMER_SETTINGS = Symbol('ELECTION_TIMER_SETTINGS');

/**
 * Lapses and reminders fall due on calendar days, so a tick every few minutes is plenty; what
 * fell due while no process ran fires on the first tick after a restart, because what is due is
 * derived from the election streams each time.
 */
export function electionTimerSettings(config: AppConfig, clock: () => Date = () => new Date()): ElectionTimerSettings {
  return { intervalMs: config.electionTimerMinutes * 60_000, clock };
}

/** Runs the election timers where the workers run (the API under `npm start`, else the worker). */
@Injectable()
export class ElectionTimerScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ElectionTimers');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly timers: ElectionTimers,
    @Inject(ELECTION_TIMER_SETTINGS) private readonly settings: ElectionTimerSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.inProcessWorkers || this.settings.intervalMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.settings.intervalMs);
    this.timer.unref();
  }

  /** Before shutdown hooks close the event store: a tick in flight finishes first. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One round at the clock's time; failures are logged and the next tick tries again. */
  tick(): Promise<unknown> {
    this.running = this.timers.tick(this.settings.clock()).catch((error: unknown) => {
      this.logger.error(`Election timers failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.running;
  }
}
