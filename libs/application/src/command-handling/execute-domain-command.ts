import type { Decider, DomainEvent, RulePolicy } from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { CommandOutcome } from './domain-command-message';
import { policyInForceOrNull } from '../policy/rule-policies';
import { commandFingerprint } from './command-fingerprint';
import { decideCommand, handleCommand, type CommandContext, type CommandDecision } from './handle-command';

/**
 * Turns an edge command into a domain command (metadata from the context) and runs the
 * load-decide-append loop. The rule policy in force on the command's business date is recorded
 * on every event, so an auditor sees which rule version judged it.
 */
export async function executeDomainCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream: string,
  command: Omit<C, 'metadata'>,
  context: CommandContext,
  /**
   * Every rule version in force at some date, built-in and published (RulePolicies.versions()).
   * Required: with only the built-in versions, a published one would be ignored.
   */
  policies: readonly RulePolicy[],
): Promise<CommandOutcome> {
  const prepared = prepareDomainCommand<C>(stream, command, context, policies);
  const result = await handleCommand(store, decider, stream, prepared.command, prepared.context, prepared.options);
  return { stream: result.stream, revision: result.revision, replayed: result.replayed, events: result.events };
}

/**
 * The same command decided but not appended (decideCommand): for a process manager that appends
 * a slice of commands in one transaction, each exactly as `executeDomainCommand` would have.
 */
export function decideDomainCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream: string,
  command: Omit<C, 'metadata'>,
  context: CommandContext,
  policies: readonly RulePolicy[],
): Promise<CommandDecision<E, S>> {
  const prepared = prepareDomainCommand<C>(stream, command, context, policies);
  return decideCommand(store, decider, stream, prepared.command, prepared.context, prepared.options);
}

function prepareDomainCommand<C>(
  stream: string,
  command: Omit<C, 'metadata'>,
  context: CommandContext,
  policies: readonly RulePolicy[],
) {
  const metadata = { at: context.occurredAt, actor: context.actor };
  const policyVersion = context.policyVersion ?? policyInForceOrNull(policies, context.occurredAt)?.version ?? null;
  const { type, data } = command as unknown as { readonly type: string; readonly data: object };
  const occurredAt = context.occurredAtDefaulted ? undefined : context.occurredAt;
  const fingerprint = commandFingerprint({ stream, type, data, occurredAt });
  return {
    command: { ...command, metadata } as C,
    context: { ...context, policyVersion },
    options: { fingerprint },
  };
}
