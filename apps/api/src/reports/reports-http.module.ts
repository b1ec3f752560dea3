import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';

/** GET /reports/…: statistics and lists over the `statistics` projection. */
@Module({
  controllers: [ReportsController],
})
export class ReportsHttpModule {}
