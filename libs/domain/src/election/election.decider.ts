import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { policyInForce } from '../policy/policy-in-force';
import { RulePolicy } from '../policy/rule-policy';
import { assertNever, Decider } from '../shared/decider';
import { refusalError } from '../shared/domain-error';
import { requireCalendarDate } from '../shared/iso-date';
import { requireDatedInOrder } from './dated-in-order';
import { ElectionCommand, ElectionCommandType } from './election.commands';
import { ElectionEvent } from './election.events';
import { ElectionState, ElectionStatus } from './election.state';
import { blockedBy, ELECTION_TRANSITIONS, StatusesFor } from './election.transitions';
import { evolveElection } from './evolve-election';
import { Judge } from './judge';
import { convene } from './steps/assembly';
import { countBallots, recordBallots, reduceSeats, supplementary } from './steps/ballots';
import { cancel } from './steps/cancel';
import { takeCensus } from './steps/census';
import { confirmInstallation, requestInstallation } from './steps/installation';
import { consult, nominate, recommend, vet } from './steps/nomination';
import { electOfficers } from './steps/officers';
import { approveRequest, lapseApproval, requestElection, shiftElection } from './steps/request';
import { approveResult, report } from './steps/result';
import { approveSlate, submitSlate } from './steps/slate';

export const electionStreamName = (electionId: string): string => `election-${electionId}`;

export type ElectionDecider = Decider<ElectionCommand, ElectionEvent, ElectionState>;

/**
 * One branch's election for one term (RULES Workflow A). Each command is judged by the policy in
 * force on its `metadata.at`, chosen from `policies` (the built-in versions plus the published
 * ones); every event records that version. `evolve` reads only what the events recorded, so a
 * version published later never changes an old election's state; the one later judgement that
 * depends on an earlier date, the term length, looks up the version the assembly recorded.
 */
export function createElectionDecider(policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES): ElectionDecider {
  return {
    initialState: () => ({ status: 'none' }),
    decide: (command, state) => decide(command, state, policies),
    evolve: evolveElection,
  };
}

export const electionDecider: ElectionDecider = createElectionDecider();

function decide(
  command: ElectionCommand,
  state: ElectionState,
  policies: readonly RulePolicy[],
): readonly ElectionEvent[] {
  const on = requireCalendarDate(command.metadata.at, 'date of the act');
  const policy = policyInForce(policies, command.metadata.at);
  const blocked = blockedBy(command.type, state, policy, on);
  if (blocked !== null) throw refusalError(blocked);
  requireDatedInOrder(command, state, on);
  const judge: Judge = { policy, policies, on, at: command.metadata.at };
  switch (command.type) {
    case 'TakeCensus':
      return takeCensus(command, inStatus('TakeCensus', state), judge);
    case 'RequestElection':
      return requestElection(command, inStatus('RequestElection', state), judge);
    case 'ApproveElectionRequest':
      return approveRequest(command, inStatus('ApproveElectionRequest', state), judge);
    case 'LapseApproval':
      return lapseApproval(inStatus('LapseApproval', state), judge);
    case 'PostponeElection':
      return shiftElection(command, inStatus('PostponeElection', state), judge);
    case 'BringElectionForward':
      return shiftElection(command, inStatus('BringElectionForward', state), judge);
    case 'RecommendCandidate':
      return recommend(command, inStatus('RecommendCandidate', state), judge);
    case 'NominateCandidate':
      return nominate(command, inStatus('NominateCandidate', state), judge);
    case 'VetCandidate':
      return vet(command, inStatus('VetCandidate', state), judge);
    case 'ConsultCommunity':
      return consult(command, inStatus('ConsultCommunity', state), judge);
    case 'SubmitCandidateSlate':
      return submitSlate(command, inStatus('SubmitCandidateSlate', state), judge);
    case 'ApproveCandidateSlate':
      return approveSlate(command, inStatus('ApproveCandidateSlate', state), judge);
    case 'ConveneMembersAssembly':
      return convene(command, inStatus('ConveneMembersAssembly', state), judge);
    case 'RecordBallots':
      return recordBallots(command, inStatus('RecordBallots', state), judge);
    case 'CountBallots':
      return countBallots(command, inStatus('CountBallots', state), judge);
    case 'HoldSupplementaryBallot':
      return supplementary(command, inStatus('HoldSupplementaryBallot', state), judge);
    case 'ReduceSeats':
      return reduceSeats(command, inStatus('ReduceSeats', state), judge);
    case 'ElectOfficers':
      return electOfficers(command, inStatus('ElectOfficers', state), judge);
    case 'ReportElectionResult':
      return report(command, inStatus('ReportElectionResult', state), judge);
    case 'ApproveElectionResult':
      return approveResult(command, inStatus('ApproveElectionResult', state), judge);
    case 'RequestInstallation':
      return requestInstallation(inStatus('RequestInstallation', state), judge);
    case 'ConfirmInstallation':
      return confirmInstallation(command, inStatus('ConfirmInstallation', state), judge);
    case 'CancelElection':
      return cancel(command, inStatus('CancelElection', state), judge);
    default:
      return assertNever(command);
  }
}

/** Narrows the state to the statuses the transition table allows for the command (already checked). */
function inStatus<C extends ElectionCommandType>(
  command: C,
  state: ElectionState,
): Extract<ElectionState, { status: StatusesFor<C> }> {
  const from: readonly ElectionStatus[] = ELECTION_TRANSITIONS[command].from;
  if (!from.includes(state.status)) throw new Error(`${command} reached its handler in status ${state.status}`);
  return state as Extract<ElectionState, { status: StatusesFor<C> }>;
}
