import { Module } from '@nestjs/common';
import { DigestScheduler } from './digest-scheduler';
import { HistoryIntegrity } from './history-integrity';

/** Periodic history digests; verification itself is a plain function over the raw store. */
@Module({ providers: [DigestScheduler, HistoryIntegrity], exports: [DigestScheduler, HistoryIntegrity] })
export class VerificationModule {}
