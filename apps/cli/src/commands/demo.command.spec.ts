import { loadConfig, TokenVerifier, type AppConfig } from '@app/application';
import type { CliContext } from '../cli-context';
import { ApiUnreachable } from '../demo/http-client';
import type { DemoOptions } from '../demo/run-demo';
import { ExitCode } from '../exit-codes';
import { createDemoCommand } from './demo.command';

const URL = 'http://127.0.0.1:3999';

/** Runs the demo command up to the script, and answers what the script was given. */
async function demoTokens(env: NodeJS.ProcessEnv, config: AppConfig) {
  let given: DemoOptions | undefined;
  const err: string[] = [];
  const command = createDemoCommand({
    sink: { isTTY: false, write: () => undefined },
    env,
    ensure: () => Promise.resolve({ url: URL, started: false, stop: () => Promise.resolve() }),
    run: (options) => {
      given = options;
      return Promise.reject(new ApiUnreachable(URL, 'not needed here'));
    },
  });
  const context: CliContext = {
    config,
    openStore: () => Promise.reject(new Error('the demo talks HTTP only')),
    out: () => undefined,
    err: (line) => err.push(line),
  };
  const code = await command.run(['--url', URL, '--no-start'], context);
  return { code, given, err };
}

describe('branchflow demo tokens', () => {
  it('signs with a minted admin token (and audits with an auditor one) even when BRANCHFLOW_TOKEN is set', async () => {
    const env = { BRANCHFLOW_TOKEN: 'an-auditor-token-the-user-exported' };
    const config = loadConfig(env);
    const { given } = await demoTokens(env, config);
    const verifier = await TokenVerifier.create(config.auth);
    await expect(verifier.verify(given!.adminToken)).resolves.toMatchObject({ role: 'admin' });
    await expect(verifier.verify(given!.auditorToken)).resolves.toMatchObject({ role: 'auditor' });
  });

  it('refuses to mint in production, saying so, before it touches the API', async () => {
    const env = { NODE_ENV: 'production', BRANCHFLOW_JWT_SECRET: 'p'.repeat(40), BRANCHFLOW_TOKEN: 'a-token' };
    const { code, given, err } = await demoTokens(env, loadConfig(env));
    expect(code).toBe(ExitCode.failed);
    expect(given).toBeUndefined();
    expect(err.join('\n')).toContain('The demo signs its own development tokens and cannot here');
  });
});
