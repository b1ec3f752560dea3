import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import type { WorkerStatusRegistry } from '../read-models/worker-status';
import type { ProcessManagerRunner } from './process-manager-runner';

/**
 * What a module that owns a process manager does with it: start it where the workers run (the
 * API under `npm start`, else the worker), report it to readiness, and stop it before shutdown
 * hooks close the store and the read-model database (a step in flight finishes; its event is
 * handled again on the next start).
 */
export abstract class ProcessManagerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private started = false;

  protected constructor(
    private readonly runner: ProcessManagerRunner,
    private readonly config: AppConfig,
    private readonly workers: WorkerStatusRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.inProcessWorkers) return;
    this.runner.start();
    this.started = true;
    this.workers.register(() => ({ ...this.runner.status(), kind: 'processManager' }));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.started) await this.runner.stop();
  }
}
