import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs the real API entry point (compiled on the fly by swc) with extra environment. */
function startApi(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('API boot with a bad configuration', () => {
  it.each([
    ['PORT', 'abc', 'PORT must be an integer between 1 and 65535 (got "abc")'],
    ['EVENTSTORE_CONNECTION_STRING', 'tcp://localhost:1113', 'EVENTSTORE_CONNECTION_STRING must start with esdb://'],
    ['EVENTSTORE_TIMEOUT_MS', '10000', 'EVENTSTORE_TIMEOUT_MS must be an integer between 1 and 4500'],
    // Production in another spelling still refuses the public development secret.
    [
      'NODE_ENV',
      'PRODUCTION',
      'BRANCHFLOW_JWT_SECRET or BRANCHFLOW_JWT_SECRET_FILE (or BRANCHFLOW_JWT_PUBLIC_KEY / BRANCHFLOW_JWKS_FILE / BRANCHFLOW_JWKS_URL) must be set',
    ],
    ['NODE_ENV', 'staging', 'NODE_ENV must be production (or prod), development (or dev) or test (got "staging")'],
  ])(
    '%s=%s stops the boot with exit code 1 and names the variable',
    (name, value, message) => {
      const result = startApi({ [name]: value });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Invalid configuration: ${message}`);
      expect(result.stdout).toBe('');
    },
    30_000,
  );
});
