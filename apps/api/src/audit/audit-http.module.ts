import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** GET /audit/…: the audit log over the `audit` projection. */
@Module({
  controllers: [AuditController],
})
export class AuditHttpModule {}
