import { readFileSync } from 'node:fs';
import { DEFAULT_LANGUAGE, LANGUAGES } from '@app/domain';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEFAULT_MAX_TOKEN_LIFETIME_MINUTES,
  DEVELOPMENT_SECRET,
  MAX_TOKEN_LIFETIME_LIMIT_MINUTES,
  usesDevelopmentSecret,
  type AuthSettings,
} from '../auth/auth-settings';
import { isTimeZone } from '../calendar/business-calendar';
import {
  LOG_LEVELS,
  NODE_ENV_SPELLINGS,
  SQLITE_SYNCHRONOUS_MODES,
  type AppConfig,
  type ConsoleSettings,
  type NodeEnvironment,
} from './app-config';

/** The environment holds a value the apps cannot run with. The message names every bad variable. */
export class InvalidConfiguration extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'InvalidConfiguration';
  }
}

/** A readiness probe must answer within 5 s, so one store call may take at most this long. */
export const MAX_EVENTSTORE_TIMEOUT_MS = 4500;

/**
 * Reads and validates the environment. Pure, so every rule is unit-tested; all problems are
 * reported at once, so an operator fixes a deployment in one round.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  };
  const oneOf = <T extends string>(
    name: string,
    allowed: readonly T[],
    fallback: T,
    normalise = (s: string) => s,
  ): T => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const found = allowed.find((candidate) => candidate === normalise(raw));
    if (found) return found;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  };

  const connectionString = value('EVENTSTORE_CONNECTION_STRING');
  if (connectionString !== undefined && !/^esdb(\+discover)?:\/\/\S+$/.test(connectionString)) {
    problems.push(
      `EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover:// (got "${connectionString}")`,
    );
  }

  const nodeEnv = nodeEnvironmentOf(value('NODE_ENV'), problems);
  const production = nodeEnv === 'production';
  const file = (name: string): string | null => {
    const path = value(name);
    if (path === undefined) return null;
    try {
      return readFile(path);
    } catch {
      problems.push(`${name} must name a readable file (got "${path}")`);
      return null;
    }
  };
  const rawDatabaseUrl = value('DATABASE_URL');
  if (rawDatabaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(rawDatabaseUrl)) {
    problems.push(`DATABASE_URL must start with postgres:// or postgresql:// (got "${redactUrl(rawDatabaseUrl)}")`);
  }
  if (rawDatabaseUrl !== undefined && connectionString !== undefined) {
    problems.push(
      'DATABASE_URL (PostgreSQL) and EVENTSTORE_CONNECTION_STRING (EventStoreDB) are both set: the events live in one store, set only one',
    );
  }
  const databaseUrl = withPasswordFrom(rawDatabaseUrl, file('BRANCHFLOW_DATABASE_PASSWORD_FILE'), problems);
  const databaseSchema = value('BRANCHFLOW_DATABASE_SCHEMA') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    problems.push(
      `BRANCHFLOW_DATABASE_SCHEMA must be a lower-case PostgreSQL name: letters, digits and _, at most 63 (got "${databaseSchema}")`,
    );
  }

  const maxLifetimeMinutes = integer(
    'BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES',
    DEFAULT_MAX_TOKEN_LIFETIME_MINUTES,
    1,
    MAX_TOKEN_LIFETIME_LIMIT_MINUTES,
  );
  const url = (name: string): string | null => {
    const raw = value(name);
    if (raw === undefined) return null;
    if (isHttpUrl(raw)) return raw;
    problems.push(`${name} must be an http:// or https:// URL (got "${raw}")`);
    return null;
  };
  const consoleSettings = consoleSettingsOf(value, url, problems);
  const auth = authSettings(value, file, url, production, maxLifetimeMinutes, consoleSettings, problems);
  const host = hostOf(value('HOST'), usesDevelopmentSecret(auth), problems);

  const config: AppConfig = {
    port: integer('PORT', 3000, 1, 65535),
    host,
    dataDir: value('BRANCHFLOW_DATA_DIR') ?? './data',
    eventStoreConnectionString: connectionString,
    databaseUrl,
    databaseSchema,
    eventStoreTimeoutMs: integer('EVENTSTORE_TIMEOUT_MS', 3000, 1, MAX_EVENTSTORE_TIMEOUT_MS),
    sqliteSynchronous: oneOf('BRANCHFLOW_SQLITE_SYNCHRONOUS', SQLITE_SYNCHRONOUS_MODES, 'FULL', (s) => s.toUpperCase()),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info', (s) => s.toLowerCase()),
    nodeEnv,
    inProcessWorkers:
      oneOf('BRANCHFLOW_IN_PROCESS_WORKERS', ['true', 'false'] as const, 'true', (s) => s.toLowerCase()) === 'true',
    electionTimerMinutes: integer('BRANCHFLOW_ELECTION_TIMER_MINUTES', 15, 0, 1440),
    digestIntervalMinutes: integer('BRANCHFLOW_DIGEST_INTERVAL_MINUTES', 60, 0, 10_080),
    auth,
    timeZone: timeZoneOf(value('BRANCHFLOW_TIME_ZONE'), problems),
    writesPerMinute: integer('BRANCHFLOW_WRITES_PER_MINUTE', 6000, 1, 1_000_000),
    readModelCacheMb: integer('BRANCHFLOW_READ_MODEL_CACHE_MB', 256, 2, 65_536),
    swaggerUi:
      oneOf('BRANCHFLOW_SWAGGER_UI', ['true', 'false'] as const, production ? 'false' : 'true', (s) =>
        s.toLowerCase(),
      ) === 'true',
    publicUrl: publicUrlOf(value('BRANCHFLOW_PUBLIC_URL'), problems),
    console: consoleSettings,
    language: oneOf('BRANCHFLOW_LANGUAGE', LANGUAGES, DEFAULT_LANGUAGE, (s) =>
      s.toLowerCase() === 'zh-cn' ? 'zh-CN' : s.toLowerCase(),
    ),
  };
  if (problems.length > 0) throw new InvalidConfiguration(problems);
  return config;
}

/**
 * Token keys: a public key or JWKS (production) or a shared secret. Without any, development
 * falls back to a well-known secret so `npm start` works at once; production refuses it.
 */
function authSettings(
  value: (name: string) => string | undefined,
  file: (name: string) => string | null,
  url: (name: string) => string | null,
  production: boolean,
  maxLifetimeMinutes: number,
  consoleSettings: ConsoleSettings,
  problems: string[],
): AuthSettings {
  const publicKeyPem =
    value('BRANCHFLOW_JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n') ?? file('BRANCHFLOW_JWT_PUBLIC_KEY_FILE');
  const jwks = file('BRANCHFLOW_JWKS_FILE');
  const jwksUrl = url('BRANCHFLOW_JWKS_URL');
  // A file (a Docker secret at /run/secrets/…) keeps the secret out of the environment; its last newline is not part of it.
  const secretFile = file('BRANCHFLOW_JWT_SECRET_FILE')?.replace(/\r?\n$/, '') ?? null;
  if (secretFile !== null && value('BRANCHFLOW_JWT_SECRET') !== undefined) {
    problems.push('BRANCHFLOW_JWT_SECRET and BRANCHFLOW_JWT_SECRET_FILE are both set: set only one');
  }
  const configuredSecret = value('BRANCHFLOW_JWT_SECRET') ?? secretFile;
  if (configuredSecret !== null && configuredSecret.length < 32) {
    problems.push('BRANCHFLOW_JWT_SECRET must be at least 32 characters long');
  }
  const secret = configuredSecret ?? (publicKeyPem || jwks || jwksUrl ? null : DEVELOPMENT_SECRET);
  if (production && secret === DEVELOPMENT_SECRET) {
    problems.push(
      'BRANCHFLOW_JWT_SECRET or BRANCHFLOW_JWT_SECRET_FILE (or BRANCHFLOW_JWT_PUBLIC_KEY / BRANCHFLOW_JWKS_FILE / BRANCHFLOW_JWKS_URL) must be set in production: the development secret is public',
    );
  }
  return {
    // Tokens from the console's identity provider name it as their issuer.
    issuer: value('BRANCHFLOW_JWT_ISSUER') ?? consoleSettings.oidc?.issuer ?? DEFAULT_ISSUER,
    audience: value('BRANCHFLOW_JWT_AUDIENCE') ?? DEFAULT_AUDIENCE,
    secret,
    publicKeyPem,
    jwks,
    jwksUrl,
    maxLifetimeMinutes,
  };
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: addresses only this machine reaches. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(?:\.\d{1,3}){3})$/i;

/**
 * Where the API listens. Anyone can sign a token with the public development secret, so an API
 * using it listens on this machine only: 127.0.0.1 by default, and any other address is refused
 * until a real secret or key is configured. With one, every interface (0.0.0.0), as a server and
 * a container expect.
 */
function hostOf(raw: string | undefined, developmentSecret: boolean, problems: string[]): string {
  if (!developmentSecret) return raw ?? '0.0.0.0';
  if (raw === undefined) return '127.0.0.1';
  if (!LOOPBACK.test(raw)) {
    problems.push(
      `HOST=${raw} would let other machines call an API whose tokens anyone can sign (the public development secret): ` +
        'set BRANCHFLOW_JWT_SECRET (at least 32 characters), BRANCHFLOW_JWT_PUBLIC_KEY (or _FILE), BRANCHFLOW_JWKS_FILE or BRANCHFLOW_JWKS_URL, ' +
        'or leave HOST unset to listen on 127.0.0.1 only',
    );
  }
  return raw;
}

/** The console's files and its OpenID Connect sign-in; a client id without an issuer is a mistake. */
function consoleSettingsOf(
  value: (name: string) => string | undefined,
  url: (name: string) => string | null,
  problems: string[],
): ConsoleSettings {
  const issuer = url('BRANCHFLOW_OIDC_ISSUER');
  const clientId = value('BRANCHFLOW_OIDC_CLIENT_ID');
  if (issuer !== null && clientId === undefined) {
    problems.push("BRANCHFLOW_OIDC_CLIENT_ID must be set with BRANCHFLOW_OIDC_ISSUER (the console's client id there)");
  }
  if (issuer === null && clientId !== undefined && value('BRANCHFLOW_OIDC_ISSUER') === undefined) {
    problems.push('BRANCHFLOW_OIDC_ISSUER must be set with BRANCHFLOW_OIDC_CLIENT_ID');
  }
  return {
    dir: value('BRANCHFLOW_CONSOLE_DIR') ?? null,
    oidc:
      issuer !== null && clientId !== undefined
        ? {
            issuer,
            clientId,
            scope: value('BRANCHFLOW_OIDC_SCOPE') ?? 'openid profile',
            resource: value('BRANCHFLOW_OIDC_RESOURCE') ?? null,
          }
        : null,
  };
}

function isHttpUrl(raw: string): boolean {
  try {
    const parsed = new URL(raw);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Compared without regard to case, since `Production` and `PRODUCTION` mean production to the
 * operator who wrote them. Unset is development, the embedded default of `npm start`.
 */
function nodeEnvironmentOf(raw: string | undefined, problems: string[]): NodeEnvironment {
  if (raw === undefined) return 'development';
  const found = NODE_ENV_SPELLINGS.get(raw.toLowerCase());
  if (found) return found;
  problems.push(
    `NODE_ENV must be production (or prod), development (or dev) or test (got "${raw}"); a staging server runs with production`,
  );
  // Whatever else is wrong is judged by the stricter rules.
  return 'production';
}

/** An absolute http:// or https:// URL, normalised (scheme and host lower-cased, a path of at least `/`). */
function publicUrlOf(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // Reported below with every other malformed value.
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '') {
    return url.href;
  }
  problems.push(
    `BRANCHFLOW_PUBLIC_URL must be the http:// or https:// address clients reach the API at, without credentials (got "${raw}")`,
  );
  return null;
}

/**
 * BRANCHFLOW_DATABASE_PASSWORD_FILE (a Docker or Kubernetes secret) supplies the password the
 * URL leaves out, so it never sits in the environment or the compose file.
 */
function withPasswordFrom(url: string | undefined, password: string | null, problems: string[]): string | undefined {
  if (url === undefined || password === null) return url;
  try {
    const parsed = new URL(url);
    parsed.password = encodeURIComponent(password.replace(/\r?\n$/, ''));
    return parsed.href;
  } catch {
    problems.push('DATABASE_URL must be a URL to take the password of BRANCHFLOW_DATABASE_PASSWORD_FILE');
    return url;
  }
}

/** A connection string as it may be shown: without its password. */
function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function timeZoneOf(name: string | undefined, problems: string[]): string {
  if (name === undefined) return 'Asia/Shanghai';
  if (isTimeZone(name)) return name;
  problems.push(`BRANCHFLOW_TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "${name}")`);
  return 'Asia/Shanghai';
}
