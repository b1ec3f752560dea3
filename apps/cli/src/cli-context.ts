import type { AppConfig } from '@app/application';
import type { EventStore } from '@app/event-store';

/** What a command may touch; injected so commands run in tests without a process or a disk. */
export interface CliContext {
  readonly config: AppConfig;
  readonly openStore: (config: AppConfig) => Promise<EventStore>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Shown by `<command> --help`; the summary when absent. */
  readonly help?: string;
  run(args: readonly string[], context: CliContext): Promise<number>;
}
