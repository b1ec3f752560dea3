import { Command } from '@nestjs/cqrs';
import type { DomainEvent } from '@app/domain';
import type { CommandContext } from './handle-command';

/**
 * A domain command as the edge sends it: without `context` (the facts the handler looks up
 * itself, so a caller can never assert them) and without metadata (built from CommandContext).
 */
export type CommandInput<C> = C extends { readonly type: infer T; readonly data: infer D }
  ? { readonly type: T; readonly data: Omit<D, 'context'> }
  : never;

/** What every command answers: where it wrote, up to which revision, and what happened. */
export interface CommandOutcome {
  readonly stream: string;
  readonly revision: number | null;
  /** True when the command id had been handled before and nothing new was appended. */
  readonly replayed: boolean;
  readonly events: readonly DomainEvent[];
}

/** Base of the per-aggregate messages sent over the CQRS command bus. */
export abstract class DomainCommandMessage<C> extends Command<CommandOutcome> {
  constructor(
    readonly input: CommandInput<C>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
