import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { demonstrationDecider, demonstrationStreamName, type DemonstrationCommand } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../command-handling/domain-command-message';
import { executeDomainCommand } from '../command-handling/execute-domain-command';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';

export class ExecuteDemonstrationCommand extends DomainCommandMessage<DemonstrationCommand> {}

/** 示范党支部创建 (`demonstration-…`): with the chosen branch's status, and the visiting branches'. */
@CommandHandler(ExecuteDemonstrationCommand)
export class DemonstrationCommandHandler implements ICommandHandler<ExecuteDemonstrationCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteDemonstrationCommand): Promise<CommandOutcome> {
    const [command, versions] = await Promise.all([this.withFacts(input), this.policies.versions()]);
    const stream = demonstrationStreamName(input.data.campaignId);
    return executeDomainCommand(this.store, demonstrationDecider, stream, command, context, versions);
  }

  private async withFacts(
    input: ExecuteDemonstrationCommand['input'],
  ): Promise<Omit<DemonstrationCommand, 'metadata'>> {
    switch (input.type) {
      case 'DesignateDemonstrationBranch': {
        const [branchStatus, established] = await Promise.all([
          this.facts.branchStatus(input.data.branchId),
          this.facts.establishments({ branches: [input.data.branchId] }),
        ]);
        return { type: input.type, data: { ...input.data, context: { branchStatus, established } } };
      }
      case 'RecordExchangeVisit': {
        const branchStatuses = await this.facts.branchStatuses(input.data.visitingBranchIds);
        return { type: input.type, data: { ...input.data, context: { branchStatuses } } };
      }
      case 'LaunchDemonstrationCampaign':
      case 'RecordChecklistEvidence':
      case 'AssessDemonstrationCriterion':
      case 'ApproveDemonstrationBranch':
      case 'RegisterBranchBrand':
      case 'GrantDemonstrationFunding':
        return input;
    }
  }
}
