import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { join, resolve } from 'node:path';
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
  ReadModelMaintenance,
  type ReadModelDatabase,
  type SqlProjection,
  StatisticsQueries,
  statisticsProjection,
  VolunteerQueries,
  volunteerServiceProjection,
} from '@app/read-models';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ScopedBranches } from '../committee-scope/scoped-branches';
import { PostgresWorkerLock } from '../workers/postgres-worker-lock';
import { SqliteWorkerLock } from '../workers/sqlite-worker-lock';
import { WorkerHeartbeatTable } from '../workers/worker-heartbeat';
import { WorkerLeadership } from '../workers/worker-leadership';
import type { WorkerLock } from '../workers/worker-lock';
import { WorkersHealth } from '../workers/workers-health';
import { ReadModelFreshness } from './read-model-freshness';
import { WorkerStatusRegistry } from './worker-status';

/** The read-model database of this process: `read-models.sqlite` beside the events. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

/** Injection token of the lock only the process running the workers holds (workers/worker-lock.ts). */
export const WORKER_LOCK = Symbol('WORKER_LOCK');

/** Every projection the product keeps; the worker (or the API, in-process) runs them all. */
export const PROJECTIONS: readonly SqlProjection[] = [
  organisationNowProjection,
  auditProjection,
  statisticsProjection,
  organisationHistoryProjection,
  electionBoardProjection,
  volunteerServiceProjection,
];

/** The query objects over the read models: one of each per process, over its one database. */
const QUERIES = [
  OrganisationQueries,
  OrganisationHistoryQueries,
  AuditQueries,
  StatisticsQueries,
  ElectionBoardQueries,
  VolunteerQueries,
] as const;

/**
 * Opens the read models and, when this process may run the workers, competes for the worker
 * lock; the holder feeds every projection from its checkpoint for as long as it lives, and the
 * process managers and timers registered with the same WorkerLeadership run beside them.
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
    WorkerStatusRegistry,
    {
      provide: WorkerHeartbeatTable,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => WorkerHeartbeatTable.open(join(config.dataDir, 'workers.sqlite')),
    },
    {
      provide: WORKER_LOCK,
      inject: [APP_CONFIG],
      // With PostgreSQL one leader for the whole cluster on the database; embedded, one per data directory.
      useFactory: (config: AppConfig): WorkerLock =>
        config.databaseUrl
          ? new PostgresWorkerLock(config.databaseUrl, config.databaseSchema, config.eventStoreTimeoutMs)
          : new SqliteWorkerLock(join(config.dataDir, 'workers.lock')),
    },
    {
      provide: WorkerLeadership,
      inject: [WORKER_LOCK, WorkerHeartbeatTable, WorkerStatusRegistry, APP_CONFIG],
      useFactory: (
        lock: WorkerLock,
        heartbeat: WorkerHeartbeatTable,
        workers: WorkerStatusRegistry,
        config: AppConfig,
      ) => new WorkerLeadership(lock, heartbeat, workers, resolve(config.dataDir)),
    },
    {
      provide: WorkersHealth,
      inject: [WorkerLeadership, WorkerStatusRegistry, WorkerHeartbeatTable, READ_MODEL_DB],
      useFactory: (
        leadership: WorkerLeadership,
        workers: WorkerStatusRegistry,
        heartbeat: WorkerHeartbeatTable,
        db: ReadModelDatabase,
      ) => new WorkersHealth(leadership, workers, heartbeat, db),
    },
    {
      provide: ReadModelFreshness,
      inject: [EVENT_STORE, READ_MODEL_DB, APP_CONFIG, WorkersHealth],
      useFactory: (store: EventStore, db: ReadModelDatabase, config: AppConfig, workers: WorkersHealth) =>
        new ReadModelFreshness(store, db, { timeoutMs: config.eventStoreTimeoutMs }, workers),
    },
    {
      provide: ScopedBranches,
      inject: [OrganisationQueries, ReadModelFreshness, EVENT_STORE],
      useFactory: (queries: OrganisationQueries, freshness: ReadModelFreshness, store: EventStore) =>
        new ScopedBranches(queries, freshness, store),
    },
  ],
  exports: [
    READ_MODEL_DB,
    ...QUERIES,
    ReadModelFreshness,
    ScopedBranches,
    WorkerStatusRegistry,
    WorkerLeadership,
    WorkersHealth,
  ],
})
export class ReadModelsModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelsModule.name);
  private readonly runners: ProjectionRunner[];
  private readonly maintenance: ReadModelMaintenance;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workers: WorkerStatusRegistry,
    private readonly leadership: WorkerLeadership,
    private readonly heartbeat: WorkerHeartbeatTable,
  ) {
    const logger = {
      info: (message: string) => this.logger.log(message),
      warn: (message: string) => this.logger.warn(message),
      error: (message: string) => this.logger.error(message),
    };
    this.maintenance = new ReadModelMaintenance(db, db.name, logger);
    const buildIndexes = (sql: string) => this.maintenance.exec(sql);
    this.runners = PROJECTIONS.map(
      (projection) => new ProjectionRunner(store, db, projection, { logger, buildIndexes }),
    );
  }

  onModuleInit(): void {
    for (const runner of this.runners) {
      this.workers.register(() => ({ ...runner.status(), kind: 'projection' }));
    }
    this.leadership.register({
      name: 'projections',
      phase: 'projections',
      start: () => {
        // WAL checkpoints and index builds on a thread of their own while this process writes.
        this.maintenance.start();
        this.runners.forEach((runner) => runner.start());
      },
      stop: async () => {
        await Promise.all(this.runners.map((runner) => runner.stop()));
        await this.maintenance.stop();
      },
    });
  }

  /** Every hook has registered its workers by now (onModuleInit); start competing for the lock. */
  onApplicationBootstrap(): void {
    if (this.config.inProcessWorkers) this.leadership.start();
  }

  /** Every projection's progress, for readiness and operators. */
  statuses() {
    return this.runners.map((runner) => runner.status());
  }

  /** Before shutdown hooks close the store and this database: the workers finish what is in flight. */
  async onModuleDestroy(): Promise<void> {
    await this.leadership.stop();
  }

  onApplicationShutdown(): void {
    this.db.close();
    this.heartbeat.close();
  }
}
