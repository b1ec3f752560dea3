import { Module } from '@nestjs/common';
import { DigestScheduler } from './digest-scheduler';

/** Periodic history digests; verification itself is a plain function over the raw store. */
@Module({ providers: [DigestScheduler], exports: [DigestScheduler] })
export class VerificationModule {}
