import { InvalidConfiguration, loadConfig } from '@app/application';
import { EventStoreError } from '@app/event-store';
import type { CliCommand, CliContext } from './cli-context';
import { demoCommand } from './commands/demo.command';
import { exportCommand } from './commands/export.command';
import { healthCommand } from './commands/health.command';
import { importCommand } from './commands/import.command';
import { historyCommand } from './commands/history.command';
import { rebuildCommand } from './commands/rebuild.command';
import { tokenCommand } from './commands/token.command';
import { treeCommand } from './commands/tree.command';
import { verifyCommand } from './commands/verify.command';
import { ExitCode } from './exit-codes';

/** Every command the CLI knows, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  healthCommand,
  verifyCommand,
  tokenCommand,
  rebuildCommand,
  demoCommand,
  importCommand,
  exportCommand,
  treeCommand,
  historyCommand,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Usage: branchflow <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help  show this help',
    '',
    'Configuration comes from the environment:',
    '  BRANCHFLOW_DATA_DIR, DATABASE_URL, BRANCHFLOW_DATABASE_SCHEMA, EVENTSTORE_CONNECTION_STRING,',
    '  EVENTSTORE_TIMEOUT_MS, BRANCHFLOW_SQLITE_SYNCHRONOUS',
    '                                  the event store (health, verify, rebuild)',
    "  BRANCHFLOW_READ_MODEL_CACHE_MB  the read models' page cache (rebuild)",
    "  PORT                            the local API's port (demo, import, export, tree, history; default 3000)",
    '  BRANCHFLOW_TOKEN                the bearer token of export, tree and history',
    '  BRANCHFLOW_JWT_SECRET           the secret development tokens are signed with (token, demo; export,',
    '                                  tree and history without a token); never minted in production',
    '  BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES',
    '                                  the longest a token may live (token; default 720, as the API)',
    '  NODE_ENV                        production (or prod, in any case), development (or dev) or test',
    '  LOG_LEVEL                       the log level of the API the demo starts (default warn)',
    '',
    `Exit codes: ${ExitCode.ok} success, ${ExitCode.failed} check failed, ${ExitCode.usage} bad usage, ${ExitCode.badConfig} invalid configuration.`,
  ].join('\n');
}

export type CliEnvironment = Omit<CliContext, 'config'> & { readonly env: NodeJS.ProcessEnv };

/** Runs one command line and returns the exit code; it never exits the process itself. */
export async function runCli(argv: readonly string[], { env, ...io }: CliEnvironment): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage()}`);
    return ExitCode.usage;
  }
  if (args.includes('-h') || args.includes('--help')) {
    io.out(command.help ?? `Usage: branchflow ${command.name}\n\n${command.summary}`);
    return ExitCode.ok;
  }
  try {
    return await command.run(args, { ...io, config: loadConfig(env) });
  } catch (error) {
    if (error instanceof InvalidConfiguration) {
      io.err(error.message);
      return ExitCode.badConfig;
    }
    // A store that cannot be opened or read (missing, read-only, full, damaged, unreachable):
    // its sentence names the file and the remedy, where a stack trace would only hide them.
    if (error instanceof EventStoreError) {
      io.err(error.message);
      return ExitCode.failed;
    }
    throw error;
  }
}
