import { Module } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { ElectionBoardQueries, type ReadModelDatabase } from '@app/read-models';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyPublicationModule } from '../policy-publication/policy-publication.module';
import { ReadModelFreshness } from '../read-models/read-model-freshness';
import { READ_MODEL_DB } from '../read-models/read-models.module';
import { CampaignQueries } from './campaign-board';
import { CampaignCommandHandler } from './campaign-command.handler';

/** Renewal campaigns: their command handler, and the election board they are followed on. */
@Module({
  imports: [OrganisationModule, PolicyPublicationModule],
  providers: [
    CampaignCommandHandler,
    {
      provide: ElectionBoardQueries,
      inject: [READ_MODEL_DB],
      useFactory: (db: ReadModelDatabase) => new ElectionBoardQueries(db),
    },
    {
      provide: CampaignQueries,
      inject: [EVENT_STORE, ElectionBoardQueries, ReadModelFreshness],
      useFactory: (store: EventStore, board: ElectionBoardQueries, freshness: ReadModelFreshness) =>
        new CampaignQueries(store, board, freshness),
    },
  ],
  exports: [ElectionBoardQueries, CampaignQueries, OrganisationModule],
})
export class CampaignModule {}
