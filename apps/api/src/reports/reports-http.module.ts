import { Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@app/application';
import { StatisticsQueries, type ReadModelDatabase } from '@app/read-models';
import { ReportsController } from './reports.controller';

/** GET /reports/…: statistics and lists over the `statistics` projection. */
@Module({
  controllers: [ReportsController],
  providers: [
    {
      provide: StatisticsQueries,
      inject: [READ_MODEL_DB],
      useFactory: (db: ReadModelDatabase) => new StatisticsQueries(db),
    },
  ],
})
export class ReportsHttpModule {}
