import { Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@app/application';
import { AuditQueries, type ReadModelDatabase } from '@app/read-models';
import { AuditController } from './audit.controller';

/** GET /audit/…: the audit log over the `audit` projection. */
@Module({
  controllers: [AuditController],
  providers: [
    { provide: AuditQueries, inject: [READ_MODEL_DB], useFactory: (db: ReadModelDatabase) => new AuditQueries(db) },
  ],
})
export class AuditHttpModule {}
