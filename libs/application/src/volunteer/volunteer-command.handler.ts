import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  volunteerTeamDecider,
  volunteerTeamStreamName,
  type MemberState,
  type VolunteerCommand,
  type VolunteerMemberFact,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../command-handling/domain-command-message';
import { executeDomainCommand } from '../command-handling/execute-domain-command';
import { EVENT_STORE } from '../event-store/event-store.module';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';

export class ExecuteVolunteerCommand extends DomainCommandMessage<VolunteerCommand> {}

/** Volunteer teams (`volunteer-team-…`): with the leading branch's status and each named member as the roll has them. */
@CommandHandler(ExecuteVolunteerCommand)
export class VolunteerCommandHandler implements ICommandHandler<ExecuteVolunteerCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteVolunteerCommand): Promise<CommandOutcome> {
    const [command, versions] = await Promise.all([this.withFacts(input), this.policies.versions()]);
    const stream = volunteerTeamStreamName(input.data.teamId);
    return executeDomainCommand(this.store, volunteerTeamDecider, stream, command, context, versions);
  }

  private async withFacts(input: ExecuteVolunteerCommand['input']): Promise<Omit<VolunteerCommand, 'metadata'>> {
    switch (input.type) {
      case 'FormVolunteerTeam': {
        const [branchStatus, established, members] = await Promise.all([
          this.facts.branchStatus(input.data.leadBranchId),
          this.facts.establishments({ branches: [input.data.leadBranchId] }),
          this.members([input.data.leaderMemberId]),
        ]);
        return { type: input.type, data: { ...input.data, context: { branchStatus, established, members } } };
      }
      case 'JoinVolunteerTeam':
        return {
          type: input.type,
          data: { ...input.data, context: { members: await this.members([input.data.memberId]) } },
        };
      case 'RecordVolunteerActivity':
        return {
          type: input.type,
          data: { ...input.data, context: { members: await this.members(input.data.participantIds) } },
        };
    }
  }

  /** Each member as their own stream says (strongly consistent). */
  private async members(memberIds: readonly string[]): Promise<Record<string, VolunteerMemberFact>> {
    const unique = [...new Set(memberIds)];
    const states = await Promise.all(unique.map((id) => this.facts.member(id)));
    return Object.fromEntries(unique.map((id, index) => [id, memberFact(states[index])]));
  }
}

function memberFact(state: MemberState | undefined): VolunteerMemberFact {
  switch (state?.status) {
    case 'active':
      return { status: 'active', name: state.personal.name, branchId: state.branchId };
    case 'left':
      return {
        status: 'left',
        name: state.personal.name,
        branchId: state.lastBranchId,
        leftOn: state.leftOn,
        reason: state.reason,
      };
    default:
      return { status: 'notFound' };
  }
}
