import { Module } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { ElectionBoardQueries } from '@app/read-models';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyPublicationModule } from '../policy-publication/policy-publication.module';
import { ReadModelFreshness } from '../read-models/read-model-freshness';
import { CampaignQueries } from './campaign-board';
import { CampaignCommandHandler } from './campaign-command.handler';

/** Renewal campaigns: their command handler, and the election board they are followed on. */
@Module({
  imports: [OrganisationModule, PolicyPublicationModule],
  providers: [
    CampaignCommandHandler,
    {
      provide: CampaignQueries,
      inject: [EVENT_STORE, ElectionBoardQueries, ReadModelFreshness],
      useFactory: (store: EventStore, board: ElectionBoardQueries, freshness: ReadModelFreshness) =>
        new CampaignQueries(store, board, freshness),
    },
  ],
  exports: [CampaignQueries, OrganisationModule],
})
export class CampaignModule {}
