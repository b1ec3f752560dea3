import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  createElectionStreamDecider,
  electionStreamDecider,
  electionStreamName,
  refuse,
  type ElectionStreamCommand,
  type ElectionStreamState,
  type RulePolicy,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { DomainCommandMessage, type CommandOutcome } from '../command-handling/domain-command-message';
import { executeDomainCommand } from '../command-handling/execute-domain-command';
import { loadState } from '../command-handling/load-stream';
import { EVENT_STORE } from '../event-store/event-store.module';
import { RulePolicies } from '../policy/rule-policies';
import { ElectionFacts } from './election-facts';
import { strokeTable } from './stroke-data';

/** Every election command, including the ones only the system sends (lapse, installation, reminders). */
export class ExecuteElectionCommand extends DomainCommandMessage<ElectionStreamCommand> {}

type Input = ExecuteElectionCommand['input'];

/**
 * Runs an election command: fills the facts its rules need (`context`) from the branch and
 * member streams and the roll, then decides under every rule version known now (built-in and
 * published), each command judged by the version in force on its own date.
 */
@CommandHandler(ExecuteElectionCommand)
export class ElectionCommandHandler implements ICommandHandler<ExecuteElectionCommand, CommandOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: ElectionFacts,
    private readonly policies: RulePolicies,
  ) {}

  async execute({ input, context }: ExecuteElectionCommand): Promise<CommandOutcome> {
    const versions = await this.policies.versions();
    const command = await this.withFacts(input, versions);
    const decider = createElectionStreamDecider(versions);
    const stream = electionStreamName(input.data.electionId);
    return executeDomainCommand(this.store, decider, stream, command, context, versions);
  }

  private async withFacts(
    input: Input,
    versions: readonly RulePolicy[],
  ): Promise<Omit<ElectionStreamCommand, 'metadata'>> {
    switch (input.type) {
      case 'TakeCensus': {
        const { branchId, electionId } = input.data;
        const others = await this.facts.openElections(branchId, electionId);
        if (others.length > 0) {
          throw refuse('ELECTION_ALREADY_OPEN', { branchId, openElectionIds: others });
        }
        const [branchStatus, established, roll, currentTerm] = await Promise.all([
          this.facts.branchStatus(branchId),
          this.facts.established(branchId),
          this.facts.roll(branchId),
          this.facts.currentTerm(branchId, electionId, versions),
        ]);
        const committeeHistory = await this.facts.committeeHistory(branchId, electionId, currentTerm);
        const facts = { branchStatus, established, roll, currentTerm, committeeHistory };
        return { type: input.type, data: { ...input.data, context: facts } };
      }
      case 'RecommendCandidate':
        return {
          type: input.type,
          data: { ...input.data, context: { nominee: await this.facts.standing(input.data.nominee.personId) } },
        };
      case 'NominateCandidate':
        return {
          type: input.type,
          data: { ...input.data, context: { nominee: await this.facts.standing(input.data.nominee.personId) } },
        };
      case 'SubmitCandidateSlate': {
        const { committeeCandidates, secretaryCandidates, deputySecretaryCandidates } = input.data;
        const ids = [...committeeCandidates, ...secretaryCandidates, ...deputySecretaryCandidates].map(
          (person) => person.personId,
        );
        return { type: input.type, data: { ...input.data, context: { members: await this.facts.standings(ids) } } };
      }
      case 'ConveneMembersAssembly': {
        const election = await this.election(input.data.electionId);
        const branchId = branchOf(election);
        if (branchId === null)
          return {
            type: input.type,
            data: { ...input.data, context: { roll: [], concurrentPostHolders: [], strokes: {} } },
          };
        const roll = await this.facts.roll(branchId);
        const concurrentPostHolders = await this.facts.concurrentPostHolders(branchId, roll);
        // The committee ballot is printed in 姓氏笔画 order: the strokes of the candidates' names.
        const candidates = 'slate' in election ? election.slate.committeeCandidates : [];
        const strokes = strokeTable(candidates.map((person) => person.name));
        return { type: input.type, data: { ...input.data, context: { roll, concurrentPostHolders, strokes } } };
      }
      case 'ConfirmInstallation': {
        const branchId = branchOf(await this.election(input.data.electionId));
        const posts = branchId === null ? [] : await this.facts.currentPosts(branchId);
        return {
          type: input.type,
          data: { ...input.data, context: { branchPostIds: posts.map((post) => post.postId) } },
        };
      }
      case 'RequestElection':
      case 'ApproveElectionRequest':
      case 'LapseApproval':
      case 'PostponeElection':
      case 'BringElectionForward':
      case 'VetCandidate':
      case 'ConsultCommunity':
      case 'ApproveCandidateSlate':
      case 'RecordBallots':
      case 'CountBallots':
      case 'HoldSupplementaryBallot':
      case 'ReduceSeats':
      case 'ElectOfficers':
      case 'ReportElectionResult':
      case 'ApproveElectionResult':
      case 'RequestInstallation':
      case 'CancelElection':
        return input;
    }
  }

  private election(electionId: string): Promise<ElectionStreamState> {
    return loadState(this.store, electionStreamDecider, electionStreamName(electionId));
  }
}

/** The branch an election serves; null before its census (the decider then refuses the step). */
function branchOf(state: ElectionStreamState): string | null {
  return state.status === 'none' ? null : state.branchId;
}
