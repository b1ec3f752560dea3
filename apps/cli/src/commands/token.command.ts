import { isRole, ROLES, usesDevelopmentSecret } from '@app/application';
import type { CliCommand } from '../cli-context';
import { mintDevelopmentToken, MintingRefused } from '../development-token';
import { ExitCode } from '../exit-codes';
import { option } from '../options';

const HELP = [
  'Usage: branchflow token --role admin|auditor|reporter [--name NAME] [--subject ID] [--committee ID] [--hours N]',
  '',
  'Prints a signed bearer token for the API, using the configured BRANCHFLOW_JWT_SECRET',
  '(the development secret when none is set). Not available in production: there, tokens come',
  'from your identity provider.',
  '',
  '  --hours N  how long the token is valid (default 8, at most BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES,',
  '             12 hours unless set): the API refuses tokens that live longer',
  '',
  'Example: curl -H "Authorization: Bearer $(npm run -s cli -- token --role auditor)" localhost:3000/audit/verify',
].join('\n');

/** Development convenience: a token for a role, so a new user can call the API in minutes. */
export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'print a development bearer token for a role (admin, auditor, reporter)',
  help: HELP,
  async run(args, { config, out, err }) {
    const role = option(args, '--role');
    if (!isRole(role)) {
      err(`--role must be one of ${ROLES.join(', ')}.\n\n${HELP}`);
      return ExitCode.usage;
    }
    const committeeId = option(args, '--committee');
    if (committeeId !== undefined && role !== 'admin') {
      err('--committee scopes an administrator to one committee; the API refuses it on any other role.');
      return ExitCode.usage;
    }
    const maxHours = config.auth.maxLifetimeMinutes / 60;
    const hours = Number(option(args, '--hours') ?? Math.min(8, maxHours));
    if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours) {
      err(
        `--hours must be more than 0 and at most ${maxHours}: the API refuses tokens valid for longer than BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES (${config.auth.maxLifetimeMinutes}).`,
      );
      return ExitCode.usage;
    }
    let token: string;
    try {
      token = await mintDevelopmentToken(config, {
        subject: option(args, '--subject') ?? `dev-${role}`,
        name: option(args, '--name') ?? `Development ${role}`,
        role,
        committeeId,
        ttlSeconds: Math.round(hours * 3600),
      });
    } catch (error) {
      if (!(error instanceof MintingRefused)) throw error;
      err(error.message);
      return ExitCode.failed;
    }
    if (usesDevelopmentSecret(config.auth)) err('(signed with the public development secret: for local use only)');
    out(token);
    return ExitCode.ok;
  },
};
