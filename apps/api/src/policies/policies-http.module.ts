import { Module } from '@nestjs/common';
import { PolicyPublicationModule } from '@app/application';
import { PoliciesController } from './policies.controller';

/** HTTP endpoints for rule versions: publish (administrators), list and in force on a date (every role). */
@Module({
  imports: [PolicyPublicationModule],
  controllers: [PoliciesController],
})
export class PoliciesHttpModule {}
