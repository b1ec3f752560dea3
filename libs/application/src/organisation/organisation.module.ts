import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import { OrganisationQueries } from '@app/read-models';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ReadModelFreshness } from '../read-models/read-model-freshness';
import { RestructuringCommandHandler } from '../restructuring/restructuring-command.handler';
import { BranchCommandHandler } from './branch/branch-command.handler';
import { CommitteeCommandHandler } from './committee/committee-command.handler';
import { MemberCommandHandler } from './member/member-command.handler';
import { RulePolicies } from '../policy/rule-policies';
import { OrganisationFacts } from './organisation-facts';

/** Committees, branches, members, posts and restructurings: their command handlers and facts. */
@Module({
  imports: [CqrsModule],
  providers: [
    {
      provide: OrganisationFacts,
      inject: [EVENT_STORE, OrganisationQueries, ReadModelFreshness],
      useFactory: (store: EventStore, queries: OrganisationQueries, freshness: ReadModelFreshness) =>
        new OrganisationFacts(store, queries, freshness),
    },
    { provide: RulePolicies, inject: [EVENT_STORE], useFactory: (store: EventStore) => new RulePolicies(store) },
    CommitteeCommandHandler,
    BranchCommandHandler,
    MemberCommandHandler,
    RestructuringCommandHandler,
  ],
  exports: [OrganisationFacts, RulePolicies, CqrsModule],
})
export class OrganisationModule {}
