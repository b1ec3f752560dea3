import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { partyCommitteeDecider, partyCommitteeStreamName, type PartyCommitteeCommand } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../../command-handling/domain-command-message';
import { executeDomainCommand } from '../../command-handling/execute-domain-command';
import { EVENT_STORE } from '../../event-store/event-store.module';
import { RulePolicies } from '../../policy/rule-policies';
import { OrganisationFacts } from '../organisation-facts';

export class ExecuteCommitteeCommand extends DomainCommandMessage<PartyCommitteeCommand> {}

@CommandHandler(ExecuteCommitteeCommand)
export class CommitteeCommandHandler implements ICommandHandler<ExecuteCommitteeCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteCommitteeCommand): Promise<CommandOutcome> {
    const [command, versions] = await Promise.all([this.withFacts(input), this.policies.versions()]);
    const stream = partyCommitteeStreamName(input.data.committeeId);
    return executeDomainCommand(this.store, partyCommitteeDecider, stream, command, context, versions);
  }

  private async withFacts(input: ExecuteCommitteeCommand['input']): Promise<Omit<PartyCommitteeCommand, 'metadata'>> {
    switch (input.type) {
      case 'EstablishPartyCommittee': {
        const parent = input.data.parentCommitteeId;
        const [parentCommitteeStatus, established] = await Promise.all([
          parent === undefined ? undefined : this.facts.committeeStatus(parent),
          this.facts.establishments({ committees: [parent] }),
        ]);
        return { type: input.type, data: { ...input.data, context: { parentCommitteeStatus, established } } };
      }
      case 'DissolvePartyCommittee': {
        const children = await this.facts.committeeChildren(input.data.committeeId);
        return { type: input.type, data: { ...input.data, context: children } };
      }
      case 'RenamePartyCommittee':
        return input;
    }
  }
}
