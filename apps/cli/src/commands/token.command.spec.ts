import { decodeJwt } from 'jose';
import { loadConfig, mintToken, TokenVerifier } from '@app/application';
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
    const { code, out, config } = await run(['--role', 'admin', '--name', '管理员', '--committee', 'c-1']);
    expect(code).toBe(ExitCode.ok);
    const verifier = await TokenVerifier.create(config.auth);
    await expect(verifier.verify(out[0]!)).resolves.toEqual({
      id: 'dev-admin',
      name: '管理员',
      role: 'admin',
      committeeId: 'c-1',
    });
  });

  it('gives a committee scope to administrators only, as the API accepts it', async () => {
    const scopedAuditor = await run(['--role', 'auditor', '--committee', 'c-1']);
    expect(scopedAuditor.code).toBe(ExitCode.usage);
    expect(scopedAuditor.out).toEqual([]);
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

  it.each(['Production', 'PRODUCTION', 'prod'])(
    'refuses to mint when NODE_ENV=%s, as in production',
    async (nodeEnv) => {
      const refused = await run(['--role', 'admin'], { NODE_ENV: nodeEnv, BRANCHFLOW_JWT_SECRET: 'p'.repeat(40) });
      expect(refused.code).toBe(ExitCode.failed);
      expect(refused.err.join('\n')).toContain('Tokens are minted only in development');
      expect(refused.out).toEqual([]);
    },
  );

  it('mints within the maximum lifetime: 8 hours by default, the maximum if shorter, never beyond', async () => {
    const lifetime = (token: string) => {
      const { exp, iat } = decodeJwt(token);
      return (exp ?? 0) - (iat ?? 0);
    };
    expect(lifetime((await run(['--role', 'reporter'])).out[0]!)).toBe(8 * 3600);
    const short = { BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES: '90' };
    expect(lifetime((await run(['--role', 'reporter'], short)).out[0]!)).toBe(90 * 60);
    expect(lifetime((await run(['--role', 'reporter', '--hours', '1.5'], short)).out[0]!)).toBe(90 * 60);

    const tooLong = await run(['--role', 'admin', '--hours', '720']);
    expect(tooLong.code).toBe(ExitCode.usage);
    expect(tooLong.out).toEqual([]);
    expect(tooLong.err.join('\n')).toContain(
      '--hours must be more than 0 and at most 12: the API refuses tokens valid for longer than BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES (720).',
    );
    expect((await run(['--role', 'admin', '--hours', '2'], short)).code).toBe(ExitCode.usage);
  });

  it('mintToken itself refuses a lifetime beyond the maximum', async () => {
    const { auth } = loadConfig({});
    await expect(
      mintToken(auth, { subject: 's', name: 'n', role: 'admin', ttlSeconds: 30 * 24 * 3600 }),
    ).rejects.toThrow(
      'A token may live at most 720 minutes (BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES); 43200 were asked for.',
    );
  });
});
