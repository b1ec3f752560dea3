import { Logger } from 'nestjs-pino';
import {
  describeStore,
  EVENT_STORE,
  loadConfig,
  startupFailureReason,
  usesDevelopmentSecret,
  type AppConfig,
} from '@app/application';
import type { EventStore } from '@app/event-store';
import { boundAddress } from './bound-address';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  const config: AppConfig = loadConfig(process.env);
  const app = await createApp(config);
  // SIGTERM (docker stop) or SIGINT (Ctrl-C) closes the app, which closes the event store
  // (EventStoreModule); process.exit then lets pino flush its last lines and reports success.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.port, config.host);
  const store = app.get<EventStore>(EVENT_STORE);
  const address = boundAddress(app.getHttpServer().address());
  app.get(Logger).log(`branchflow API listening on ${address} (events: ${describeStore(store, config)})`, 'Bootstrap');
  if (usesDevelopmentSecret(config.auth)) {
    app
      .get(Logger)
      .warn(
        'Tokens are signed with the public development secret, so the API takes requests from this machine only (set BRANCHFLOW_JWT_SECRET to listen on other addresses). Get a token with: npm run -s cli -- token --role admin (or auditor, reporter)',
        'Bootstrap',
      );
  }
}

bootstrap().catch((error: unknown) => {
  // The logger may not exist yet (bad config, failed boot): write the reason plainly and stop.
  process.stderr.write(`branchflow API failed to start: ${startupFailureReason(error)}\n`);
  process.exit(1);
});
