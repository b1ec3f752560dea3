import { loadConfig, TokenVerifier } from '@app/application';
import type { CliContext } from '../cli-context';
import { ExitCode } from '../exit-codes';
import { tokenCommand } from './token.command';

describe('branchflow token', () => {
  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const config = loadConfig(env);
    const context: CliContext = {
      config,
      openStore: () => Promise.reject(new Error('not needed')),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    };
    return { code: await tokenCommand.run(args, context), out, err, config };
  };

  it('mints a token the API verifies, carrying the role and an optional committee scope', async () => {
    const { code, out, config } = await run(['--role', 'auditor', '--name', '审计员', '--committee', 'c-1']);
    expect(code).toBe(ExitCode.ok);
    const verifier = await TokenVerifier.create(config.auth);
    await expect(verifier.verify(out[0]!)).resolves.toEqual({
      id: 'dev-auditor',
      name: '审计员',
      role: 'auditor',
      committeeId: 'c-1',
    });
  });

  it('refuses an unknown role, and refuses to mint in production', async () => {
    expect((await run(['--role', 'root'])).code).toBe(ExitCode.usage);
    const production = await run(['--role', 'admin'], {
      NODE_ENV: 'production',
      BRANCHFLOW_JWT_SECRET: 'p'.repeat(40),
    });
    expect(production.code).toBe(ExitCode.failed);
    expect(production.out).toEqual([]);
  });
});
