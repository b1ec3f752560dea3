import { Module } from '@nestjs/common';
import { OrganisationModule } from '@app/application';
import { BranchesController } from './branches/branches.controller';
import { CommitteesController } from './committees/committees.controller';
import { MembersController } from './members/members.controller';

/** HTTP endpoints for committees, branches, members and posts. */
@Module({
  imports: [OrganisationModule],
  controllers: [CommitteesController, BranchesController, MembersController],
})
export class OrganisationHttpModule {}
