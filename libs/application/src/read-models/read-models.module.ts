import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { join } from 'node:path';
import type { EventStore } from '@app/event-store';
import {
  AuditQueries,
  auditProjection,
  ElectionBoardQueries,
  electionBoardProjection,
  OrganisationHistoryQueries,
  OrganisationQueries,
  openReadModelDatabase,
  organisationNowProjection,
  organisationHistoryProjection,
  ProjectionRunner,
  type ReadModelDatabase,
  type SqlProjection,
  StatisticsQueries,
  statisticsProjection,
} from '@app/read-models';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ScopedBranches } from '../committee-scope/scoped-branches';
import { ReadModelFreshness } from './read-model-freshness';
import { WorkerStatusRegistry } from './worker-status';

/** The read-model database of this process: `read-models.sqlite` beside the events. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

/** Every projection the product keeps; the worker (or the API, in-process) runs them all. */
export const PROJECTIONS: readonly SqlProjection[] = [
  organisationNowProjection,
  auditProjection,
  statisticsProjection,
  organisationHistoryProjection,
  electionBoardProjection,
];

/** The query objects over the read models: one of each per process, over its one database. */
const QUERIES = [
  OrganisationQueries,
  OrganisationHistoryQueries,
  AuditQueries,
  StatisticsQueries,
  ElectionBoardQueries,
] as const;

/**
 * Opens the read models and, when this process runs the workers, feeds every projection from
 * its checkpoint for as long as the application lives.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_DB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ReadModelDatabase =>
        openReadModelDatabase(join(config.dataDir, 'read-models.sqlite'), { cacheMb: config.readModelCacheMb }),
    },
    ...QUERIES.map((Queries) => ({
      provide: Queries,
      inject: [READ_MODEL_DB],
      useFactory: (db: ReadModelDatabase) => new Queries(db),
    })),
    {
      provide: ReadModelFreshness,
      inject: [EVENT_STORE, READ_MODEL_DB, APP_CONFIG, WorkerStatusRegistry],
      useFactory: (store: EventStore, db: ReadModelDatabase, config: AppConfig, workers: WorkerStatusRegistry) =>
        new ReadModelFreshness(store, db, { timeoutMs: config.eventStoreTimeoutMs }, workers),
    },
    {
      provide: ScopedBranches,
      inject: [OrganisationQueries, ReadModelFreshness],
      useFactory: (queries: OrganisationQueries, freshness: ReadModelFreshness) =>
        new ScopedBranches(queries, freshness),
    },
    WorkerStatusRegistry,
  ],
  exports: [READ_MODEL_DB, ...QUERIES, ReadModelFreshness, ScopedBranches, WorkerStatusRegistry],
})
export class ReadModelsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelsModule.name);
  private readonly runners: ProjectionRunner[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workers: WorkerStatusRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.inProcessWorkers) return;
    const logger = {
      info: (message: string) => this.logger.log(message),
      error: (message: string) => this.logger.error(message),
    };
    for (const projection of PROJECTIONS) {
      const runner = new ProjectionRunner(this.store, this.db, projection, { logger });
      runner.start();
      this.runners.push(runner);
      this.workers.register(() => ({ ...runner.status(), kind: 'projection' }));
    }
  }

  /** Every projection's progress, for readiness and operators. */
  statuses() {
    return this.runners.map((runner) => runner.status());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    this.db.close();
  }
}
