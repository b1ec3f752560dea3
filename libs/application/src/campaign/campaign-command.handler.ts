import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, campaignStreamName, type CampaignCommand } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../command-handling/domain-command-message';
import { executeDomainCommand } from '../command-handling/execute-domain-command';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';

export class ExecuteCampaignCommand extends DomainCommandMessage<CampaignCommand> {}

/** The renewal campaign (`campaign-…`): plan, working groups, and 包联 assignments with the branch's status. */
@CommandHandler(ExecuteCampaignCommand)
export class CampaignCommandHandler implements ICommandHandler<ExecuteCampaignCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteCampaignCommand): Promise<CommandOutcome> {
    const [command, versions] = await Promise.all([this.withFacts(input), this.policies.versions()]);
    const stream = campaignStreamName(input.data.campaignId);
    return executeDomainCommand(this.store, campaignDecider, stream, command, context, versions);
  }

  private async withFacts(input: ExecuteCampaignCommand['input']): Promise<Omit<CampaignCommand, 'metadata'>> {
    switch (input.type) {
      case 'AssignBranchToWorkingGroup': {
        const [branchStatus, established] = await Promise.all([
          this.facts.branchStatus(input.data.branchId),
          this.facts.establishments({ branches: [input.data.branchId] }),
        ]);
        return { type: input.type, data: { ...input.data, context: { branchStatus, established } } };
      }
      case 'IssueElectionPlan':
      case 'FormWorkingGroup':
        return input;
    }
  }
}
