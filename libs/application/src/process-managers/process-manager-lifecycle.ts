import type { OnModuleInit } from '@nestjs/common';
import type { WorkerStatusRegistry } from '../read-models/worker-status';
import type { WorkerLeadership } from '../workers/worker-leadership';
import type { ProcessManagerRunner } from './process-manager-runner';

/**
 * What a module that owns a process manager does with it: run it while this process holds the
 * worker lock (WorkerLeadership), report it to readiness, and stop it before shutdown hooks
 * close the store and the read-model database (a step in flight finishes; its event is handled
 * again on the next start).
 */
export abstract class ProcessManagerLifecycle implements OnModuleInit {
  protected constructor(
    private readonly runner: ProcessManagerRunner,
    private readonly leadership: WorkerLeadership,
    private readonly workers: WorkerStatusRegistry,
  ) {}

  onModuleInit(): void {
    this.workers.register(() => ({ ...this.runner.status(), kind: 'processManager' }));
    this.leadership.register({
      name: this.runner.manager.name,
      phase: 'processManagers',
      start: () => this.runner.start(),
      stop: () => this.runner.stop(),
    });
  }
}
