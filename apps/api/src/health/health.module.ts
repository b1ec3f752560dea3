import { Module } from '@nestjs/common';
import { VerificationModule } from '@app/application';
import { HealthController } from './health.controller';

// The start-up history check lives with verification; readiness reports it.
@Module({ imports: [VerificationModule], controllers: [HealthController] })
export class HealthModule {}
