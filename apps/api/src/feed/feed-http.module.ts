import { Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@app/application';
import { AuditQueries, type ReadModelDatabase } from '@app/read-models';
import { FeedController } from './feed.controller';

/** GET /feed: the resumable change feed, derived from the audit projection. */
@Module({
  controllers: [FeedController],
  providers: [
    { provide: AuditQueries, inject: [READ_MODEL_DB], useFactory: (db: ReadModelDatabase) => new AuditQueries(db) },
  ],
})
export class FeedHttpModule {}
