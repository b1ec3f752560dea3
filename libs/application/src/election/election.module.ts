import { BusinessCalendar } from '../calendar/business-calendar';
import { Inject, Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import type { ReadModelDatabase } from '@app/read-models';
import type { CommandOutcome } from '../command-handling/domain-command-message';
import { ProcessManagerLifecycle } from '../process-managers/process-manager-lifecycle';
import { WorkerStatusRegistry } from '../read-models/worker-status';
import { WorkerLeadership } from '../workers/worker-leadership';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { OrganisationModule } from '../organisation/organisation.module';
import { RulePolicies } from '../policy/rule-policies';
import { SqlCheckpointStore } from '../process-managers/checkpoint-store';
import { processLogger } from '../process-managers/process-logger';
import { ProcessManagerRunner } from '../process-managers/process-manager-runner';
import { READ_MODEL_DB } from '../read-models/read-models.module';
import { ElectionCommandHandler, ExecuteElectionCommand } from './election-command.handler';
import { ElectionDocuments } from './election-documents';
import { ElectionFacts } from './election-facts';
import { ElectionIndex } from './election-index';
import { ElectionTimerScheduler } from './election-timer.scheduler';
import { ElectionTimers } from './election-timers';
import { ElectionReminderSender } from './election-reminder-sender';
import { ElectionQueries } from './election.queries';
import { InstallationProcessManager } from './installation.process-manager';

/** Injection token of the runner that drives the installation process manager. */
export const INSTALLATION_RUNNER = Symbol('INSTALLATION_RUNNER');

/**
 * The election workflow: its command handler and queries, the installation process manager
 * (started where the workers run, on its checkpoint in the read-model database) and the durable
 * timers (approval lapse, reminders to the superior).
 */
@Module({
  imports: [OrganisationModule],
  providers: [
    { provide: ElectionIndex, inject: [EVENT_STORE], useFactory: (store: EventStore) => new ElectionIndex(store) },
    {
      provide: ElectionFacts,
      inject: [OrganisationFacts, ElectionIndex],
      useFactory: (organisation: OrganisationFacts, index: ElectionIndex) => new ElectionFacts(organisation, index),
    },
    {
      provide: ElectionDocuments,
      inject: [EVENT_STORE, OrganisationFacts],
      useFactory: (store: EventStore, organisation: OrganisationFacts) => new ElectionDocuments(store, organisation),
    },
    {
      provide: ElectionQueries,
      inject: [EVENT_STORE, RulePolicies, ElectionIndex],
      useFactory: (store: EventStore, policies: RulePolicies, index: ElectionIndex) =>
        new ElectionQueries(store, policies, index),
    },
    ElectionCommandHandler,
    {
      provide: INSTALLATION_RUNNER,
      inject: [EVENT_STORE, READ_MODEL_DB, OrganisationFacts, ElectionFacts, RulePolicies],
      useFactory: (
        store: EventStore,
        db: ReadModelDatabase,
        organisation: OrganisationFacts,
        facts: ElectionFacts,
        policies: RulePolicies,
      ): ProcessManagerRunner => {
        const log = processLogger('InstallationProcessManager');
        const manager = new InstallationProcessManager(store, organisation, facts, policies, { logger: log });
        return new ProcessManagerRunner(store, new SqlCheckpointStore(db), manager, { logger: log });
      },
    },
    {
      provide: ElectionReminderSender,
      inject: [EVENT_STORE, OrganisationFacts, ElectionIndex, ElectionFacts, RulePolicies],
      useFactory: (
        store: EventStore,
        organisation: OrganisationFacts,
        index: ElectionIndex,
        elections: ElectionFacts,
        policies: RulePolicies,
      ) => new ElectionReminderSender(store, organisation, index, elections, policies),
    },
    {
      provide: ElectionTimers,
      inject: [ElectionIndex, RulePolicies, CommandBus, BusinessCalendar, ElectionReminderSender],
      useFactory: (
        index: ElectionIndex,
        policies: RulePolicies,
        bus: CommandBus,
        calendar: BusinessCalendar,
        reminders: ElectionReminderSender,
      ) => {
        return new ElectionTimers(
          index,
          policies,
          (input, context) =>
            bus.execute<ExecuteElectionCommand, CommandOutcome>(new ExecuteElectionCommand(input, context)),
          processLogger('ElectionTimers'),
          calendar,
          reminders,
        );
      },
    },
    ElectionTimerScheduler,
  ],
  exports: [
    ElectionQueries,
    ElectionDocuments,
    ElectionIndex,
    ElectionTimers,
    ElectionTimerScheduler,
    INSTALLATION_RUNNER,
    // RulePolicies comes with OrganisationModule.
    OrganisationModule,
  ],
})
export class ElectionModule extends ProcessManagerLifecycle {
  constructor(
    @Inject(INSTALLATION_RUNNER) runner: ProcessManagerRunner,
    leadership: WorkerLeadership,
    workers: WorkerStatusRegistry,
  ) {
    super(runner, leadership, workers);
  }
}
