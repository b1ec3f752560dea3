/** What the CLI's exit status means, so scripts and orchestrators can act on it. */
export const ExitCode = {
  ok: 0,
  /** The command ran and found a problem, e.g. the store did not answer. */
  failed: 1,
  /** Unknown command or option. */
  usage: 2,
  /** An environment variable holds an invalid value. */
  badConfig: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
