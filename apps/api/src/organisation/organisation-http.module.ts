import { Module } from '@nestjs/common';
import { OrganisationModule } from '@app/application';
import { CommitteesController } from './committees/committees.controller';

/** HTTP endpoints for committees, branches, members and posts. */
@Module({
  imports: [OrganisationModule],
  controllers: [CommitteesController],
})
export class OrganisationHttpModule {}
