import { Module } from '@nestjs/common';
import { ByElectionModule } from '@app/application';
import { ByElectionsController } from './by-elections.controller';

/** HTTP endpoints for by-elections (补选). */
@Module({
  imports: [ByElectionModule],
  controllers: [ByElectionsController],
})
export class ByElectionsHttpModule {}
