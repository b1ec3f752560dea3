import { Module } from '@nestjs/common';
import { VerificationModule } from '@app/application';
import { VerificationController } from './verification.controller';

@Module({ imports: [VerificationModule], controllers: [VerificationController] })
export class VerificationHttpModule {}
