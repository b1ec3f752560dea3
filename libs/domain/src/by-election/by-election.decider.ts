import { countRound, tallyBallots } from '../election/ballot-counting';
import { OpenRound } from '../election/election.state';
import { personOf, requireDateBetween, requireEligibleNominee } from '../election/guards';
import { voterStanding } from '../election/voters';
import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { policyInForce } from '../policy/policy-in-force';
import { RulePolicy } from '../policy/rule-policy';
import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate, requireText } from '../shared/iso-date';
import { ByElectionPrecedent, ByElectionStep, FieldLabel } from '../shared/refusals';
import { attendance } from './attendance';
import {
  ByElectionCommand,
  ConsentToByElection,
  FileByElectionResult,
  HoldByElection,
  RequestByElection,
} from './by-election.commands';
import { ByElectionEvent } from './by-election.events';
import { ByElectionIn, ByElectionState, ByElectionStatus } from './by-election.state';

export const byElectionStreamName = (byElectionId: string): string => `byelection-${byElectionId}`;

/** The post a by-election gives the branch: derived, so the filling process assigns the same post on every retry. */
export function byElectionPostId(byElectionId: string, kind: string, personId: string): string {
  return `${byElectionId}-${kind}-${personId}`;
}

/** The candidate list a duplicate is named on, by the post the by-election fills. */
const CANDIDATE_LIST = {
  secretary: 'secretary',
  deputySecretary: 'deputy secretary',
  committeeMember: 'committee',
  partyAffairsOfficer: 'committee',
} as const;

export type ByElectionDecider = Decider<ByElectionCommand, ByElectionEvent, ByElectionState>;

/**
 * A by-election (补选) fills one vacancy for the rest of the term (RULES X7): the branch requests
 * it, the superior consents and reviews the candidates, the members' assembly (never the
 * committee) votes with the term election's quorum and majority rule, and the result is filed.
 * The vote is judged by the policy in force on its day, and its event records the version.
 */
export function createByElectionDecider(policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES): ByElectionDecider {
  return {
    initialState: () => ({ status: 'none' }),
    decide: (command, state) => decide(command, state, policies),
    evolve,
  };
}

export const byElectionDecider: ByElectionDecider = createByElectionDecider();

function decide(
  command: ByElectionCommand,
  state: ByElectionState,
  policies: readonly RulePolicy[],
): readonly ByElectionEvent[] {
  switch (command.type) {
    case 'RequestByElection':
      return request(command, state, policyInForce(policies, command.metadata.at));
    case 'ConsentToByElection':
      return consent(command, inStatus(state, command.data.byElectionId, 'consent', 'requested'));
    case 'HoldByElection':
      return hold(command, requireHoldable(state, command), policies);
    case 'FileByElectionResult':
      return file(
        command,
        inStatus(state, command.data.byElectionId, 'file', 'held'),
        policyInForce(policies, command.metadata.at),
      );
    default:
      return assertNever(command);
  }
}

function evolve(state: ByElectionState, event: ByElectionEvent): ByElectionState {
  switch (event.type) {
    case 'ByElectionRequested': {
      const { byElectionId, branchId, vacancy, candidates, plannedDate, term, at } = event.data;
      return {
        status: 'requested',
        byElectionId,
        branchId,
        vacancy,
        candidates,
        plannedDate,
        term,
        requestedOn: at,
      };
    }
    case 'ByElectionConsented':
      return state.status === 'requested'
        ? {
            ...state,
            status: 'consented',
            consent: { consentReference: event.data.consentReference, consentedOn: event.data.consentedOn },
          }
        : state;
    case 'ByElectionHeld': {
      if (state.status !== 'consented') return state;
      const { byElectionId: _id, branchId: _branch, at: _at, ...vote } = event.data;
      return { ...state, status: 'held', vote };
    }
    case 'ByElectionFiled': {
      if (state.status !== 'held') return state;
      const { byElectionId: _id, branchId: _branch, at: _at, ...filing } = event.data;
      return { ...state, status: 'filed', filing };
    }
    default:
      return assertNever(event);
  }
}

function inStatus<S extends Exclude<ByElectionStatus, 'none'>>(
  state: ByElectionState,
  byElectionId: string,
  step: ByElectionStep,
  status: S,
): ByElectionIn<S> {
  if (state.status === 'none') throw refuse('BY_ELECTION_NOT_FOUND', { byElectionId });
  if (state.status !== status)
    throw refuse('BY_ELECTION_STEP_OUT_OF_ORDER', { byElectionId, step, status: state.status });
  return state as ByElectionIn<S>;
}

/** Only a consented by-election is voted on; before the consent the refusal says so by name. */
function requireHoldable(state: ByElectionState, command: HoldByElection): ByElectionIn<'consented'> {
  const { byElectionId } = command.data;
  if (state.status === 'requested')
    throw refuse('BY_ELECTION_NOT_CONSENTED', { byElectionId, kind: state.vacancy.kind });
  return inStatus(state, byElectionId, 'hold', 'consented');
}

/** Refuses a date before the step it follows, naming both (422: the order of the steps is a rule). */
function requireNotBefore(
  date: string,
  field: FieldLabel,
  precedent: ByElectionPrecedent,
  precedentDate: string,
): void {
  if (date < precedentDate) {
    throw refuse('BY_ELECTION_DATED_BEFORE_STEP', { field, date, precedent, precedentDate });
  }
}

function request(command: RequestByElection, state: ByElectionState, policy: RulePolicy): readonly ByElectionEvent[] {
  const { byElectionId, branchId, vacatedPostId, context } = command.data;
  if (state.status !== 'none') throw refuse('BY_ELECTION_ALREADY_EXISTS', { byElectionId, status: state.status });
  if (context.branchStatus !== 'open') {
    throw refuse('BRANCH_NOT_OPEN', { branchId, branchStatus: context.branchStatus, purpose: 'election' });
  }
  const reason = requireText(command.data.reason, 'reason for the by-election', 'REASON_REQUIRED');
  const on = requireCalendarDate(command.metadata.at, 'date of the act');
  const plannedDate = requireCalendarDate(command.data.plannedDate, 'planned by-election date');
  const { vacancy, currentTerm } = context;
  if (vacancy === null || vacancy.postId !== vacatedPostId) {
    throw refuse('NO_VACANCY_FOR_POST', { postId: vacatedPostId, branchName: context.branchName });
  }
  if (currentTerm !== null && vacancy.endDate < currentTerm.start) {
    throw refuse('VACANCY_BEFORE_TERM', {
      postId: vacatedPostId,
      branchName: context.branchName,
      endDate: vacancy.endDate,
      termStart: currentTerm.start,
    });
  }
  // Each step follows the one it answers (issue 16: dates follow causality).
  requireNotBefore(on, 'date of the act', 'vacancy', vacancy.endDate);
  requireNotBefore(plannedDate, 'planned by-election date', 'request', on);
  const candidates = command.data.candidates.map(personOf);
  if (candidates.length === 0) throw refuse('BY_ELECTION_CANDIDATES_REQUIRED', { byElectionId });
  if (new Set(candidates.map((person) => person.personId)).size !== candidates.length) {
    throw refuse('DUPLICATE_CANDIDATE', { list: CANDIDATE_LIST[vacancy.kind] });
  }
  for (const candidate of candidates) {
    requireEligibleNominee(candidate, context.candidates[candidate.personId], branchId, policy);
  }
  return [
    {
      type: 'ByElectionRequested',
      data: {
        byElectionId,
        branchId,
        vacancy,
        reason,
        plannedDate,
        candidates,
        electionMethod: command.data.electionMethod?.trim() || null,
        requestReference: command.data.requestReference?.trim() || null,
        term: currentTerm,
        at: command.metadata.at,
      },
    },
  ];
}

function consent(command: ConsentToByElection, state: ByElectionIn<'requested'>): readonly ByElectionEvent[] {
  const consentReference = requireText(
    command.data.consentReference,
    'by-election consent reference',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const on = requireCalendarDate(command.metadata.at, 'date of the act');
  const requestedOn = requireCalendarDate(state.requestedOn, 'date of the act');
  requireNotBefore(
    requireCalendarDate(command.data.consentedOn, 'by-election consent date'),
    'by-election consent date',
    'request',
    requestedOn,
  );
  // A consent dated after the day it is recorded is a typing error, as for any document date.
  const consentedOn = requireDateBetween(command.data.consentedOn, 'by-election consent date', requestedOn, on);
  return [
    {
      type: 'ByElectionConsented',
      data: {
        byElectionId: state.byElectionId,
        branchId: state.branchId,
        consentReference,
        consentedOn,
        at: command.metadata.at,
      },
    },
  ];
}

function hold(
  command: HoldByElection,
  state: ByElectionIn<'consented'>,
  policies: readonly RulePolicy[],
): readonly ByElectionEvent[] {
  const { byElectionId, heldBy, issued, ballots, context } = command.data;
  const kind = state.vacancy.kind;
  if (heldBy !== 'membersAssembly') throw refuse('BY_ELECTION_HELD_BY_COMMITTEE', { byElectionId, kind });
  const date = requireCalendarDate(command.metadata.at, 'date of the act');
  requireNotBefore(date, 'date of the act', 'consent', state.consent.consentedOn);
  const policy = policyInForce(policies, command.metadata.at);
  const present = attendance(
    context.roll,
    context.concurrentPostHolders,
    command.data.exclusions,
    command.data.presentVoters,
    policy,
  );
  if (issued !== present.presentVoters.length) {
    throw refuse('BALLOTS_ISSUED_NOT_PRESENT_VOTERS', { issued, present: present.presentVoters.length });
  }
  if (ballots.length > issued) throw refuse('BY_ELECTION_BALLOTS_EXCEED_ISSUED', { issued, returned: ballots.length });

  // One seat, the consented candidates: counted exactly as a term election's regular round.
  const round: OpenRound = { roundNo: 1, kind: 'regular', candidates: state.candidates, seats: 1 };
  const tally = tallyBallots(round, ballots);
  const base = policy.majorityBase === 'due' ? present.quorum.due : present.quorum.present;
  const concurrent = new Set(context.concurrentPostHolders.map((person) => person.personId));
  const result = countRound({
    round,
    tallies: tally.tallies,
    writeIns: tally.writeIns,
    base,
    electable: (personId) => voterStanding(personId, context.roll, concurrent, policy) === 'eligible',
  });
  const winner = result.outcome === 'complete' ? result.elected[0] : undefined;
  if (winner === undefined) {
    const best = [...result.elected, ...result.notElected].sort((a, b) => b.votes - a.votes)[0];
    throw refuse('BY_ELECTION_NO_MAJORITY', {
      kind,
      name: best !== undefined && best.votes > 0 ? best.name : null,
      votes: best?.votes ?? 0,
      base,
      majorityBase: policy.majorityBase,
      policyVersion: policy.version,
    });
  }
  return [
    {
      type: 'ByElectionHeld',
      data: {
        byElectionId,
        branchId: state.branchId,
        policyVersion: policy.version,
        date,
        exclusions: command.data.exclusions,
        dueVoters: present.dueVoters,
        presentVoters: present.presentVoters,
        quorum: present.quorum,
        issued,
        returned: ballots.length,
        valid: tally.valid,
        invalid: tally.invalid,
        invalidByReason: tally.invalidByReason,
        tallies: tally.tallies,
        writeIns: tally.writeIns,
        majorityBase: policy.majorityBase,
        base,
        elected: { personId: winner.personId, name: winner.name, votes: winner.votes },
        at: command.metadata.at,
      },
    },
  ];
}

function file(
  command: FileByElectionResult,
  state: ByElectionIn<'held'>,
  policy: RulePolicy,
): readonly ByElectionEvent[] {
  const { context } = command.data;
  const filingReference = requireText(
    command.data.filingReference,
    'by-election filing reference',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const on = requireCalendarDate(command.metadata.at, 'date of the act');
  requireNotBefore(
    requireCalendarDate(command.data.filedOn, 'by-election filing date'),
    'by-election filing date',
    'assembly',
    state.vote.date,
  );
  const filedOn = requireDateBetween(command.data.filedOn, 'by-election filing date', state.vote.date, on);
  const { vacancy } = state;
  if (!context.vacancyOpen)
    throw refuse('NO_VACANCY_FOR_POST', { postId: vacancy.postId, branchName: context.branchName });
  const holder = { personId: state.vote.elected.personId, name: state.vote.elected.name };
  // The post is given only to someone who can still hold it on the day it is filed.
  requireEligibleNominee(holder, context.elected, state.branchId, policy);
  return [
    {
      type: 'ByElectionFiled',
      data: {
        byElectionId: state.byElectionId,
        branchId: state.branchId,
        filingReference,
        filedOn,
        post: {
          postId: byElectionPostId(state.byElectionId, vacancy.kind, holder.personId),
          kind: vacancy.kind,
          duty: vacancy.duty,
          holder,
        },
        vacatedPostId: vacancy.postId,
        termEnd: state.term?.end ?? null,
        at: command.metadata.at,
      },
    },
  ];
}
