import { Module } from '@nestjs/common';
import { OrgController } from './org.controller';

/** Read-only HTTP over the organisation-history read model (GET /org/…). */
@Module({
  controllers: [OrgController],
})
export class OrgHttpModule {}
