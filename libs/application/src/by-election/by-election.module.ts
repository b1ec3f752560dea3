import { Inject, Module } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { ReadModelDatabase } from '@app/read-models';
import { ElectionFacts } from '../election/election-facts';
import { ElectionIndex } from '../election/election-index';
import { ElectionModule } from '../election/election.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';
import { SqlCheckpointStore } from '../process-managers/checkpoint-store';
import { ProcessManagerLifecycle } from '../process-managers/process-manager-lifecycle';
import { processLogger } from '../process-managers/process-logger';
import { ProcessManagerRunner } from '../process-managers/process-manager-runner';
import { READ_MODEL_DB } from '../read-models/read-models.module';
import { WorkerStatusRegistry } from '../read-models/worker-status';
import { WorkerLeadership } from '../workers/worker-leadership';
import { ByElectionCommandHandler } from './by-election-command.handler';
import { ByElectionFillingProcessManager } from './by-election-filling.process-manager';
import { ByElectionQueries } from './by-election.queries';

/** Injection token of the runner that gives the branch the post a filed by-election elected. */
export const BY_ELECTION_FILLING_RUNNER = Symbol('BY_ELECTION_FILLING_RUNNER');

/**
 * By-elections (补选): the command handler (facts read as the term election reads them), the
 * by-election's view, and the process manager that fills the post on the branch once the result
 * is filed (started where the workers run, on its checkpoint in the read-model database).
 */
@Module({
  imports: [ElectionModule],
  providers: [
    {
      provide: ElectionFacts,
      inject: [OrganisationFacts, ElectionIndex],
      useFactory: (organisation: OrganisationFacts, index: ElectionIndex) => new ElectionFacts(organisation, index),
    },
    ByElectionCommandHandler,
    {
      provide: ByElectionQueries,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new ByElectionQueries(store),
    },
    {
      provide: BY_ELECTION_FILLING_RUNNER,
      inject: [EVENT_STORE, READ_MODEL_DB, OrganisationFacts, RulePolicies],
      useFactory: (
        store: EventStore,
        db: ReadModelDatabase,
        organisation: OrganisationFacts,
        policies: RulePolicies,
      ): ProcessManagerRunner => {
        const log = processLogger('ByElectionFillingProcessManager');
        const manager = new ByElectionFillingProcessManager(store, organisation, policies, log);
        return new ProcessManagerRunner(store, new SqlCheckpointStore(db), manager, { logger: log });
      },
    },
  ],
  exports: [ByElectionQueries, BY_ELECTION_FILLING_RUNNER, ElectionModule],
})
export class ByElectionModule extends ProcessManagerLifecycle {
  constructor(
    @Inject(BY_ELECTION_FILLING_RUNNER) runner: ProcessManagerRunner,
    leadership: WorkerLeadership,
    workers: WorkerStatusRegistry,
  ) {
    super(runner, leadership, workers);
  }
}
