import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import helmet from 'helmet';
import { APP_CONFIG, servedOverTls, type AppConfig } from '@app/application';
import { AppModule } from './app.module';
import { requireJsonBodies } from './http/json-bodies';
import { chooseLanguage } from './http/language';
import { createValidationPipe } from './http/validation';
import { setUpOpenApi } from './open-api';
import { consoleFiles, defaultConsoleDir } from './console/console-files';

/** What every API instance needs besides its modules; shared by main and the e2e tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  // Security headers. The pages are the Swagger UI and the console, whose scripts and
  // stylesheets are files from this origin (no inline script; the console's component library
  // writes its styles into <style> elements, which helmet's default style-src allows). The
  // console talks to this API and, when signing in through OpenID Connect, to the provider.
  // `upgrade-insecure-requests` (helmet's default) only where browsers arrive over TLS: on a
  // plain-HTTP intranet address it sends them to https:// for the pages' own files, which
  // nothing answers, and the page stays blank. Cross-Origin-Opener-Policy likewise: browsers
  // ignore it on an untrustworthy (plain-HTTP, not localhost) origin and log an error on every page.
  const oidcIssuer = config.console.oidc?.issuer;
  const overTls = servedOverTls(config);
  app.use(
    helmet({
      crossOriginOpenerPolicy: overTls,
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'validator.swagger.io'],
          'upgrade-insecure-requests': overTls ? [] : null,
          'connect-src': ["'self'", ...(oidcIssuer ? [new URL(oidcIssuer).origin] : [])],
        },
      },
    }),
  );
  app.use('/console', consoleFiles(config.console.dir ?? defaultConsoleDir()));
  // JSON bodies above 100 kB answer 413 problem+json (Express's default limit, stated here).
  // Keys that could reach an object's prototype are refused while parsing (400), before any
  // DTO transformation sees them.
  // Any other body type is refused with 415 first, so no other parser ever reads a command.
  // The answer's language is chosen before anything can be refused, so every refusal speaks it.
  app.use(chooseLanguage(config.language));
  app.use(requireJsonBodies);
  app.useBodyParser('json', { limit: '100kb', reviver: refusePrototypeKeys });
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app, { ui: config.swaggerUi });
  return app;
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`"${key}" is not accepted as a field name`);
  return value;
}

/** Builds the API (not yet listening) from a validated config. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  // abortOnError: false, so a failed boot is an error the caller reports, not process.abort().
  // autoFlushLogs: false, so that report is the one line main writes: Nest would otherwise print
  // its buffered boot lines and the error's stack first. configureApp flushes them into pino.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
    autoFlushLogs: false,
  });
  return configureApp(app);
}
