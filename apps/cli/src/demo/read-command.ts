import { isIsoDate } from '@app/domain';
import type { CliContext } from '../cli-context';
import { MintingRefused } from '../development-token';
import { ExitCode } from '../exit-codes';
import {
  apiUrl,
  cliLanguage,
  developmentToken,
  explainApiFailure,
  givenToken,
  parseArgs,
  UsageError,
  type ParsedArgs,
} from './api-access';
import { ApiClient } from './http-client';

/** Options every command that reads the API accepts. */
const READ_OPTIONS = ['--url', '--token'] as const;

export const READ_OPTIONS_HELP = [
  '  --url URL      the API (default http://127.0.0.1:$PORT; PORT defaults to 3000)',
  '  --token TOKEN  a bearer token (default: BRANCHFLOW_TOKEN, else an auditor token minted',
  '                 with BRANCHFLOW_JWT_SECRET or the development secret; development only)',
];

export const READ_EXIT_CODES =
  'Exit codes: 0 done; 1 the API could not be reached or refused the request; 2 bad usage; 3 invalid configuration.';

/**
 * Runs a command that reads from a running API as an auditor: parses its options (refusing
 * unknown ones), gets a token, and turns failures into a sentence that says what to do.
 */
export async function runReadCommand(
  args: readonly string[],
  context: CliContext,
  spec: {
    readonly help: string;
    readonly values?: readonly string[];
    readonly validate?: (parsed: ParsedArgs) => void;
  },
  body: (api: ApiClient, parsed: ParsedArgs) => Promise<number>,
): Promise<number> {
  const { config, err } = context;
  let parsed: ParsedArgs;
  let url: string;
  try {
    parsed = parseArgs(args, { values: [...READ_OPTIONS, ...(spec.values ?? [])] });
    url = apiUrl(parsed, config);
    spec.validate?.(parsed);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${spec.help}`);
    return ExitCode.usage;
  }
  let token: string;
  try {
    token = givenToken(parsed, process.env) ?? (await developmentToken(config, 'auditor', '运维命令行（审计）'));
  } catch (error) {
    if (!(error instanceof MintingRefused)) throw error;
    err(`No token: pass --token TOKEN (or set BRANCHFLOW_TOKEN) with an auditor token. ${error.message}`);
    return ExitCode.failed;
  }
  try {
    return await body(new ApiClient(url, token, { maxRetries: 5, language: cliLanguage(process.env, config) }), parsed);
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return ExitCode.usage;
    }
    const explained = explainApiFailure(error, url);
    if (explained === null) throw error;
    err(explained);
    return ExitCode.failed;
  }
}

/** A calendar date YYYY-MM-DD that exists. */
export function requireDate(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`${option} DATE is required (YYYY-MM-DD).`);
  if (!isIsoDate(value)) throw new UsageError(`${option} must be a calendar date written YYYY-MM-DD (got "${value}").`);
  return value;
}
