import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { RAW_EVENT_STORE } from '../event-store/event-store.module';
import { PeriodicJob } from '../scheduling/periodic-job';
import { WorkerLeadership } from '../workers/worker-leadership';
import { listDigests, recordDigest } from './record-digest';

/** The system itself records periodic digests, acting as this actor. */
export const DIGEST_ACTOR = { id: 'system:digest', name: 'History digest timer', role: 'system' } as const;

/**
 * Records a digest of the whole history every `digestIntervalMinutes` when new events arrived
 * since the last one. Runs where the workers run (the holder of the worker lock: the API under
 * `npm start`, else the worker), so two processes never record the same digest.
 */
@Injectable()
export class DigestScheduler implements OnModuleInit {
  private readonly logger = new Logger(DigestScheduler.name);
  private readonly job = new PeriodicJob(
    () => this.recordIfNew(),
    (error) =>
      this.logger.error(`Could not record a history digest: ${error instanceof Error ? error.message : String(error)}`),
  );

  constructor(
    @Inject(RAW_EVENT_STORE) private readonly raw: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leadership: WorkerLeadership,
  ) {}

  onModuleInit(): void {
    this.leadership.register({
      name: 'history-digests',
      phase: 'timers',
      start: () => this.job.start(this.config.digestIntervalMinutes * 60_000),
      stop: () => this.job.stop(),
    });
  }

  /** One round: shared with one in flight, and nothing recorded when nothing was appended since the last digest. */
  tick(): Promise<void> {
    return this.job.tick();
  }

  private async recordIfNew(): Promise<void> {
    const [head, digests] = await Promise.all([this.raw.headPosition(), listDigests(this.raw)]);
    const latest = digests[digests.length - 1];
    if (head === null || (latest && latest.position >= head)) return;
    const result = await recordDigest(this.raw, DIGEST_ACTOR);
    if (result.recorded) this.logger.log(`Recorded a history digest at position ${result.digest.upToPosition}`);
    else this.logger.error(`History does not verify (${result.breaks} broken streams): no digest recorded`);
  }
}
