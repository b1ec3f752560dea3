import { Module } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyPublicationModule } from '../policy-publication/policy-publication.module';
import { DemonstrationQueries } from './demonstration-board';
import { DemonstrationCommandHandler } from './demonstration-command.handler';
import { VolunteerCommandHandler } from '../volunteer/volunteer-command.handler';
import { VolunteerTeamQueries } from '../volunteer/volunteer-team.queries';

/** 示范党支部创建 and 志愿服务: their command handlers and the views read from their streams. */
@Module({
  imports: [OrganisationModule, PolicyPublicationModule],
  providers: [
    DemonstrationCommandHandler,
    VolunteerCommandHandler,
    {
      provide: DemonstrationQueries,
      inject: [EVENT_STORE, OrganisationFacts],
      useFactory: (store: EventStore, facts: OrganisationFacts) => new DemonstrationQueries(store, facts),
    },
    {
      provide: VolunteerTeamQueries,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new VolunteerTeamQueries(store),
    },
  ],
  exports: [DemonstrationQueries, VolunteerTeamQueries, OrganisationModule],
})
export class DemonstrationModule {}
