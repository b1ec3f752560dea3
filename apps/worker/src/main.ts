import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { describeStore, EVENT_STORE, loadConfig, startupFailureReason } from '@app/application';
import type { EventStore } from '@app/event-store';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
    // A failed boot is reported by the one line below, not by Nest's buffered lines and a stack.
    autoFlushLogs: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  // SIGTERM (docker stop) or SIGINT (Ctrl-C) closes the context, which closes the event store
  // (EventStoreModule); process.exit then lets pino flush its last lines and reports success.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  const store = app.get<EventStore>(EVENT_STORE);
  logger.log(`branchflow worker running (events: ${describeStore(store, config)})`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`branchflow worker failed to start: ${startupFailureReason(error)}\n`);
  process.exit(1);
});
