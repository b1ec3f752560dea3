import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  byElectionDecider,
  byElectionStreamName,
  createByElectionDecider,
  type BranchState,
  type ByElectionCommand,
  type ByElectionState,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../command-handling/domain-command-message';
import { executeDomainCommand } from '../command-handling/execute-domain-command';
import { loadState } from '../command-handling/load-stream';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ElectionFacts } from '../election/election-facts';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';

export class ExecuteByElectionCommand extends DomainCommandMessage<ByElectionCommand> {}

type Input = ExecuteByElectionCommand['input'];

/**
 * Runs a by-election (补选) command: fills the facts its rules need from the streams that own
 * them — the branch's vacancy and name from the branch stream, standings from member streams,
 * the roll as the term election reads it — and decides under every rule version known now.
 */
@CommandHandler(ExecuteByElectionCommand)
export class ByElectionCommandHandler implements ICommandHandler<ExecuteByElectionCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly organisation: OrganisationFacts,
    private readonly facts: ElectionFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteByElectionCommand): Promise<CommandOutcome> {
    const versions = await this.policies.versions();
    const command = await this.withFacts(input, versions);
    const stream = byElectionStreamName(input.data.byElectionId);
    return executeDomainCommand(this.store, createByElectionDecider(versions), stream, command, context, versions);
  }

  private async withFacts(
    input: Input,
    versions: Awaited<ReturnType<RulePolicies['versions']>>,
  ): Promise<Omit<ByElectionCommand, 'metadata'>> {
    switch (input.type) {
      case 'RequestByElection': {
        const { branchId, byElectionId, vacatedPostId, candidates } = input.data;
        const [branch, branchStatus, currentTerm, standings] = await Promise.all([
          this.branch(branchId),
          this.facts.branchStatus(branchId),
          this.facts.currentTerm(branchId, byElectionId, versions),
          this.facts.standings(candidates.map((person) => person.personId)),
        ]);
        const vacancy =
          branch.status === 'open' ? (branch.vacancies.find((open) => open.postId === vacatedPostId) ?? null) : null;
        const context = {
          branchStatus,
          branchName: nameOf(branch, branchId),
          vacancy,
          currentTerm,
          candidates: standings,
        };
        return { type: input.type, data: { ...input.data, context } };
      }
      case 'HoldByElection': {
        const state = await this.byElection(input.data.byElectionId);
        if (state.status === 'none') {
          return { type: input.type, data: { ...input.data, context: { roll: [], concurrentPostHolders: [] } } };
        }
        const roll = await this.facts.roll(state.branchId);
        const concurrentPostHolders = await this.facts.concurrentPostHolders(state.branchId, roll);
        return { type: input.type, data: { ...input.data, context: { roll, concurrentPostHolders } } };
      }
      case 'FileByElectionResult': {
        const state = await this.byElection(input.data.byElectionId);
        const none = {
          status: 'notFound',
          branchId: null,
          membership: null,
          suspension: null,
          joinedPartyOn: null,
        } as const;
        if (state.status === 'none') {
          return {
            type: input.type,
            data: { ...input.data, context: { vacancyOpen: false, branchName: '', elected: none } },
          };
        }
        const branch = await this.branch(state.branchId);
        const vacancyOpen =
          branch.status === 'open' && branch.vacancies.some((open) => open.postId === state.vacancy.postId);
        const elected = 'vote' in state ? await this.facts.standing(state.vote.elected.personId) : none;
        const context = { vacancyOpen, branchName: nameOf(branch, state.branchId), elected };
        return { type: input.type, data: { ...input.data, context } };
      }
      case 'ConsentToByElection':
        return input;
    }
  }

  private branch(branchId: string): Promise<BranchState> {
    return this.organisation.branch(branchId);
  }

  private byElection(byElectionId: string): Promise<ByElectionState> {
    return loadState(this.store, byElectionDecider, byElectionStreamName(byElectionId));
  }
}

function nameOf(branch: BranchState, branchId: string): string {
  return branch.status === 'none' ? branchId : branch.name;
}
