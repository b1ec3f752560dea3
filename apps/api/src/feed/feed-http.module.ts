import { Module } from '@nestjs/common';
import { FeedController } from './feed.controller';

/** GET /feed: the resumable change feed, derived from the audit projection. */
@Module({
  controllers: [FeedController],
})
export class FeedHttpModule {}
