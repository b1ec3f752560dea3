import type { Language } from '@app/domain';
import type { AuthSettings } from '../auth/auth-settings';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type NodeEnvironment = 'production' | 'development' | 'test';

/**
 * What NODE_ENV may say, after it is lower-cased: `prod` is production too. Anything else is
 * refused at boot, so a misspelt or unexpected value (`Prodution`, `staging`) never runs a server
 * without the production safeguards; a staging server is a production deployment.
 */
export const NODE_ENV_SPELLINGS: ReadonlyMap<string, NodeEnvironment> = new Map([
  ['production', 'production'],
  ['prod', 'production'],
  ['development', 'development'],
  ['dev', 'development'],
  ['test', 'test'],
]);

export const SQLITE_SYNCHRONOUS_MODES = ['FULL', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

/**
 * OpenID Connect sign-in of the web console (authorization code with PKCE, a public client):
 * what the browser needs to find the provider. The API verifies the provider's access tokens
 * with the keys in AuthSettings (BRANCHFLOW_JWKS_URL, usually the provider's `jwks_uri`).
 */
export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** RFC 8707 resource indicator asked for in the sign-in, for providers that issue per-API tokens. */
  readonly resource: string | null;
}

/** The web console served at /console. */
export interface ConsoleSettings {
  /** Where its built files are (`npm run build` writes dist/console); null: that default. */
  readonly dir: string | null;
  /** Sign-in through an identity provider; null: only development sign-in, where allowed. */
  readonly oidc: OidcSettings | null;
}

/** Everything the apps read from the environment, validated once at boot. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Where the embedded SQLite files live (the events too, when no server store is configured). */
  readonly dataDir: string;
  /** Set → EventStoreDB; unset → the embedded SQLite store under dataDir (or PostgreSQL). */
  readonly eventStoreConnectionString: string | undefined;
  /**
   * DATABASE_URL: set → the events live in PostgreSQL, and the right to run the workers is an
   * advisory lock there (one leader across every process on the database). Never logged: it
   * may hold a password.
   */
  readonly databaseUrl: string | undefined;
  /** The PostgreSQL schema holding the events (BRANCHFLOW_DATABASE_SCHEMA, `public` by default). */
  readonly databaseSchema: string;
  /** Upper bound on one store call, so a silent peer cannot hold a request past 5 s. */
  readonly eventStoreTimeoutMs: number;
  readonly sqliteSynchronous: SqliteSynchronous;
  readonly logLevel: LogLevel;
  /** NODE_ENV, normalised: `production` turns on the production safeguards. */
  readonly nodeEnv: NodeEnvironment;
  /**
   * Run projections and process managers inside this process (the embedded default). A
   * production API beside a separate worker sets BRANCHFLOW_IN_PROCESS_WORKERS=false.
   */
  readonly inProcessWorkers: boolean;
  /** Minutes between looks for election deadlines that fell due (0 turns the timer off). */
  readonly electionTimerMinutes: number;
  /** Minutes between history digests (0 turns the timer off). */
  readonly digestIntervalMinutes: number;
  /** How bearer tokens are verified. */
  readonly auth: AuthSettings;
  /** Writes one caller may send per minute before 429 (reads are not limited). */
  readonly writesPerMinute: number;
  /**
   * Most memory (MB) each read-model connection keeps as SQLite page cache. A rebuild and the
   * as-of queries of a large organisation read and write the same pages over and over.
   */
  readonly readModelCacheMb: number;
  /** The bureau's time zone: what "today" means for defaults and deadlines (IANA name). */
  readonly timeZone: string;
  /** Serve the OpenAPI UI at /docs (off by default in production). */
  readonly swaggerUi: boolean;
  /**
   * The address clients reach the API at (BRANCHFLOW_PUBLIC_URL), null when not stated. The API
   * itself speaks plain HTTP; `https://` here says a proxy in front of it terminates TLS.
   */
  readonly publicUrl: string | null;
  readonly console: ConsoleSettings;
  /**
   * The language of refusals, validation messages and CSV headers when a request's
   * Accept-Language names neither Chinese nor English (zh-CN: the bureau's own).
   */
  readonly language: Language;
}

/**
 * Whether browsers reach the API over TLS, as the operator states it with BRANCHFLOW_PUBLIC_URL.
 * Not guessed from request headers: X-Forwarded-Proto is whatever a client chooses to send
 * unless a proxy is trusted to overwrite it, and an intranet server usually has none.
 */
export function servedOverTls(config: Pick<AppConfig, 'publicUrl'>): boolean {
  return config.publicUrl?.startsWith('https://') ?? false;
}
