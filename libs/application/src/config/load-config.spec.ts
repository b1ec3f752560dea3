import { DEVELOPMENT_SECRET } from '../auth/auth-settings';
import { servedOverTls } from './app-config';
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
      host: '127.0.0.1',
      dataDir: './data',
      eventStoreConnectionString: undefined,
      databaseUrl: undefined,
      databaseSchema: 'public',
      eventStoreTimeoutMs: 3000,
      sqliteSynchronous: 'FULL',
      logLevel: 'info',
      nodeEnv: 'development',
      inProcessWorkers: true,
      electionTimerMinutes: 15,
      digestIntervalMinutes: 60,
      auth: {
        issuer: 'branchflow',
        audience: 'branchflow-api',
        secret: DEVELOPMENT_SECRET,
        publicKeyPem: null,
        jwks: null,
        jwksUrl: null,
        maxLifetimeMinutes: 720,
      },
      timeZone: 'Asia/Shanghai',
      writesPerMinute: 6000,
      readModelCacheMb: 256,
      swaggerUi: true,
      publicUrl: null,
      console: { dir: null, oidc: null },
      language: 'zh-CN',
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
        BRANCHFLOW_JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
        BRANCHFLOW_JWT_ISSUER: 'https://id.example.gov',
        BRANCHFLOW_JWT_AUDIENCE: 'xiaoyi-bureau',
        BRANCHFLOW_SWAGGER_UI: 'true',
        BRANCHFLOW_WRITES_PER_MINUTE: '120',
        BRANCHFLOW_READ_MODEL_CACHE_MB: '64',
        BRANCHFLOW_TIME_ZONE: 'UTC',
        BRANCHFLOW_IN_PROCESS_WORKERS: 'False',
        BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
        BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES: '60',
        BRANCHFLOW_PUBLIC_URL: 'HTTPS://Branchflow.Example.gov:8443/api',
        BRANCHFLOW_LANGUAGE: 'en',
      }),
    ).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/branchflow',
      eventStoreConnectionString: 'esdb+discover://cluster.local:2113?tls=false',
      databaseUrl: undefined,
      databaseSchema: 'public',
      eventStoreTimeoutMs: 4500,
      sqliteSynchronous: 'NORMAL',
      logLevel: 'debug',
      nodeEnv: 'production',
      inProcessWorkers: false,
      electionTimerMinutes: 15,
      digestIntervalMinutes: 0,
      auth: {
        issuer: 'https://id.example.gov',
        audience: 'xiaoyi-bureau',
        secret: 'a-production-secret-of-at-least-32-chars',
        publicKeyPem: null,
        jwks: null,
        jwksUrl: null,
        maxLifetimeMinutes: 60,
      },
      timeZone: 'UTC',
      writesPerMinute: 120,
      readModelCacheMb: 64,
      swaggerUi: true,
      publicUrl: 'https://branchflow.example.gov:8443/api',
      console: { dir: null, oidc: null },
      language: 'en',
    });
  });

  it('answers in zh-CN or en by default, in any case, and refuses another language, naming the variable', () => {
    expect(loadConfig({ BRANCHFLOW_LANGUAGE: 'ZH-cn' }).language).toBe('zh-CN');
    expect(loadConfig({ BRANCHFLOW_LANGUAGE: 'EN' }).language).toBe('en');
    expect(problemsOf({ BRANCHFLOW_LANGUAGE: 'fr' })).toBe(
      'Invalid configuration: BRANCHFLOW_LANGUAGE must be one of zh-CN, en (got "fr")',
    );
  });

  it('refuses to start in production with the public development secret, or with a short secret', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain(
      'BRANCHFLOW_JWT_SECRET or BRANCHFLOW_JWT_SECRET_FILE (or BRANCHFLOW_JWT_PUBLIC_KEY',
    );
    expect(problemsOf({ NODE_ENV: 'production', BRANCHFLOW_JWT_SECRET: DEVELOPMENT_SECRET })).toContain(
      'the development secret is public',
    );
    expect(problemsOf({ BRANCHFLOW_JWT_SECRET: 'short' })).toContain(
      'BRANCHFLOW_JWT_SECRET must be at least 32 characters',
    );
    expect(loadConfig({ NODE_ENV: 'production', BRANCHFLOW_JWT_SECRET: 'x'.repeat(32) }).swaggerUi).toBe(false);
  });

  it.each(['Production', 'PRODUCTION', 'prod', 'Prod', ' production '])(
    'NODE_ENV=%j is production: the development secret is refused, the Swagger UI is off',
    (nodeEnv) => {
      expect(problemsOf({ NODE_ENV: nodeEnv })).toContain('the development secret is public');
      const config = loadConfig({ NODE_ENV: nodeEnv, BRANCHFLOW_JWT_SECRET: 'x'.repeat(32) });
      expect(config).toMatchObject({ nodeEnv: 'production', swaggerUi: false });
    },
  );

  it('reads the other NODE_ENV spellings in any case, and refuses a value it does not know, naming it', () => {
    expect(loadConfig({ NODE_ENV: 'Development' }).nodeEnv).toBe('development');
    expect(loadConfig({ NODE_ENV: 'dev' }).nodeEnv).toBe('development');
    expect(loadConfig({ NODE_ENV: 'TEST' }).nodeEnv).toBe('test');
    for (const unknown of ['staging', 'prodution', 'constructor']) {
      expect(problemsOf({ NODE_ENV: unknown, BRANCHFLOW_JWT_SECRET: 'x'.repeat(32) })).toBe(
        `Invalid configuration: NODE_ENV must be production (or prod), development (or dev) or test (got "${unknown}"); a staging server runs with production`,
      );
    }
    // An unknown value is judged as production in the rest of the check: the secret is missing too.
    expect(problemsOf({ NODE_ENV: 'staging' })).toContain('the development secret is public');
  });

  it('refuses a maximum token lifetime that is not a whole number of minutes up to a week', () => {
    for (const value of ['0', '-5', '1.5', '10081', '12h']) {
      expect(problemsOf({ BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES: value })).toContain(
        `BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES must be an integer between 1 and 10080 (got "${value}")`,
      );
    }
    expect(loadConfig({ BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES: '10080' }).auth.maxLifetimeMinutes).toBe(10_080);
  });

  it('reads a public key file or a JWKS file instead of a secret', () => {
    const files: Record<string, string> = { '/keys/pub.pem': 'PEM', '/keys/jwks.json': '{"keys":[]}' };
    const read = (path: string): string => {
      const found = files[path];
      if (found === undefined) throw new Error('ENOENT');
      return found;
    };
    const config = loadConfig(
      { BRANCHFLOW_JWT_PUBLIC_KEY_FILE: '/keys/pub.pem', BRANCHFLOW_JWKS_FILE: '/keys/jwks.json' },
      read,
    );
    expect(config.auth).toMatchObject({ secret: null, publicKeyPem: 'PEM', jwks: '{"keys":[]}' });
    expect(() => loadConfig({ BRANCHFLOW_JWKS_FILE: '/nowhere' }, read)).toThrow(
      'BRANCHFLOW_JWKS_FILE must name a readable file (got "/nowhere")',
    );
  });

  it('DATABASE_URL selects PostgreSQL, in the schema BRANCHFLOW_DATABASE_SCHEMA names', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://branchflow@db:5432/branchflow', BRANCHFLOW_DATABASE_SCHEMA: 'xiaoyi' }),
    ).toMatchObject({
      databaseUrl: 'postgres://branchflow@db:5432/branchflow',
      databaseSchema: 'xiaoyi',
      eventStoreConnectionString: undefined,
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/branchflow' }).databaseSchema).toBe('public');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL without showing its password, one beside EventStoreDB, and a bad schema', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/branchflow' })).toContain(
      'DATABASE_URL must start with postgres:// or postgresql:// (got "mysql://root:***@db/branchflow")',
    );
    expect(
      problemsOf({
        DATABASE_URL: 'postgres://db/branchflow',
        EVENTSTORE_CONNECTION_STRING: 'esdb://es:2113?tls=false',
      }),
    ).toContain('DATABASE_URL (PostgreSQL) and EVENTSTORE_CONNECTION_STRING (EventStoreDB) are both set');
    expect(
      problemsOf({ DATABASE_URL: 'postgres://db/branchflow', BRANCHFLOW_DATABASE_SCHEMA: 'Branch-Flow' }),
    ).toContain('BRANCHFLOW_DATABASE_SCHEMA must be a lower-case PostgreSQL name');
  });

  it('reads the token secret and the database password from files (Docker secrets), without their last newline', () => {
    const files: Record<string, string> = {
      '/run/secrets/jwt-secret': 'a-production-secret-of-at-least-32-chars\n',
      '/run/secrets/db-password': 'p@ss/word:1\n',
    };
    const read = (path: string) => {
      const content = files[path];
      if (content === undefined) throw new Error('ENOENT');
      return content;
    };
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        BRANCHFLOW_JWT_SECRET_FILE: '/run/secrets/jwt-secret',
        DATABASE_URL: 'postgres://branchflow@postgres:5432/branchflow',
        BRANCHFLOW_DATABASE_PASSWORD_FILE: '/run/secrets/db-password',
      },
      read,
    );
    expect(config.auth.secret).toBe('a-production-secret-of-at-least-32-chars');
    expect(config.host).toBe('0.0.0.0');
    expect(new URL(config.databaseUrl!).password).toBe(encodeURIComponent('p@ss/word:1'));
    expect(decodeURIComponent(new URL(config.databaseUrl!).password)).toBe('p@ss/word:1');
    expect(() =>
      loadConfig({ NODE_ENV: 'production', BRANCHFLOW_JWT_SECRET_FILE: '/run/secrets/missing' }, read),
    ).toThrow('BRANCHFLOW_JWT_SECRET_FILE must name a readable file (got "/run/secrets/missing")');
    expect(() =>
      loadConfig(
        {
          BRANCHFLOW_JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
          BRANCHFLOW_JWT_SECRET_FILE: '/run/secrets/jwt-secret',
        },
        read,
      ),
    ).toThrow('BRANCHFLOW_JWT_SECRET and BRANCHFLOW_JWT_SECRET_FILE are both set');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', EVENTSTORE_CONNECTION_STRING: '  ' })).toMatchObject({
      port: 3000,
      eventStoreConnectionString: undefined,
    });
  });

  it.each<[string, string, string]>([
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
    ...['branchflow.local:3000', 'ftp://branchflow.local', 'https://admin:secret@branchflow.local'].map(
      (url) =>
        [
          'BRANCHFLOW_PUBLIC_URL',
          url,
          `BRANCHFLOW_PUBLIC_URL must be the http:// or https:// address clients reach the API at, without credentials (got "${url}")`,
        ] as [string, string, string],
    ),
  ])('given %s=%j, refuses it and names the variable', (name, value, message) => {
    expect(problemsOf({ [name]: value })).toContain(`Invalid configuration: ${message}`);
  });

  it('refuses election timer minutes that are not a whole number up to a day', () => {
    for (const value of ['-1', 'soon', '1.5', '1441']) {
      expect(() => loadConfig({ BRANCHFLOW_ELECTION_TIMER_MINUTES: value })).toThrow(
        'BRANCHFLOW_ELECTION_TIMER_MINUTES must be an integer between 0 and 1440',
      );
    }
  });

  it('knows the API is reached over TLS only when its public address says https://', () => {
    expect(servedOverTls(loadConfig({}))).toBe(false);
    expect(servedOverTls(loadConfig({ BRANCHFLOW_PUBLIC_URL: 'http://10.12.0.7:3000' }))).toBe(false);
    expect(servedOverTls(loadConfig({ BRANCHFLOW_PUBLIC_URL: 'https://branchflow.bureau.gov' }))).toBe(true);
  });

  describe('HOST and the public development secret', () => {
    const realSecret = { BRANCHFLOW_JWT_SECRET: 'a-real-secret-of-at-least-32-characters' };

    it('listens on 127.0.0.1 only by default while tokens are signed with the development secret', () => {
      expect(loadConfig({}).host).toBe('127.0.0.1');
      expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    });

    it.each(['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])(
      'accepts the loopback address HOST=%s with it',
      (host) => {
        expect(loadConfig({ HOST: host }).host).toBe(host);
      },
    );

    it.each(['0.0.0.0', '::', '192.168.10.5', '10.12.0.7', 'branchflow.laoganbu.local', '128.0.0.1'])(
      'refuses HOST=%s with it, naming the variables that would let it start',
      (host) => {
        expect(problemsOf({ HOST: host })).toBe(
          `Invalid configuration: HOST=${host} would let other machines call an API whose tokens anyone can sign (the public development secret): set BRANCHFLOW_JWT_SECRET (at least 32 characters), BRANCHFLOW_JWT_PUBLIC_KEY (or _FILE), BRANCHFLOW_JWKS_FILE or BRANCHFLOW_JWKS_URL, or leave HOST unset to listen on 127.0.0.1 only`,
        );
        // The development secret named outright is the same public secret.
        expect(problemsOf({ HOST: host, BRANCHFLOW_JWT_SECRET: DEVELOPMENT_SECRET })).toContain(`HOST=${host} would`);
      },
    );

    it('listens on every interface by default with a real secret or an identity provider key, and on any HOST', () => {
      expect(loadConfig(realSecret).host).toBe('0.0.0.0');
      expect(loadConfig({ ...realSecret, HOST: '10.12.0.7' }).host).toBe('10.12.0.7');
      const jwks = loadConfig({ BRANCHFLOW_JWKS_FILE: '/keys/jwks.json' }, () => '{"keys":[]}');
      expect(jwks.host).toBe('0.0.0.0');
      expect(loadConfig({ BRANCHFLOW_JWT_PUBLIC_KEY: 'PEM', HOST: '::' }).host).toBe('::');
    });
  });

  it('reports every bad variable at once', () => {
    const message = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(message).toMatch(/^Invalid configuration: PORT .*; LOG_LEVEL /);
  });

  it("reads the console's OpenID Connect provider and a JWKS URL, which replace the development secret", () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      BRANCHFLOW_OIDC_ISSUER: 'https://id.example.gov/realms/bureau',
      BRANCHFLOW_OIDC_CLIENT_ID: 'branchflow-console',
      BRANCHFLOW_JWKS_URL: 'https://id.example.gov/realms/bureau/certs',
      BRANCHFLOW_CONSOLE_DIR: '/srv/console',
    });
    expect(config.console).toEqual({
      dir: '/srv/console',
      oidc: {
        issuer: 'https://id.example.gov/realms/bureau',
        clientId: 'branchflow-console',
        scope: 'openid profile',
        resource: null,
      },
    });
    // The provider's tokens name it as issuer; nothing is signed with a shared secret.
    expect(config.auth).toMatchObject({
      issuer: 'https://id.example.gov/realms/bureau',
      secret: null,
      jwksUrl: 'https://id.example.gov/realms/bureau/certs',
    });
  });

  it('refuses an OpenID Connect issuer without a client id, and URLs that are not http(s)', () => {
    expect(problemsOf({ BRANCHFLOW_OIDC_ISSUER: 'https://id.example.gov' })).toContain(
      'BRANCHFLOW_OIDC_CLIENT_ID must be set with BRANCHFLOW_OIDC_ISSUER',
    );
    expect(problemsOf({ BRANCHFLOW_JWKS_URL: 'file:///etc/keys.json' })).toContain(
      'BRANCHFLOW_JWKS_URL must be an http:// or https:// URL (got "file:///etc/keys.json")',
    );
    expect(problemsOf({ BRANCHFLOW_OIDC_CLIENT_ID: 'console' })).toContain(
      'BRANCHFLOW_OIDC_ISSUER must be set with BRANCHFLOW_OIDC_CLIENT_ID',
    );
  });
});
