import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { rulePolicyDecider, type RulePolicyCommand } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../command-handling/domain-command-message';
import { executeDomainCommand } from '../command-handling/execute-domain-command';
import { EVENT_STORE } from '../event-store/event-store.module';
import { RULE_POLICY_REGISTRY_ID, RULE_POLICY_STREAM, RulePolicies } from '../policy/rule-policies';

export class ExecuteRulePolicyCommand extends DomainCommandMessage<RulePolicyCommand> {}

/**
 * Publishes a rule version on the bureau's one registry stream. The decider judges it against
 * every version already known (built-in and published), so a version number or an effective
 * date is never taken twice.
 */
@CommandHandler(ExecuteRulePolicyCommand)
export class RulePolicyCommandHandler implements ICommandHandler<ExecuteRulePolicyCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteRulePolicyCommand): Promise<CommandOutcome> {
    // There is one registry: whatever the caller names, the version goes to the bureau's stream.
    const command = { type: input.type, data: { ...input.data, registryId: RULE_POLICY_REGISTRY_ID } };
    const versions = await this.policies.versions();
    return executeDomainCommand(this.store, rulePolicyDecider, RULE_POLICY_STREAM, command, context, versions);
  }
}
