import { Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@app/application';
import { OrganisationHistoryQueries, type ReadModelDatabase } from '@app/read-models';
import { OrgController } from './org.controller';

/** Read-only HTTP over the organisation-history read model (GET /org/…). */
@Module({
  controllers: [OrgController],
  providers: [
    {
      provide: OrganisationHistoryQueries,
      inject: [READ_MODEL_DB],
      useFactory: (db: ReadModelDatabase) => new OrganisationHistoryQueries(db),
    },
  ],
})
export class OrgHttpModule {}
