import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

const HEARTBEAT_MS = 60_000;

/**
 * A Nest application context holds no socket, so nothing would keep Node running: this timer
 * does, until shutdown, and leaves a debug line each minute to show the worker is alive. It can
 * go once subscriptions (which hold their own handles) run here.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private timer: NodeJS.Timeout | undefined;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.logger.debug('Worker alive'), HEARTBEAT_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
