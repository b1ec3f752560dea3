import { usesDevelopmentSecret, type AppConfig, type Role } from '@app/application';
import { languageOfLocale, type Language } from '@app/domain';
import { mintDevelopmentToken } from '../development-token';
import { ApiError, ApiUnreachable } from './http-client';

/**
 * What the operator commands that talk to a running API share: a tiny option parser that
 * refuses what it does not know, the default URL, tokens, and error messages that say what to do.
 */

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `--name value`, `--name=value` and `--flag`; anything else starting with `--` is refused. */
export function parseArgs(
  args: readonly string[],
  spec: { readonly values?: readonly string[]; readonly flags?: readonly string[] },
): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (spec.flags?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value.`);
      flags.add(name);
    } else if (spec.values?.includes(name)) {
      const value = inline ?? args[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`${name} needs a value.`);
      if (inline === undefined) i += 1;
      values.set(name, value);
    } else {
      throw new UsageError(`Unknown option ${name}.`);
    }
  }
  return { values, flags, positionals };
}

/** The API of this machine at the configured PORT, unless `--url` says otherwise. */
/**
 * The language the CLI asks the API to answer in: the operator's locale (LC_ALL, else
 * LC_MESSAGES, else LANG, as POSIX reads them) when it is Chinese or English, else the
 * configured default (BRANCHFLOW_LANGUAGE, zh-CN out of the box).
 */
export function cliLanguage(env: NodeJS.ProcessEnv, config: AppConfig): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  return languageOfLocale(locale) ?? config.language;
}

export function apiUrl(parsed: ParsedArgs, config: AppConfig): string {
  const given = parsed.values.get('--url') ?? `http://127.0.0.1:${config.port}`;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--url must be an http(s) URL such as http://127.0.0.1:3000 (got "${given}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url must be an http(s) URL such as http://127.0.0.1:3000 (got "${given}").`);
  }
  return given.replace(/\/+$/, '');
}

/** The bearer token the user gave: `--token`, else BRANCHFLOW_TOKEN; undefined when neither is set. */
export function givenToken(parsed: ParsedArgs, env: NodeJS.ProcessEnv): string | undefined {
  return (parsed.values.get('--token') ?? env.BRANCHFLOW_TOKEN?.trim()) || undefined;
}

/** A one-hour development token for `role`, whose `name` the audit log shows as the actor. */
export function developmentToken(config: AppConfig, role: Role, name: string): Promise<string> {
  return mintDevelopmentToken(config, { subject: `cli-${role}`, name, role, ttlSeconds: 3600 });
}

export const developmentSecretNote = (config: AppConfig): string | null =>
  usesDevelopmentSecret(config.auth) ? '(tokens signed with the public development secret: for local use only)' : null;

/** A sentence that says what went wrong with the API and what to do about it. */
export function explainApiFailure(error: unknown, url: string): string | null {
  if (error instanceof ApiUnreachable) {
    return `${error.message}\nStart the API with \`npm start\` (or pass --url of one that runs), then try again.`;
  }
  if (error instanceof ApiError) {
    if (error.status === 401) {
      return `${error.message}\nThe API at ${url} refused the token: sign it with the API's BRANCHFLOW_JWT_SECRET (run this command with the same environment as the API), or pass --token.`;
    }
    if (error.status === 403) {
      return `${error.message}\nThe token's role may not do this; pass --token with a token of the role the route needs.`;
    }
    return error.message;
  }
  return null;
}
