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
    CommitteeCommandHandler,
    BranchCommandHandler,
    MemberCommandHandler,
    RestructuringCommandHandler,
  ],
  exports: [OrganisationFacts, CqrsModule],
})
export class OrganisationModule {}
