import { Inject, Module } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { ReadModelDatabase } from '@app/read-models';
import { ProcessManagerLifecycle } from '../process-managers/process-manager-lifecycle';
import { WorkerStatusRegistry } from '../read-models/worker-status';
import { WorkerLeadership } from '../workers/worker-leadership';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';
import { OrganisationModule } from '../organisation/organisation.module';
import { SqlCheckpointStore } from '../process-managers/checkpoint-store';
import { processLogger } from '../process-managers/process-logger';
import { ProcessManagerRunner } from '../process-managers/process-manager-runner';
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
      inject: [EVENT_STORE, READ_MODEL_DB, OrganisationFacts, RulePolicies],
      useFactory: (
        store: EventStore,
        db: ReadModelDatabase,
        facts: OrganisationFacts,
        policies: RulePolicies,
      ): ProcessManagerRunner => {
        const log = processLogger('RestructuringProcessManager');
        const manager = new RestructuringProcessManager(store, facts, policies, { logger: log });
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
export class RestructuringModule extends ProcessManagerLifecycle {
  constructor(
    @Inject(RESTRUCTURING_RUNNER) runner: ProcessManagerRunner,
    leadership: WorkerLeadership,
    workers: WorkerStatusRegistry,
  ) {
    super(runner, leadership, workers);
  }
}
