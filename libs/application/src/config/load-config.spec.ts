import { InvalidConfiguration, loadConfig } from './load-config';

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof InvalidConfiguration) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('given an empty environment, returns the embedded-store defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      eventStoreConnectionString: undefined,
      eventStoreTimeoutMs: 3000,
      sqliteSynchronous: 'FULL',
      logLevel: 'info',
      nodeEnv: 'development',
      inProcessWorkers: true,
      digestIntervalMinutes: 60,
    });
  });

  it('given every variable, reads each one', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '127.0.0.1',
        BRANCHFLOW_DATA_DIR: '/var/lib/branchflow',
        EVENTSTORE_CONNECTION_STRING: 'esdb+discover://cluster.local:2113?tls=false',
        EVENTSTORE_TIMEOUT_MS: '4500',
        BRANCHFLOW_SQLITE_SYNCHRONOUS: 'normal',
        LOG_LEVEL: 'DEBUG',
        NODE_ENV: 'production',
        BRANCHFLOW_IN_PROCESS_WORKERS: 'False',
        BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
      }),
    ).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/branchflow',
      eventStoreConnectionString: 'esdb+discover://cluster.local:2113?tls=false',
      eventStoreTimeoutMs: 4500,
      sqliteSynchronous: 'NORMAL',
      logLevel: 'debug',
      nodeEnv: 'production',
      inProcessWorkers: false,
      digestIntervalMinutes: 0,
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', EVENTSTORE_CONNECTION_STRING: '  ' })).toMatchObject({
      port: 3000,
      eventStoreConnectionString: undefined,
    });
  });

  it.each([
    ['PORT', 'abc', 'PORT must be an integer between 1 and 65535 (got "abc")'],
    ['PORT', '0', 'PORT must be an integer between 1 and 65535 (got "0")'],
    ['PORT', '65536', 'PORT must be an integer between 1 and 65535 (got "65536")'],
    ['PORT', '80.5', 'PORT must be an integer between 1 and 65535 (got "80.5")'],
    ['PORT', '-1', 'PORT must be an integer between 1 and 65535 (got "-1")'],
    [
      'EVENTSTORE_CONNECTION_STRING',
      'http://localhost:2113',
      'EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover:// (got "http://localhost:2113")',
    ],
    [
      'EVENTSTORE_CONNECTION_STRING',
      'esdb://',
      'EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://',
    ],
    ['EVENTSTORE_TIMEOUT_MS', '5000', 'EVENTSTORE_TIMEOUT_MS must be an integer between 1 and 4500 (got "5000")'],
    ['EVENTSTORE_TIMEOUT_MS', '0', 'EVENTSTORE_TIMEOUT_MS must be an integer between 1 and 4500 (got "0")'],
    ['EVENTSTORE_TIMEOUT_MS', '3s', 'EVENTSTORE_TIMEOUT_MS must be an integer between 1 and 4500 (got "3s")'],
    ['BRANCHFLOW_SQLITE_SYNCHRONOUS', 'OFF', 'BRANCHFLOW_SQLITE_SYNCHRONOUS must be one of FULL, NORMAL (got "OFF")'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
  ])('given %s=%j, refuses it and names the variable', (name, value, message) => {
    expect(problemsOf({ [name]: value })).toContain(`Invalid configuration: ${message}`);
  });

  it('reports every bad variable at once', () => {
    const message = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(message).toMatch(/^Invalid configuration: PORT .*; LOG_LEVEL /);
  });
});
