import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { ReadModelDatabase } from '@app/read-models';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { WorkerStatusRegistry } from '../read-models/worker-status';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { OrganisationModule } from '../organisation/organisation.module';
import { SqlCheckpointStore } from '../process-managers/checkpoint-store';
import { ProcessManagerRunner, type ProcessStatus } from '../process-managers/process-manager-runner';
import { READ_MODEL_DB } from '../read-models/read-models.module';
import { RestructuringProcessManager } from './restructuring.process-manager';
import { RestructuringQueries } from './restructuring.queries';

/** Injection token of the runner that drives the restructuring process manager. */
export const RESTRUCTURING_RUNNER = Symbol('RESTRUCTURING_RUNNER');

/**
 * Restructurings carried out durably: when this process runs the workers (the API under
 * `npm start`, or always the worker app), the restructuring process manager follows the event
 * log from its checkpoint in the read-model database, and stops before the databases close.
 */
@Module({
  imports: [OrganisationModule],
  providers: [
    {
      provide: RESTRUCTURING_RUNNER,
      inject: [EVENT_STORE, READ_MODEL_DB, OrganisationFacts],
      useFactory: (store: EventStore, db: ReadModelDatabase, facts: OrganisationFacts): ProcessManagerRunner => {
        const logger = new Logger('RestructuringProcessManager');
        const line = (message: string, fields?: Record<string, unknown>): string =>
          fields === undefined ? message : `${message} ${JSON.stringify(fields)}`;
        const log = {
          log: (message: string, fields?: Record<string, unknown>) => logger.log(line(message, fields)),
          warn: (message: string, fields?: Record<string, unknown>) => logger.warn(line(message, fields)),
          error: (message: string, fields?: Record<string, unknown>) => logger.error(line(message, fields)),
        };
        const manager = new RestructuringProcessManager(store, facts, { logger: log });
        return new ProcessManagerRunner(store, new SqlCheckpointStore(db), manager, { logger: log });
      },
    },
    {
      provide: RestructuringQueries,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new RestructuringQueries(store),
    },
  ],
  exports: [RESTRUCTURING_RUNNER, RestructuringQueries, OrganisationModule],
})
export class RestructuringModule implements OnApplicationBootstrap, OnModuleDestroy {
  private started = false;

  constructor(
    @Inject(RESTRUCTURING_RUNNER) private readonly runner: ProcessManagerRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workers: WorkerStatusRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.inProcessWorkers) return;
    this.runner.start();
    this.started = true;
    this.workers.register(() => ({ ...this.runner.status(), kind: 'processManager' }));
  }

  /** The process manager's progress, for readiness and operators. */
  status(): ProcessStatus | null {
    return this.started ? this.runner.status() : null;
  }

  /**
   * Before shutdown hooks close the event store and the read-model database (which holds the
   * checkpoint): a step in flight finishes, and its event is handled again on the next start.
   */
  async onModuleDestroy(): Promise<void> {
    if (this.started) await this.runner.stop();
  }
}
