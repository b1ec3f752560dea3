import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { PeriodicJob } from '../scheduling/periodic-job';
import { WorkerLeadership } from '../workers/worker-leadership';
import { ElectionTimers } from './election-timers';

/**
 * Runs the election timers where the workers run (the holder of the worker lock), every
 * `electionTimerMinutes` (0: never).
 * Lapses and reminders fall due on calendar days, so a tick every few minutes is plenty; what
 * fell due while no process ran fires on the first tick after a restart, because what is due is
 * derived from the election streams each time.
 */
@Injectable()
export class ElectionTimerScheduler implements OnModuleInit {
  private readonly logger = new Logger('ElectionTimers');
  private readonly job = new PeriodicJob(
    async () => void (await this.timers.tick(new Date())),
    (error) => this.logger.error(`Election timers failed: ${error instanceof Error ? error.message : String(error)}`),
  );

  constructor(
    private readonly timers: ElectionTimers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leadership: WorkerLeadership,
  ) {}

  onModuleInit(): void {
    this.leadership.register({
      name: 'election-timers',
      phase: 'timers',
      start: () => this.job.start(this.config.electionTimerMinutes * 60_000),
      // Before shutdown hooks close the event store: a tick in flight finishes first.
      stop: () => this.job.stop(),
    });
  }

  tick(): Promise<void> {
    return this.job.tick();
  }
}
