import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  createMemberDecider,
  memberStreamName,
  type MemberCommand,
  type MemberEvent,
  type MemberState,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../../command-handling/domain-command-message';
import { decideDomainCommand, executeDomainCommand } from '../../command-handling/execute-domain-command';
import type { CommandDecision } from '../../command-handling/handle-command';
import { EVENT_STORE } from '../../event-store/event-store.module';
import { RulePolicies } from '../../policy/rule-policies';
import { OrganisationFacts } from '../organisation-facts';

export class ExecuteMemberCommand extends DomainCommandMessage<MemberCommand> {}

@CommandHandler(ExecuteMemberCommand)
export class MemberCommandHandler implements ICommandHandler<ExecuteMemberCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteMemberCommand): Promise<CommandOutcome> {
    const [command, versions] = await Promise.all([this.withFacts(input), this.policies.versions()]);
    const stream = memberStreamName(input.data.memberId);
    // The joining age is judged by the rule in force, published versions included.
    return executeDomainCommand(this.store, createMemberDecider(versions), stream, command, context, versions);
  }

  /**
   * The command judged as `execute` judges it, its events not yet appended: a restructuring
   * appends a slice of transfers in one transaction (restructuring/transfers-in-slices.ts).
   */
  async decide({ input, context }: ExecuteMemberCommand): Promise<CommandDecision<MemberEvent, MemberState>> {
    const [command, versions] = await Promise.all([this.withFacts(input), this.policies.versions()]);
    const stream = memberStreamName(input.data.memberId);
    return decideDomainCommand(this.store, createMemberDecider(versions), stream, command, context, versions);
  }

  private async withFacts(input: ExecuteMemberCommand['input']): Promise<Omit<MemberCommand, 'metadata'>> {
    switch (input.type) {
      case 'AdmitMember': {
        const [branchStatus, established] = await Promise.all([
          this.facts.branchStatus(input.data.branchId),
          this.facts.establishments({ branches: [input.data.branchId] }),
        ]);
        return { type: input.type, data: { ...input.data, context: { branchStatus, established } } };
      }
      case 'TransferMember': {
        const [toBranchStatus, established] = await Promise.all([
          this.facts.branchStatus(input.data.toBranchId),
          this.facts.establishments({ branches: [input.data.toBranchId] }),
        ]);
        return { type: input.type, data: { ...input.data, context: { toBranchStatus, established } } };
      }
      case 'ConfirmMember':
      case 'SuspendVotingRights':
      case 'RestoreVotingRights':
      case 'RecordMemberDeparture':
      case 'CorrectMemberData':
        return input;
    }
  }
}
