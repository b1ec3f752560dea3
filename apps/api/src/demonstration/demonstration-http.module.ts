import { Module } from '@nestjs/common';
import { DemonstrationModule } from '@app/application';
import { DemonstrationsController } from './demonstrations.controller';
import { VolunteerServiceController } from './volunteer-service.controller';
import { VolunteerTeamsController } from './volunteer-teams.controller';

/** HTTP endpoints for 示范党支部创建 and 志愿服务. */
@Module({
  imports: [DemonstrationModule],
  controllers: [DemonstrationsController, VolunteerTeamsController, VolunteerServiceController],
})
export class DemonstrationHttpModule {}
