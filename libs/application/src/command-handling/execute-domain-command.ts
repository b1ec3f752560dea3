import type { Decider, DomainEvent, RulePolicy } from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { CommandOutcome } from './domain-command-message';
import { policyInForceOrNull } from '../policy/rule-policies';
import { commandFingerprint } from './command-fingerprint';
import { handleCommand, type CommandContext } from './handle-command';

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
  const metadata = { at: context.occurredAt, actor: context.actor };
  const policyVersion = context.policyVersion ?? policyInForceOrNull(policies, context.occurredAt)?.version ?? null;
  const { type, data } = command as unknown as { readonly type: string; readonly data: object };
  const occurredAt = context.occurredAtDefaulted ? undefined : context.occurredAt;
  const fingerprint = commandFingerprint({ stream, type, data, occurredAt });
  const result = await handleCommand(
    store,
    decider,
    stream,
    { ...command, metadata } as C,
    { ...context, policyVersion },
    { fingerprint },
  );
  return { stream: result.stream, revision: result.revision, replayed: result.replayed, events: result.events };
}
