import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { branchStreamName, createBranchDecider, type BranchCommand } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../../command-handling/domain-command-message';
import { executeDomainCommand } from '../../command-handling/execute-domain-command';
import { EVENT_STORE } from '../../event-store/event-store.module';
import { RulePolicies } from '../../policy/rule-policies';
import { OrganisationFacts } from '../organisation-facts';

export class ExecuteBranchCommand extends DomainCommandMessage<BranchCommand> {}

@CommandHandler(ExecuteBranchCommand)
export class BranchCommandHandler implements ICommandHandler<ExecuteBranchCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteBranchCommand): Promise<CommandOutcome> {
    const [command, versions] = await Promise.all([this.withFacts(input), this.policies.versions()]);
    // The branch's shape is judged by the rule in force, published versions included.
    const decider = createBranchDecider(versions);
    return executeDomainCommand(this.store, decider, branchStreamName(input.data.branchId), command, context, versions);
  }

  private async withFacts(input: ExecuteBranchCommand['input']): Promise<Omit<BranchCommand, 'metadata'>> {
    switch (input.type) {
      case 'EstablishBranch':
      case 'ReaffiliateBranch': {
        const [parentCommitteeStatus, established] = await Promise.all([
          this.facts.committeeStatus(input.data.parentCommitteeId),
          this.facts.establishments({ committees: [input.data.parentCommitteeId] }),
        ]);
        return { type: input.type, data: { ...input.data, context: { parentCommitteeStatus, established } } };
      }
      case 'AssignPost': {
        const holder = await this.facts.holderFacts(input.data.branchId, input.data.holder.personId);
        return { type: input.type, data: { ...input.data, context: { holder } } };
      }
      case 'AssessBranchShape': {
        const counts = await this.facts.memberCounts(input.data.branchId);
        return { type: input.type, data: { ...input.data, context: { counts } } };
      }
      case 'DissolveBranch': {
        const memberCount = await this.facts.memberCount(input.data.branchId);
        return { type: input.type, data: { ...input.data, context: { memberCount } } };
      }
      case 'RenameBranch':
      case 'AddManagementLink':
      case 'RemoveManagementLink':
      case 'VacatePost':
        return input;
    }
  }
}
