import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/application';
import { AppModule } from './app.module';
import { createValidationPipe } from './http/validation';
import { setUpOpenApi } from './open-api';

/** What every API instance needs besides its modules; shared by main and the e2e tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
  return app;
}

/** Builds the API (not yet listening) from a validated config. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  // abortOnError: false, so a failed boot is an error the caller reports, not process.abort().
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  return configureApp(app);
}
