import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, EVENT_STORE, LOG_STREAM, loadConfig, type AppConfig } from '@app/application';
import type { EventStore } from '@app/event-store';
import type { NextFunction, Request, Response } from 'express';
import { tokenFor } from './tokens';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/create-app';
import { servedOpenApiDocument } from '../../apps/api/src/open-api';
import { ResponseConformance, type OpenApiDocument } from './response-conformance';

export interface BootedApi {
  readonly app: NestExpressApplication;
  readonly config: AppConfig;
  readonly store: EventStore;
  readonly dataDir: string;
  /**
   * Closes the app (and so the store) and removes the temporary data dir. Fails when an answer
   * the app sent did not match the response its OpenAPI document declares (response-conformance.ts).
   */
  close(): Promise<void>;
}

/**
 * Boots the API the way main does (same module, same configureApp) on a fresh temporary data
 * dir, so each suite gets its own SQLite file. `env` adds or overrides variables; pass `store`
 * to replace the event store, as unit-level API tests do with a MemoryEventStore.
 */
export interface BootOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly store?: EventStore;
  readonly logStream?: NodeJS.WritableStream;
  /**
   * `signedIn` (default): a request without an Authorization header is sent as a signed-in
   * user — an administrator for writes, an auditor (who may read everything) for reads — with a
   * real token the real guard verifies. `explicit`: requests carry only what the test sets.
   */
  readonly auth?: 'signedIn' | 'explicit';
}

/** What `close()` reports: every answer that departed from the document, by operation and status. */
export class ContractViolations extends Error {
  constructor(readonly violations: readonly string[]) {
    super(
      `${violations.length} answer(s) did not match the served OpenAPI document:\n${violations
        .slice(0, 50)
        .map((violation) => `  ${violation}`)
        .join('\n')}`,
    );
    this.name = 'ContractViolations';
  }
}

export async function bootApi(options: BootOptions = {}): Promise<BootedApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-e2e-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  let app: NestExpressApplication;
  const conformance = new ResponseConformance();
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', BRANCHFLOW_DATA_DIR: dataDir, ...options.env });
    let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
    if (options.store) builder = builder.overrideProvider(EVENT_STORE).useValue(options.store);
    if (options.logStream) builder = builder.overrideProvider(LOG_STREAM).useValue(options.logStream);
    const moduleRef = await builder.compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    app.use(conformance.recorder);
    if (options.auth !== 'explicit') app.use(await signedInClients(config));
    configureApp(app);
    await app.init();
  } catch (error) {
    removeDataDir();
    throw error;
  }
  let closed = false;
  return {
    app,
    config: app.get<AppConfig>(APP_CONFIG),
    store: app.get<EventStore>(EVENT_STORE),
    dataDir,
    async close() {
      if (closed) return;
      closed = true;
      const document = servedOpenApiDocument(app) as OpenApiDocument | undefined;
      try {
        await app.close();
      } finally {
        removeDataDir();
      }
      const violations = document === undefined ? [] : conformance.violations(document);
      if (violations.length > 0) throw new ContractViolations(violations);
    },
  };
}

/** The default clients of `signedIn` mode: one token per kind of request, minted once. */
async function signedInClients(config: AppConfig) {
  const admin = `Bearer ${await tokenFor(config, 'admin')}`;
  const auditor = `Bearer ${await tokenFor(config, 'auditor')}`;
  return (request: Request, _response: Response, next: NextFunction) => {
    request.headers.authorization ??= request.method === 'GET' ? auditor : admin;
    next();
  };
}
