import { readFileSync } from 'node:fs';
import { DEFAULT_LANGUAGE, LANGUAGES } from '@app/domain';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEFAULT_MAX_TOKEN_LIFETIME_MINUTES,
  DEVELOPMENT_SECRET,
  MAX_TOKEN_LIFETIME_LIMIT_MINUTES,
  type AuthSettings,
} from '../auth/auth-settings';
import { isTimeZone } from '../calendar/business-calendar';
import {
  LOG_LEVELS,
  NODE_ENV_SPELLINGS,
  SQLITE_SYNCHRONOUS_MODES,
  type AppConfig,
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
  const maxLifetimeMinutes = integer(
    'BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES',
    DEFAULT_MAX_TOKEN_LIFETIME_MINUTES,
    1,
    MAX_TOKEN_LIFETIME_LIMIT_MINUTES,
  );
  const auth = authSettings(value, file, production, maxLifetimeMinutes, problems);

  const config: AppConfig = {
    port: integer('PORT', 3000, 1, 65535),
    host: value('HOST') ?? '0.0.0.0',
    dataDir: value('BRANCHFLOW_DATA_DIR') ?? './data',
    eventStoreConnectionString: connectionString,
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
  production: boolean,
  maxLifetimeMinutes: number,
  problems: string[],
): AuthSettings {
  const publicKeyPem =
    value('BRANCHFLOW_JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n') ?? file('BRANCHFLOW_JWT_PUBLIC_KEY_FILE');
  const jwks = file('BRANCHFLOW_JWKS_FILE');
  const configuredSecret = value('BRANCHFLOW_JWT_SECRET') ?? null;
  if (configuredSecret !== null && configuredSecret.length < 32) {
    problems.push('BRANCHFLOW_JWT_SECRET must be at least 32 characters long');
  }
  const secret = configuredSecret ?? (publicKeyPem || jwks ? null : DEVELOPMENT_SECRET);
  if (production && secret === DEVELOPMENT_SECRET) {
    problems.push(
      'BRANCHFLOW_JWT_SECRET (or BRANCHFLOW_JWT_PUBLIC_KEY / BRANCHFLOW_JWKS_FILE) must be set in production: the development secret is public',
    );
  }
  return {
    issuer: value('BRANCHFLOW_JWT_ISSUER') ?? DEFAULT_ISSUER,
    audience: value('BRANCHFLOW_JWT_AUDIENCE') ?? DEFAULT_AUDIENCE,
    secret,
    publicKeyPem,
    jwks,
    maxLifetimeMinutes,
  };
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

function timeZoneOf(name: string | undefined, problems: string[]): string {
  if (name === undefined) return 'Asia/Shanghai';
  if (isTimeZone(name)) return name;
  problems.push(`BRANCHFLOW_TIME_ZONE must be an IANA time zone such as Asia/Shanghai (got "${name}")`);
  return 'Asia/Shanghai';
}
