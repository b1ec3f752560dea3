import { LOG_LEVELS, SQLITE_SYNCHRONOUS_MODES, type AppConfig } from './app-config';

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
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
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

  const config: AppConfig = {
    port: integer('PORT', 3000, 1, 65535),
    host: value('HOST') ?? '0.0.0.0',
    dataDir: value('BRANCHFLOW_DATA_DIR') ?? './data',
    eventStoreConnectionString: connectionString,
    eventStoreTimeoutMs: integer('EVENTSTORE_TIMEOUT_MS', 3000, 1, MAX_EVENTSTORE_TIMEOUT_MS),
    sqliteSynchronous: oneOf('BRANCHFLOW_SQLITE_SYNCHRONOUS', SQLITE_SYNCHRONOUS_MODES, 'FULL', (s) => s.toUpperCase()),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info', (s) => s.toLowerCase()),
    nodeEnv: value('NODE_ENV') ?? 'development',
    inProcessWorkers:
      oneOf('BRANCHFLOW_IN_PROCESS_WORKERS', ['true', 'false'] as const, 'true', (s) => s.toLowerCase()) === 'true',
    digestIntervalMinutes: integer('BRANCHFLOW_DIGEST_INTERVAL_MINUTES', 60, 0, 10_080),
  };
  if (problems.length > 0) throw new InvalidConfiguration(problems);
  return config;
}
