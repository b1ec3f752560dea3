import { branchShape } from '../organisation/branch/branch-shape';
import { PostKind } from '../organisation/branch/post';
import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { policyInForce, policyVersion } from '../policy/policy-in-force';
import { RulePolicy } from '../policy/rule-policy';
import { assertNever, Decider } from '../shared/decider';
import { conflict, invalid, notFound, refuse } from '../shared/domain-error';
import { requireCalendarDate, requireOrderedDates, requireText } from '../shared/iso-date';
import { countRound, tallyBallots } from './ballot-counting';
import { addDays, addYears, daysBetween } from './calendar';
import {
  ApproveCandidateSlate,
  ApproveElectionRequest,
  ApproveElectionResult,
  BringElectionForward,
  CancelElection,
  ConfirmInstallation,
  ConsultCommunity,
  ConveneMembersAssembly,
  CountBallots,
  ElectionCommand,
  ElectionCommandType,
  ElectOfficers,
  EXCLUSION_REASONS,
  HoldSupplementaryBallot,
  MemberStanding,
  Motion,
  NominateCandidate,
  Person,
  PostponeElection,
  Race,
  RecommendCandidate,
  RecordBallots,
  ReduceSeats,
  ReportElectionResult,
  RequestElection,
  ElectionRollEntry,
  SubmitCandidateSlate,
  TakeCensus,
  VetCandidate,
} from './election.commands';
import {
  ElectedOfficer,
  ElectionEvent,
  InstalledPost,
  OfficersElected,
  RaceSetup,
  SlateDeviation,
} from './election.events';
import {
  AtAssembly,
  ElectionIn,
  ElectionState,
  ElectionStatus,
  hasUnusedApproval,
  isStarted,
  openedPart,
  RaceState,
} from './election.state';
import { blockedBy, ELECTION_TRANSITIONS, seatsReducible, StatusesFor } from './election.transitions';

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

interface Judge {
  readonly policy: RulePolicy;
  readonly policies: readonly RulePolicy[];
  /** Calendar date of the act. */
  readonly on: string;
  readonly at: string;
}

function decide(
  command: ElectionCommand,
  state: ElectionState,
  policies: readonly RulePolicy[],
): readonly ElectionEvent[] {
  const on = requireCalendarDate(command.metadata.at, 'date of the act');
  const policy = policyInForce(policies, command.metadata.at);
  const blocked = blockedBy(command.type, state, policy, on);
  if (blocked !== null) {
    throw refuse(blocked.code, blocked.reason, { command: command.type, status: state.status });
  }
  const judge: Judge = { policy, policies, on, at: command.metadata.at };
  switch (command.type) {
    case 'TakeCensus':
      return takeCensus(command, inStatus('TakeCensus', state), judge);
    case 'RequestElection':
      return requestElection(command, inStatus('RequestElection', state), judge);
    case 'ApproveElectionRequest':
      return approveRequest(command, inStatus('ApproveElectionRequest', state), judge);
    case 'LapseApproval': {
      const current = inStatus('LapseApproval', state);
      return [
        {
          type: 'ApprovalLapsed',
          data: {
            ...stamp(current.electionId, judge),
            approvalReference: current.approval.approvalReference,
            lapsesOn: current.approval.lapsesOn,
          },
        },
      ];
    }
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

function stamp(electionId: string, judge: Judge): { electionId: string; policyVersion: string; at: string } {
  return { electionId, policyVersion: judge.policy.version, at: judge.at };
}

const ruleOf = (policy: RulePolicy): string => `policy ${policy.version}`;

export function minimumCommitteeCandidates(seats: number, sharePercent: number): number {
  return seats + Math.ceil((seats * sharePercent) / 100);
}

// ---------------------------------------------------------------------------------------------
// Census and request

function takeCensus(
  command: TakeCensus,
  state: ElectionIn<'none' | 'censusTaken'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { branchId, context } = command.data;
  if (state.status === 'censusTaken' && state.branchId !== branchId) {
    throw conflict(
      'ELECTION_BRANCH_MISMATCH',
      `Election ${state.electionId} belongs to branch ${state.branchId}, not ${branchId}; one election stream serves one branch for one term.`,
      { branchId, electionBranchId: state.branchId },
    );
  }
  if (context.branchStatus !== 'open') {
    throw refuse(
      'BRANCH_NOT_OPEN',
      `Branch ${branchId} is ${context.branchStatus === 'dissolved' ? 'dissolved' : 'not established'}; only an open branch holds an election (RULES Workflow A).`,
      { branchId, branchStatus: context.branchStatus },
    );
  }
  requireUniqueRoll(context.roll);
  const full = context.roll.filter((entry) => entry.membership === 'full');
  const counts = { full: full.length, probationary: context.roll.length - full.length };
  const shape = branchShape(counts, false, judge.policy);
  if (shape.belowMinimum) {
    throw refuse(
      'BRANCH_BELOW_MINIMUM',
      `Branch ${branchId} has ${counts.full} full members, fewer than the ${judge.policy.minFullMembersForBranch} a branch needs, so it goes to restructuring instead of an election (支部工作条例 ch. 2; RULES Workflow A.2, ${ruleOf(judge.policy)}).`,
      { branchId, fullMembers: counts.full, minimum: judge.policy.minFullMembersForBranch },
    );
  }
  const currentTerm = context.currentTerm;
  if (currentTerm !== null) {
    requireCalendarDate(currentTerm.start, 'current term start');
    requireCalendarDate(currentTerm.end, 'current term end');
    requireOrderedDates(currentTerm.start, currentTerm.end, 'current term');
  }
  return [
    {
      type: 'CensusTaken',
      data: {
        ...stamp(command.data.electionId, judge),
        branchId,
        fullMembers: counts.full,
        probationaryMembers: counts.probationary,
        suspendedMembers: full.filter((entry) => entry.suspension !== null).length,
        committeeRequired: shape.committeeRequired,
        overSize: shape.overSize,
        currentTerm,
        committeeWorking: requireText(command.data.committeeWorking, 'account of how the committee works'),
        secretarySituation: requireText(command.data.secretarySituation, "account of the secretary's situation"),
        notes: command.data.notes?.trim() || null,
      },
    },
  ];
}

function requestElection(
  command: RequestElection,
  state: ElectionIn<'censusTaken' | 'approvalLapsed'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { committee, committeeSeats, deputySecretary } = command.data;
  const { policy } = judge;
  const plannedDate = requireCalendarDate(command.data.plannedDate, 'planned election date');
  if (plannedDate < judge.on) {
    throw invalid(
      'PLANNED_DATE_IN_PAST',
      `The planned election date ${plannedDate} is before the request of ${judge.on}; a request plans an assembly still to come.`,
      { plannedDate },
    );
  }
  if (state.dueDate !== null && plannedDate > state.dueDate) {
    throw refuse(
      'ELECTION_LATE_WITHOUT_APPROVAL',
      `The planned date ${plannedDate} is after the election's due date ${state.dueDate}; a late election needs the superior's approval of a postponement first (选举工作条例 Art 3).`,
      { plannedDate, dueDate: state.dueDate },
    );
  }
  const { fullMembers, suspendedMembers, committeeRequired } = state.census;
  if (committee !== committeeRequired) {
    throw committeeRequired
      ? refuse(
          'COMMITTEE_REQUIRED',
          `The branch has ${fullMembers} full members, at least ${policy.committeeRequiredFromFullMembers}, so it must elect a committee (支部工作条例 ch. 6; RULES §2.2, ${ruleOf(policy)}).`,
          { fullMembers },
        )
      : refuse(
          'COMMITTEE_NOT_ALLOWED',
          `The branch has ${fullMembers} full members, fewer than ${policy.committeeRequiredFromFullMembers}, so it has no committee and elects its secretary (and a deputy if needed) at the assembly (支部工作条例 ch. 6; RULES §2.2, ${ruleOf(policy)}).`,
          { fullMembers },
        );
  }
  const eligible = fullMembers - suspendedMembers;
  let minimumCandidates = 0;
  if (committee) {
    if (
      !Number.isInteger(committeeSeats) ||
      committeeSeats < policy.committeeSizeMin ||
      committeeSeats > policy.committeeSizeHardMax
    ) {
      throw refuse(
        'COMMITTEE_SEATS_OUT_OF_RANGE',
        `A committee of ${committeeSeats} is outside ${policy.committeeSizeMin}–${policy.committeeSizeHardMax} members; a branch committee has ${policy.committeeSizeMin}–${policy.committeeSizeUsualMax} members and generally no more than ${policy.committeeSizeHardMax} (支部工作条例 ch. 6; RULES §2.2, ${ruleOf(policy)}).`,
        { committeeSeats },
      );
    }
    minimumCandidates = minimumCommitteeCandidates(committeeSeats, policy.differentialSharePercent);
  } else if (committeeSeats !== 0) {
    throw invalid(
      'COMMITTEE_SEATS_WITHOUT_COMMITTEE',
      `The request names ${committeeSeats} committee seats for a branch without a committee; such a branch elects only a secretary and an optional deputy (RULES §2.2).`,
      { committeeSeats },
    );
  }
  const needed = Math.max(minimumCandidates, deputySecretary ? 2 : 1);
  if (needed > eligible) {
    throw refuse(
      'NOT_ENOUGH_ELIGIBLE_MEMBERS',
      `The election needs at least ${needed} candidates but the branch has only ${eligible} full members with voting rights, and only they may be elected (选举工作条例 Arts 5 and 13, ${ruleOf(policy)}).`,
      { needed, eligible },
    );
  }
  return [
    {
      type: 'ElectionRequested',
      data: {
        ...stamp(state.electionId, judge),
        plannedDate,
        committee,
        committeeSeats,
        deputySecretary,
        electionMethod: requireText(command.data.electionMethod, 'election method'),
        nominationMethod: requireText(command.data.nominationMethod, 'nomination method'),
        agenda: (command.data.agenda ?? []).map((item) => requireText(item, 'agenda item')),
        minimumCommitteeCandidates: minimumCandidates,
        seatsAboveUsual: committee && committeeSeats > policy.committeeSizeUsualMax,
      },
    },
  ];
}

function approveRequest(
  command: ApproveElectionRequest,
  state: ElectionIn<'requested'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const approvalReference = requireText(
    command.data.approvalReference,
    'approval reference',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const approvedOn = requireDateBetween(command.data.approvedOn, 'approval date', state.request.requestedOn, judge.on);
  return [
    {
      type: 'ElectionRequestApproved',
      data: {
        ...stamp(state.electionId, judge),
        approvalReference,
        approvedOn,
        lapsesOn: addDays(approvedOn, judge.policy.approvalLapseDays),
      },
    },
  ];
}

function shiftElection(
  command: PostponeElection | BringElectionForward,
  state: ElectionIn<StatusesFor<'PostponeElection'>>,
  judge: Judge,
): readonly ElectionEvent[] {
  const later = command.type === 'PostponeElection';
  const reason = requireText(
    command.data.reason,
    `reason for the ${later ? 'postponement' : 'advance'}`,
    'REASON_REQUIRED',
  );
  const approvalReference = requireText(
    command.data.approvalReference,
    "superior's approval reference",
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const newDate = requireCalendarDate(command.data.newDate, 'new election date');
  const fromDate = state.dueDate ?? judge.on;
  if (later ? newDate <= fromDate : newDate >= fromDate) {
    throw invalid(
      'SHIFT_DIRECTION_WRONG',
      `The new date ${newDate} is not ${later ? 'after' : 'before'} the current due date ${fromDate}; ${later ? 'a postponement moves the election later' : 'an advance moves it earlier'}.`,
      { newDate, fromDate },
    );
  }
  if (newDate < judge.on) {
    throw invalid(
      'NEW_DATE_IN_PAST',
      `The new date ${newDate} has already passed; an election is moved to a day still to come.`,
      {
        newDate,
      },
    );
  }
  // Measured from the term end, so successive shifts cannot add up past the limit.
  const termEnd = state.census.currentTerm?.end ?? fromDate;
  const shiftDays = Math.abs(daysBetween(termEnd, newDate));
  const override = command.data.overrideShiftLimit === true;
  if (shiftDays > judge.policy.electionShiftLimitDays && !override) {
    throw refuse(
      'ELECTION_SHIFT_TOO_LARGE',
      `Moving the election to ${newDate} shifts it ${shiftDays} days from the term end ${termEnd}; a postponement or advance is generally at most ${judge.policy.electionShiftLimitDays} days (选举工作条例 Art 3, ${ruleOf(judge.policy)}).`,
      { shiftDays, limit: judge.policy.electionShiftLimitDays },
    );
  }
  const data = {
    ...stamp(state.electionId, judge),
    fromDate,
    newDate,
    shiftDays,
    reason,
    approvalReference,
    shiftLimitOverridden: override && shiftDays > judge.policy.electionShiftLimitDays,
  };
  return [later ? { type: 'ElectionPostponed', data } : { type: 'ElectionBroughtForward', data }];
}

// ---------------------------------------------------------------------------------------------
// Nomination and slate

/** Refuses anyone but a full member of this branch with voting rights (选举工作条例 Art 5). */
function requireEligibleNominee(person: Person, standing: MemberStanding | undefined, branchId: string): void {
  if (standing === undefined || standing.status !== 'active' || standing.branchId !== branchId) {
    throw refuse(
      'NOMINEE_NOT_MEMBER_OF_BRANCH',
      `${person.name} is not a member affiliated with this branch; only the branch's own members may be elected in it, never through a management link or a concurrent post (选举工作条例 Art 5; RULES §4.2).`,
      { personId: person.personId, standing: standing ?? null },
    );
  }
  if (standing.membership !== 'full') {
    throw refuse(
      'NOMINEE_NOT_FULL_MEMBER',
      `${person.name} is a probationary member, and probationary members have no right to be elected (选举工作条例 Art 5).`,
      { personId: person.personId },
    );
  }
  if (standing.suspension !== null) {
    throw refuse(
      'NOMINEE_RIGHTS_SUSPENDED',
      `${person.name}'s rights are suspended (${standing.suspension}), and a member under 留党察看, 留置 or 逮捕 cannot be elected while it lasts (选举工作条例 Art 5).`,
      { personId: person.personId, suspension: standing.suspension },
    );
  }
}

function requirePostInElection(
  race: Race,
  state: { readonly request: { committee: boolean; deputySecretary: boolean } },
): void {
  if (
    (race === 'committee' && !state.request.committee) ||
    (race === 'deputySecretary' && !state.request.deputySecretary)
  ) {
    throw refuse(
      'POST_NOT_IN_ELECTION',
      `The approved request elects no ${race === 'committee' ? 'committee' : 'deputy secretary'}, so no one can be put forward for it (RULES Workflow A.3).`,
      { race },
    );
  }
}

function recommend(
  command: RecommendCandidate,
  state: ElectionIn<'requestApproved'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { nominee, forPost, context } = command.data;
  requirePostInElection(forPost, state);
  requireEligibleNominee(nominee, context.nominee, state.branchId);
  if (command.data.recommendedBy.length === 0) {
    throw invalid(
      'RECOMMENDERS_REQUIRED',
      `The recommendation of ${nominee.name} names no one who recommended; the file records who recommended whom (RULES §6.4).`,
      { personId: nominee.personId },
    );
  }
  const recommendedBy = command.data.recommendedBy.map((person) => ({
    personId: person.personId,
    name: requireText(person.name, 'recommender name', 'INVALID_NAME'),
  }));
  return [
    {
      type: 'CandidateRecommended',
      data: { ...stamp(state.electionId, judge), nominee: personOf(nominee), forPost, recommendedBy },
    },
  ];
}

function nominate(
  command: NominateCandidate,
  state: ElectionIn<'requestApproved'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { nominee, forPost, context } = command.data;
  requirePostInElection(forPost, state);
  requireEligibleNominee(nominee, context.nominee, state.branchId);
  const nominatedBy = requireText(command.data.nominatedBy, 'nominating body');
  if (
    state.nominations.nominees.some((entry) => entry.nominee.personId === nominee.personId && entry.forPost === forPost)
  ) {
    return [];
  }
  return [
    {
      type: 'CandidateNominated',
      data: { ...stamp(state.electionId, judge), nominee: personOf(nominee), forPost, nominatedBy },
    },
  ];
}

function requireNominee(state: ElectionIn<'requestApproved' | 'slateSubmitted'>, memberId: string): Person {
  const entry = state.nominations.nominees.find((nomination) => nomination.nominee.personId === memberId);
  if (entry === undefined) {
    throw notFound(
      'CANDIDATE_NOT_NOMINATED',
      `Member ${memberId} has not been nominated in this election; vetting and consultation concern nominees (RULES Workflow A.5).`,
      { memberId },
    );
  }
  return entry.nominee;
}

function vet(
  command: VetCandidate,
  state: ElectionIn<'requestApproved' | 'slateSubmitted'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const nominee = requireNominee(state, command.data.memberId);
  const on = requireDateBetween(command.data.on, 'vetting date', state.approval.approvedOn, judge.on);
  return [
    {
      type: 'CandidateVetted',
      data: {
        ...stamp(state.electionId, judge),
        nominee,
        method: command.data.method,
        by: requireText(command.data.by, 'name of who vetted'),
        notes: requireText(command.data.notes, 'vetting notes'),
        on,
      },
    },
  ];
}

function consult(
  command: ConsultCommunity,
  state: ElectionIn<'requestApproved' | 'slateSubmitted'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const nominee = command.data.memberId === undefined ? null : requireNominee(state, command.data.memberId);
  return [
    {
      type: 'CommunityConsulted',
      data: {
        ...stamp(state.electionId, judge),
        nominee,
        community: requireText(command.data.community, 'community consulted', 'INVALID_NAME'),
        opinion: requireText(command.data.opinion, "community's opinion"),
        on: requireDateBetween(command.data.on, 'consultation date', state.approval.approvedOn, judge.on),
      },
    },
  ];
}

function submitSlate(
  command: SubmitCandidateSlate,
  state: ElectionIn<'requestApproved' | 'slateSubmitted'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { policy } = judge;
  const { committeeCandidates, secretaryCandidates, deputySecretaryCandidates, context } = command.data;
  const { request } = state;
  for (const [list, label] of [
    [committeeCandidates, 'committee'],
    [secretaryCandidates, 'secretary'],
    [deputySecretaryCandidates, 'deputy secretary'],
  ] as const) {
    const ids = list.map((person) => person.personId);
    if (new Set(ids).size !== ids.length) {
      throw invalid(
        'DUPLICATE_CANDIDATE',
        `The ${label} list names someone twice; each candidate appears once on a list.`,
        {
          list: label,
        },
      );
    }
  }
  const minimum = request.committee
    ? minimumCommitteeCandidates(request.committeeSeats, policy.differentialSharePercent)
    : 0;
  if (request.committee && committeeCandidates.length < minimum) {
    throw refuse(
      'TOO_FEW_COMMITTEE_CANDIDATES',
      `The slate names ${committeeCandidates.length} candidates for ${request.committeeSeats} committee seats; committee candidates must exceed the seats by at least ${policy.differentialSharePercent}%, rounded up, so at least ${minimum} are needed (选举工作条例 Art 13, ${ruleOf(policy)}).`,
      { candidates: committeeCandidates.length, seats: request.committeeSeats, minimum },
    );
  }
  if (!request.committee && committeeCandidates.length > 0) {
    throw invalid(
      'COMMITTEE_CANDIDATES_WITHOUT_COMMITTEE',
      `The slate names committee candidates for a branch without a committee, which elects only its secretary and an optional deputy (RULES §2.2).`,
      { candidates: committeeCandidates.length },
    );
  }
  if (!request.deputySecretary && deputySecretaryCandidates.length > 0) requirePostInElection('deputySecretary', state);
  const perOffice = policy.officersUncontestedAllowed ? 1 : 2;
  for (const [list, office, wanted] of [
    [secretaryCandidates, 'secretary', true],
    [deputySecretaryCandidates, 'deputy secretary', request.deputySecretary],
  ] as const) {
    if (wanted && list.length < perOffice) {
      throw refuse(
        'TOO_FEW_OFFICER_CANDIDATES',
        `The slate names ${list.length} candidates for ${office}; ${perOffice === 1 ? 'at least one is needed (an uncontested 等额 election is allowed)' : 'this policy requires a contested election with at least two'} (RULES §1.3, ${ruleOf(policy)}).`,
        { office, candidates: list.length, minimum: perOffice },
      );
    }
  }
  const secretaryIds = new Set(secretaryCandidates.map((person) => person.personId));
  const both = deputySecretaryCandidates.find((person) => secretaryIds.has(person.personId));
  if (both !== undefined) {
    throw refuse(
      'CANDIDATE_FOR_BOTH_OFFICES',
      `${both.name} is a candidate for both secretary and deputy secretary; one person stands for one office (RULES §1.3).`,
      { personId: both.personId },
    );
  }
  if (request.committee) {
    const committeeIds = new Set(committeeCandidates.map((person) => person.personId));
    const outside = [...secretaryCandidates, ...deputySecretaryCandidates].find(
      (person) => !committeeIds.has(person.personId),
    );
    if (outside !== undefined) {
      throw refuse(
        'OFFICER_CANDIDATE_NOT_ON_COMMITTEE_SLATE',
        `${outside.name} is proposed as an officer but is not a committee candidate; the secretary and deputy are elected from the new committee (RULES §1.3).`,
        { personId: outside.personId },
      );
    }
  }
  const nominated = new Set(state.nominations.nominees.map((entry) => entry.nominee.personId));
  for (const person of [...committeeCandidates, ...secretaryCandidates, ...deputySecretaryCandidates]) {
    if (!nominated.has(person.personId)) {
      throw refuse(
        'SLATE_CANDIDATE_NOT_NOMINATED',
        `${person.name} is on the slate without having been nominated; candidates come from the nomination by the outgoing committee (选举工作条例 Art 14).`,
        { personId: person.personId },
      );
    }
    requireEligibleNominee(person, context.members[person.personId], state.branchId);
  }
  return [
    {
      type: 'CandidateSlateSubmitted',
      data: {
        ...stamp(state.electionId, judge),
        committeeCandidates: committeeCandidates.map(personOf),
        secretaryCandidates: secretaryCandidates.map(personOf),
        deputySecretaryCandidates: deputySecretaryCandidates.map(personOf),
        minimumCommitteeCandidates: minimum,
      },
    },
  ];
}

function approveSlate(
  command: ApproveCandidateSlate,
  state: ElectionIn<'slateSubmitted'>,
  judge: Judge,
): readonly ElectionEvent[] {
  return [
    {
      type: 'CandidateSlateApproved',
      data: {
        ...stamp(state.electionId, judge),
        approvalReference: requireText(
          command.data.approvalReference,
          'slate approval reference',
          'DOCUMENT_REFERENCE_REQUIRED',
        ),
        approvedOn: requireDateBetween(
          command.data.approvedOn,
          'slate approval date',
          state.approval.approvedOn,
          judge.on,
        ),
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The members' assembly

type VoterStanding = 'eligible' | 'concurrentPostHolder' | 'notOnRoll' | 'probationary' | 'rightsSuspended';

function voterStanding(
  personId: string,
  roll: readonly ElectionRollEntry[],
  concurrent: ReadonlySet<string>,
): VoterStanding {
  if (concurrent.has(personId)) return 'concurrentPostHolder';
  const entry = roll.find((candidate) => candidate.memberId === personId);
  if (entry === undefined) return 'notOnRoll';
  if (entry.membership !== 'full') return 'probationary';
  if (entry.suspension !== null) return 'rightsSuspended';
  return 'eligible';
}

const NOT_A_VOTER: Readonly<Record<Exclude<VoterStanding, 'eligible'>, { code: string; why: string }>> = {
  concurrentPostHolder: {
    code: 'CONCURRENT_HOLDER_CANNOT_VOTE',
    why: 'holds a concurrent or appointed post (交叉任职) on the branch, and such a holder never votes or counts to the quorum (RULES §5)',
  },
  notOnRoll: {
    code: 'NON_MEMBER_CANNOT_VOTE',
    why: 'is not on the roll of this branch, and only its own members vote (选举工作条例 Art 5; RULES §4.2)',
  },
  probationary: {
    code: 'PROBATIONARY_CANNOT_VOTE',
    why: 'is a probationary member, and probationary members have no vote (选举工作条例 Art 5)',
  },
  rightsSuspended: {
    code: 'RIGHTS_SUSPENDED_CANNOT_VOTE',
    why: 'has suspended rights (留党察看, 留置 or 逮捕), and has no vote while it lasts (选举工作条例 Art 5)',
  },
};

function requireMotion(motion: Motion, voters: number, what: string): void {
  const parts = [motion.for, motion.against, motion.abstain];
  if (parts.some((part) => !Number.isInteger(part) || part < 0) || parts.reduce((a, b) => a + b, 0) > voters) {
    throw invalid(
      'MOTION_TALLY_INVALID',
      `The vote on ${what} (${motion.for} for, ${motion.against} against, ${motion.abstain} abstaining) is not a count of at most ${voters} voters present.`,
      { motion, voters },
    );
  }
}

function convene(
  command: ConveneMembersAssembly,
  state: ElectionIn<'slateApproved'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { policy } = judge;
  const { exclusions, presentVoters, nonVotingAttendees, scrutineers, tellers, context } = command.data;
  const { roll } = context;
  requireUniqueRoll(roll);
  const concurrent = new Set(context.concurrentPostHolders.map((person) => person.personId));
  const withRights = roll.filter((entry) => voterStanding(entry.memberId, roll, concurrent) === 'eligible');

  const excluded = new Set<string>();
  for (const exclusion of exclusions) {
    if (!EXCLUSION_REASONS.includes(exclusion.reason)) {
      throw invalid(
        'EXCLUSION_REASON_UNKNOWN',
        `"${exclusion.reason}" is not one of the six grounds on which a member may be excused from those due to attend (RULES §1.5).`,
        { memberId: exclusion.memberId, reason: exclusion.reason },
      );
    }
    if (!withRights.some((entry) => entry.memberId === exclusion.memberId) || excluded.has(exclusion.memberId)) {
      throw refuse(
        'EXCLUSION_NOT_A_DUE_VOTER',
        `Member ${exclusion.memberId} is not a full member with voting rights on the roll (or is excluded twice), so there is nothing to exclude from those due to attend (RULES §1.5).`,
        { memberId: exclusion.memberId },
      );
    }
    if (exclusion.approvalReference.trim() === '') {
      throw refuse(
        'EXCLUSION_NOT_APPROVED',
        `The exclusion of member ${exclusion.memberId} carries no approval reference; only the superior may excuse a member from those due to attend (RULES §1.5).`,
        { memberId: exclusion.memberId },
      );
    }
    excluded.add(exclusion.memberId);
  }
  const dueVoters = withRights
    .filter((entry) => !excluded.has(entry.memberId))
    .map((entry) => ({ personId: entry.memberId, name: entry.name }));
  if (dueVoters.length === 0) {
    throw refuse(
      'NO_DUE_VOTERS',
      `No member is due to vote at this assembly, so no election can be held (选举工作条例 Art 5).`,
      {},
    );
  }

  const seen = new Set<string>();
  for (const voter of presentVoters) {
    if (seen.has(voter.personId)) {
      throw invalid(
        'DUPLICATE_ATTENDEE',
        `${voter.name} is listed twice among the voters present; each voter is counted once.`,
        {
          personId: voter.personId,
        },
      );
    }
    seen.add(voter.personId);
    const standing = voterStanding(voter.personId, roll, concurrent);
    if (standing !== 'eligible') {
      const { code, why } = NOT_A_VOTER[standing];
      throw refuse(code, `${voter.name} cannot be counted as a voter present: ${voter.name} ${why}.`, {
        personId: voter.personId,
        standing,
      });
    }
    if (excluded.has(voter.personId)) {
      throw refuse(
        'EXCLUDED_MEMBER_LISTED_PRESENT',
        `${voter.name} was excused from those due to attend and cannot also be counted present; withdraw the exclusion to count the vote (RULES §1.5).`,
        { personId: voter.personId },
      );
    }
  }
  const dueIds = new Set(dueVoters.map((person) => person.personId));
  for (const attendee of nonVotingAttendees) {
    if (seen.has(attendee.person.personId)) {
      throw refuse(
        'ATTENDEE_LISTED_TWICE',
        `${attendee.person.name} is listed both as a voter and as a non-voting attendee; an attendee either votes or does not.`,
        { personId: attendee.person.personId },
      );
    }
    if (dueIds.has(attendee.person.personId)) {
      throw refuse(
        'DUE_VOTER_LISTED_AS_NON_VOTING',
        `${attendee.person.name} is a full member due to vote and is recorded among the voters present, not among the non-voting attendees (选举工作条例 Art 5).`,
        { personId: attendee.person.personId },
      );
    }
  }

  const due = dueVoters.length;
  const present = presentVoters.length;
  const quorumMet = policy.quorumInclusive
    ? present * policy.quorumDenominator >= due * policy.quorumNumerator
    : present * policy.quorumDenominator > due * policy.quorumNumerator;
  if (!quorumMet) {
    throw refuse(
      'QUORUM_NOT_MET',
      `${present} voters are present of ${due} due; the election may proceed only when those present with voting rights reach ${policy.quorumNumerator}/${policy.quorumDenominator} of those due${policy.quorumInclusive ? ', exactly that share included' : ''} (选举工作条例; RULES §1.5, ${ruleOf(policy)}).`,
      { present, due, numerator: policy.quorumNumerator, denominator: policy.quorumDenominator },
    );
  }

  const slatePersons = slateCandidates(state.slate);
  const candidateIds = new Set(slatePersons.map((person) => person.personId));
  for (const candidate of slatePersons) {
    if (voterStanding(candidate.personId, roll, concurrent) !== 'eligible') {
      throw refuse(
        'CANDIDATE_NO_LONGER_ELIGIBLE',
        `${candidate.name} is on the approved slate but is no longer a full member of this branch with voting rights, so cannot be elected (选举工作条例 Art 5).`,
        { personId: candidate.personId },
      );
    }
  }
  if (scrutineers.length === 0) {
    throw invalid(
      'SCRUTINEERS_REQUIRED',
      `The assembly names no scrutineers; scrutineers (监票人) supervise the whole vote (选举工作条例 Art 22).`,
      {},
    );
  }
  for (const scrutineer of scrutineers) {
    if (candidateIds.has(scrutineer.personId)) {
      throw refuse(
        'SCRUTINEER_IS_CANDIDATE',
        `${scrutineer.name} is a candidate and cannot be a scrutineer; scrutineers are chosen from members who are not candidates (选举工作条例 Art 22).`,
        { personId: scrutineer.personId },
      );
    }
    if (!seen.has(scrutineer.personId)) {
      throw refuse(
        'SCRUTINEER_NOT_PRESENT_VOTER',
        `${scrutineer.name} is not among the voters present; scrutineers are members attending the assembly (选举工作条例 Art 22).`,
        { personId: scrutineer.personId },
      );
    }
  }
  requireMotion(command.data.scrutineersApproval, present, 'the scrutineers');
  if (command.data.scrutineersApproval.for * 2 <= due) {
    throw refuse(
      'SCRUTINEERS_NOT_APPROVED',
      `The scrutineers received ${command.data.scrutineersApproval.for} votes of ${due} due; the assembly approves them by more than half of those due (选举工作条例 Art 22; RULES §1.5).`,
      { for: command.data.scrutineersApproval.for, due },
    );
  }
  if (tellers.length === 0) {
    throw invalid(
      'TELLERS_REQUIRED',
      `The assembly names no tellers; tellers (计票人) count the ballots under the scrutineers (选举工作条例 Art 23).`,
      {},
    );
  }
  const candidateTeller = tellers.find((teller) => candidateIds.has(teller.personId));
  if (candidateTeller !== undefined) {
    throw refuse(
      'TELLER_IS_CANDIDATE',
      `${candidateTeller.name} is a candidate and cannot count the ballots (选举工作条例 Art 23; RULES §1.4 practice).`,
      { personId: candidateTeller.personId },
    );
  }
  requireMotion(command.data.electionMethodAdoption, present, 'the election method');
  if (command.data.electionMethodAdoption.for * 2 <= due) {
    throw refuse(
      'ELECTION_METHOD_NOT_ADOPTED',
      `The election method received ${command.data.electionMethodAdoption.for} votes of ${due} due; it is adopted by more than half of those due to vote (RULES §1.5, §6.5).`,
      { for: command.data.electionMethodAdoption.for, due },
    );
  }

  const races: RaceSetup[] = state.request.committee
    ? [{ race: 'committee', seats: state.request.committeeSeats, candidates: state.slate.committeeCandidates }]
    : [
        { race: 'secretary', seats: 1, candidates: state.slate.secretaryCandidates },
        ...(state.request.deputySecretary
          ? [{ race: 'deputySecretary' as const, seats: 1, candidates: state.slate.deputySecretaryCandidates }]
          : []),
      ];
  return [
    {
      type: 'MembersAssemblyConvened',
      data: {
        ...stamp(state.electionId, judge),
        roll,
        exclusions,
        dueVoters,
        presentVoters: presentVoters.map(personOf),
        nonVotingAttendees,
        concurrentPostHolders: context.concurrentPostHolders.map(personOf),
        scrutineers: scrutineers.map(personOf),
        scrutineersApproval: command.data.scrutineersApproval,
        tellers: tellers.map(personOf),
        electionMethodAdoption: command.data.electionMethodAdoption,
        quorum: {
          due,
          present,
          numerator: policy.quorumNumerator,
          denominator: policy.quorumDenominator,
          inclusive: policy.quorumInclusive,
        },
        races,
      },
    },
  ];
}

function slateCandidates(slate: {
  readonly committeeCandidates: readonly Person[];
  readonly secretaryCandidates: readonly Person[];
  readonly deputySecretaryCandidates: readonly Person[];
}): Person[] {
  const all = [...slate.committeeCandidates, ...slate.secretaryCandidates, ...slate.deputySecretaryCandidates];
  return all.filter((person, index) => all.findIndex((other) => other.personId === person.personId) === index);
}

// ---------------------------------------------------------------------------------------------
// Ballots and counting

function requireRace(state: ElectionIn<'assemblyOpen'>, race: Race): RaceState {
  const found = state.races.find((candidate) => candidate.race === race);
  if (found === undefined) {
    throw notFound(
      'RACE_NOT_IN_ELECTION',
      `This assembly holds no ${race} contest; ${state.request.committee ? 'a committee branch elects its committee at the assembly and its officers at the first committee meeting' : 'a branch without a committee elects its secretary and any deputy at the assembly'} (RULES §1.3).`,
      { race },
    );
  }
  return found;
}

function raceNotIn(race: RaceState, wanted: string, code: string): Error {
  return refuse(
    code,
    `The ${race.race} contest is ${race.phase}, not ${wanted}; each round is recorded, then counted, and a shortfall is resolved before anyone votes again (RULES Workflow A.8–9).`,
    { race: race.race, phase: race.phase },
  );
}

function recordBallots(
  command: RecordBallots,
  state: ElectionIn<'assemblyOpen'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const race = requireRace(state, command.data.race);
  if (race.phase !== 'awaitingBallots') throw raceNotIn(race, 'waiting for ballots', 'RACE_NOT_OPEN_FOR_BALLOTS');
  const present = state.assembly.presentVoters.length;
  const { issued, ballots } = command.data;
  if (issued !== present) {
    throw refuse(
      'BALLOTS_ISSUED_NOT_PRESENT_VOTERS',
      `${issued} ballots were issued for ${present} voters present; one ballot is issued to each voter present, with no proxies or absentee votes (选举工作条例 Art 24; RULES Workflow A.8).`,
      { issued, present },
    );
  }
  const returned = ballots.length;
  const base = { ...stamp(state.electionId, judge), race: race.race, roundNo: race.round.roundNo };
  if (returned > issued) return [{ type: 'BallotRoundVoided', data: { ...base, issued, returned } }];
  const tally = tallyBallots(race.round, ballots);
  return [
    {
      type: 'BallotsRecorded',
      data: {
        ...base,
        roundKind: race.round.kind,
        seats: race.round.seats,
        candidates: race.round.candidates,
        issued,
        returned,
        ...tally,
      },
    },
  ];
}

function countBallots(
  command: CountBallots,
  state: ElectionIn<'assemblyOpen'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const race = requireRace(state, command.data.race);
  if (race.phase !== 'awaitingCount') throw raceNotIn(race, 'waiting to be counted', 'NO_BALLOTS_TO_COUNT');
  const { policy } = judge;
  const due = state.assembly.dueVoters.length;
  const present = state.assembly.presentVoters.length;
  const base = policy.majorityBase === 'due' ? due : present;
  const electable = electableIn(state);
  const result = countRound({
    round: race.round,
    tallies: race.recorded.tallies,
    writeIns: race.recorded.writeIns,
    base,
    electable,
  });
  const counted: ElectionEvent = {
    type: 'BallotsCounted',
    data: {
      ...stamp(state.electionId, judge),
      race: race.race,
      roundNo: race.round.roundNo,
      roundKind: race.round.kind,
      majorityBase: policy.majorityBase,
      base,
      dueVoters: due,
      presentVoters: present,
      ...result,
    },
  };
  return withOfficersIfDone(state, counted, judge);
}

/** A person the assembly could still elect: a full member of the branch with rights, not a concurrent holder, not yet elected. */
function electableIn(state: ElectionIn<'assemblyOpen'>): (personId: string) => boolean {
  const concurrent = new Set(state.assembly.concurrentPostHolders.map((person) => person.personId));
  const elected = new Set(state.races.flatMap((race) => race.elected.map((person) => person.personId)));
  return (personId) =>
    !elected.has(personId) && voterStanding(personId, state.assembly.roll, concurrent) === 'eligible';
}

/**
 * A branch without a committee has elected its officers when its last contest closes: the
 * OfficersElected event follows in the same decision (RULES §1.3).
 */
function withOfficersIfDone(
  state: ElectionIn<'assemblyOpen'>,
  event: ElectionEvent,
  judge: Judge,
): readonly ElectionEvent[] {
  const next = evolveElection(state, event);
  if (next.status !== 'assemblyOpen' || state.request.committee) return [event];
  if (!next.races.every((race) => race.phase === 'complete')) return [event];
  const officerOf = (race: Race): ElectedOfficer | null => {
    const contest = next.races.find((candidate) => candidate.race === race);
    const person = contest?.elected[0];
    return contest === undefined || person === undefined
      ? null
      : { ...personOf(person), votes: votesOf(contest, person.personId) };
  };
  const secretary = officerOf('secretary');
  if (secretary === null) return [event];
  const officers: OfficersElected = {
    type: 'OfficersElected',
    data: {
      ...stamp(state.electionId, judge),
      electedBy: 'membersAssembly',
      chair: null,
      secretary,
      deputySecretary: officerOf('deputySecretary'),
      scrutineers: state.assembly.scrutineers,
      duties: {},
    },
  };
  return [event, officers];
}

function votesOf(race: RaceState, personId: string): Motion {
  for (const round of [...race.rounds].reverse()) {
    const tally = round.tallies.find((candidate) => candidate.personId === personId);
    if (tally !== undefined) return { for: tally.for, against: tally.against, abstain: tally.abstain };
    const writeIn = round.writeIns.find((candidate) => candidate.personId === personId);
    if (writeIn !== undefined) return { for: writeIn.votes, against: 0, abstain: 0 };
  }
  return { for: 0, against: 0, abstain: 0 };
}

function supplementary(
  command: HoldSupplementaryBallot,
  state: ElectionIn<'assemblyOpen'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const race = requireRace(state, command.data.race);
  if (race.phase !== 'shortfall') throw raceNotIn(race, 'short of seats', 'NO_SHORTFALL');
  const seats = race.seats - race.elected.length;
  const { candidates } = command.data;
  const ids = candidates.map((person) => person.personId);
  if (new Set(ids).size !== ids.length) {
    throw invalid(
      'DUPLICATE_CANDIDATE',
      `The supplementary ballot names a candidate twice; each candidate appears once.`,
      {},
    );
  }
  if (candidates.length < seats) {
    throw refuse(
      'TOO_FEW_SUPPLEMENTARY_CANDIDATES',
      `The supplementary ballot names ${candidates.length} candidates for ${seats} empty seats; it needs at least one candidate per seat (RULES §1.5).`,
      { candidates: candidates.length, seats },
    );
  }
  const electable = electableIn(state);
  const ineligible = candidates.find((person) => !electable(person.personId));
  if (ineligible !== undefined) {
    throw refuse(
      'SUPPLEMENTARY_CANDIDATE_NOT_ELIGIBLE',
      `${ineligible.name} cannot stand in the supplementary ballot: only a full member of this branch with voting rights who has not already been elected can (选举工作条例 Art 5; RULES §1.5).`,
      { personId: ineligible.personId },
    );
  }
  return [
    {
      type: 'SupplementaryBallotHeld',
      data: {
        ...stamp(state.electionId, judge),
        race: race.race,
        roundNo: race.nextRoundNo,
        candidates: candidates.map(personOf),
        seats,
      },
    },
  ];
}

function reduceSeats(command: ReduceSeats, state: ElectionIn<'assemblyOpen'>, judge: Judge): readonly ElectionEvent[] {
  const race = requireRace(state, command.data.race);
  if (race.phase !== 'shortfall') throw raceNotIn(race, 'short of seats', 'NO_SHORTFALL');
  const { policy } = judge;
  if (!seatsReducible(race, policy)) {
    throw refuse(
      'SEATS_CANNOT_BE_REDUCED',
      race.race === 'committee'
        ? `Only ${race.elected.length} committee members were elected, and a committee keeps at least ${policy.committeeSizeMin}, so the empty seats need a supplementary ballot (支部工作条例 ch. 6; RULES §1.5, ${ruleOf(policy)}).`
        : `A branch always has a secretary, so an empty secretary seat is filled by a supplementary ballot, never reduced away (RULES §1.5, §2.2).`,
      { race: race.race, elected: race.elected.length },
    );
  }
  const due = state.assembly.dueVoters.length;
  requireMotion(command.data.consent, state.assembly.presentVoters.length, 'reducing the seats');
  if (command.data.consent.for * 2 <= due) {
    throw refuse(
      'SEAT_REDUCTION_NOT_CONSENTED',
      `${command.data.consent.for} of ${due} electors consented to reducing the seats; seats are reduced without a further vote only when more than half of the electors agree (RULES §1.5).`,
      { for: command.data.consent.for, due },
    );
  }
  const reduced: ElectionEvent = {
    type: 'SeatsReduced',
    data: {
      ...stamp(state.electionId, judge),
      race: race.race,
      fromSeats: race.seats,
      toSeats: race.elected.length,
      consent: command.data.consent,
      dueVoters: due,
    },
  };
  return withOfficersIfDone(state, reduced, judge);
}

// ---------------------------------------------------------------------------------------------
// First committee meeting, report, approval, installation

function electOfficers(
  command: ElectOfficers,
  state: ElectionIn<'committeeElected'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const committee = committeeMembersOf(state);
  const byId = new Map(committee.map((person) => [person.personId, person]));
  const size = committee.length;
  const chair = byId.get(command.data.chairMemberId);
  if (chair === undefined) {
    throw refuse(
      'CHAIR_NOT_NEW_COMMITTEE_MEMBER',
      `Member ${command.data.chairMemberId} is not on the new committee; its first meeting is chaired by a new member recommended by the outgoing committee (选举工作条例 Art 20).`,
      { chairMemberId: command.data.chairMemberId },
    );
  }
  const elect = (vote: { memberId: string; votes: Motion }, office: string): ElectedOfficer => {
    const person = byId.get(vote.memberId);
    if (person === undefined) {
      throw refuse(
        'OFFICER_NOT_ON_COMMITTEE',
        `Member ${vote.memberId} is not on the new committee; the ${office} is elected by the committee from its own members (RULES §1.3).`,
        { memberId: vote.memberId, office },
      );
    }
    requireMotion(vote.votes, size, `the ${office}`);
    if (vote.votes.for * 2 <= size) {
      throw refuse(
        'OFFICER_NOT_ELECTED_BY_MAJORITY',
        `${person.name} received ${vote.votes.for} votes of a committee of ${size}; the ${office} needs more than half of the committee members (RULES §1.5).`,
        { memberId: vote.memberId, for: vote.votes.for, committee: size },
      );
    }
    return { personId: person.personId, name: person.name, votes: vote.votes };
  };
  const secretary = elect(command.data.secretary, 'secretary');
  const deputyVote = command.data.deputySecretary;
  if (deputyVote !== undefined && !state.request.deputySecretary) requirePostInElection('deputySecretary', state);
  if (deputyVote !== undefined && deputyVote.memberId === secretary.personId) {
    throw refuse(
      'CANDIDATE_FOR_BOTH_OFFICES',
      `${secretary.name} cannot be both secretary and deputy secretary; one person holds one office (RULES §1.3).`,
      { personId: secretary.personId },
    );
  }
  const deputySecretary = deputyVote === undefined ? null : elect(deputyVote, 'deputy secretary');
  if (command.data.scrutineers.length === 0) {
    throw invalid(
      'SCRUTINEERS_REQUIRED',
      `The first committee meeting names no scrutineers for the officers' vote (选举工作条例 Art 22).`,
      {},
    );
  }
  for (const scrutineer of command.data.scrutineers) {
    if (scrutineer.personId === secretary.personId || scrutineer.personId === deputySecretary?.personId) {
      throw refuse(
        'SCRUTINEER_IS_CANDIDATE',
        `${scrutineer.name} is a candidate for secretary or deputy and cannot scrutinise that vote (选举工作条例 Art 22).`,
        { personId: scrutineer.personId },
      );
    }
    if (!byId.has(scrutineer.personId)) {
      throw refuse(
        'SCRUTINEER_NOT_COMMITTEE_MEMBER',
        `${scrutineer.name} is not on the new committee; the officers' vote is scrutinised by committee members who are not candidates (选举工作条例 Art 22).`,
        { personId: scrutineer.personId },
      );
    }
  }
  const duties: Record<string, string> = {};
  for (const [memberId, duty] of Object.entries(command.data.duties)) {
    if (!byId.has(memberId)) {
      throw invalid(
        'DUTY_FOR_NON_COMMITTEE_MEMBER',
        `Member ${memberId} is given a duty but is not on the new committee.`,
        { memberId },
      );
    }
    duties[memberId] = requireText(duty, 'committee duty', 'DUTY_REQUIRED');
  }
  return [
    {
      type: 'OfficersElected',
      data: {
        ...stamp(state.electionId, judge),
        electedBy: 'committeeFirstMeeting',
        chair,
        secretary,
        deputySecretary,
        scrutineers: command.data.scrutineers.map(personOf),
        duties,
      },
    },
  ];
}

function committeeMembersOf(state: AtAssembly): readonly Person[] {
  return (state.races.find((race) => race.race === 'committee')?.elected ?? []).map(personOf);
}

/** How the result departs from the approved slate (RULES §1.6); each needs the superior's decision. */
export function slateDeviations(
  state: ElectionIn<'officersElected' | 'resultReported' | 'resultApproved'>,
): readonly SlateDeviation[] {
  const deviations: SlateDeviation[] = [];
  for (const race of state.races) {
    const slateIds = new Set(race.slateCandidates.map((person) => person.personId));
    for (const person of race.elected) {
      if (!slateIds.has(person.personId))
        deviations.push({ kind: 'writeInElected', race: race.race, person: personOf(person) });
    }
  }
  if (state.request.committee) {
    const check = (
      officer: ElectedOfficer | null,
      list: readonly Person[],
      post: 'secretary' | 'deputySecretary',
    ): void => {
      if (officer !== null && !list.some((person) => person.personId === officer.personId)) {
        deviations.push({ kind: 'officerNotSlateCandidate', post, person: personOf(officer) });
      }
    };
    check(state.officers.secretary, state.slate.secretaryCandidates, 'secretary');
    check(state.officers.deputySecretary, state.slate.deputySecretaryCandidates, 'deputySecretary');
  }
  if (state.request.deputySecretary && state.officers.deputySecretary === null)
    deviations.push({ kind: 'deputyNotElected' });
  for (const reduction of state.seatReductions) {
    deviations.push({
      kind: 'seatsReduced',
      race: reduction.race,
      fromSeats: reduction.fromSeats,
      toSeats: reduction.toSeats,
    });
  }
  return deviations;
}

function report(
  command: ReportElectionResult,
  state: ElectionIn<'officersElected'>,
  judge: Judge,
): readonly ElectionEvent[] {
  return [
    {
      type: 'ElectionResultReported',
      data: {
        ...stamp(state.electionId, judge),
        reportReference: requireText(command.data.reportReference, 'report reference', 'DOCUMENT_REFERENCE_REQUIRED'),
        committeeMembers: state.races.find((race) => race.race === 'committee')?.elected ?? [],
        secretary: state.officers.secretary,
        deputySecretary: state.officers.deputySecretary,
        deviations: slateDeviations(state),
      },
    },
  ];
}

function approveResult(
  command: ApproveElectionResult,
  state: ElectionIn<'resultReported'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const approvalReference = requireText(
    command.data.approvalReference,
    'result approval reference',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const approvedOn = requireDateBetween(command.data.approvedOn, 'result approval date', state.assembly.date, judge.on);
  const committee = committeeMembersOf(state);
  const filingReference = command.data.filingReference?.trim() || null;
  if (state.request.committee && filingReference === null) {
    throw invalid(
      'FILING_REFERENCE_REQUIRED',
      `The approval names no filing (备案) of the committee members; committee members are filed with the superior while the secretary and deputy are approved (支部工作条例; RULES §2.3).`,
      {},
    );
  }
  const decision = command.data.superiorDecision;
  if (
    state.report.deviations.length > 0 &&
    (decision === undefined || decision.reference.trim() === '' || decision.decision.trim() === '')
  ) {
    throw refuse(
      'SUPERIOR_DECISION_REQUIRED',
      `The result differs from the approved slate (${state.report.deviations.map((deviation) => deviation.kind).join(', ')}), so the superior's committee must decide on it and its decision be recorded (RULES §1.6).`,
      { deviations: state.report.deviations },
    );
  }
  const officers = [state.officers.secretary, state.officers.deputySecretary].filter(
    (officer): officer is ElectedOfficer => officer !== null,
  );
  return [
    {
      type: 'ElectionResultApproved',
      data: {
        ...stamp(state.electionId, judge),
        approvalReference,
        approvedOn,
        approvedOfficers: officers.map(personOf),
        filedCommitteeMembers: committee,
        filingReference,
        superiorDecision:
          decision === undefined || state.report.deviations.length === 0
            ? null
            : { reference: decision.reference.trim(), decision: decision.decision.trim() },
      },
    },
  ];
}

/** Post ids derive from the election, the post and the person, so the installation's retries assign the same posts. */
export function installationPostId(electionId: string, kind: PostKind, personId: string): string {
  return `${electionId}-${kind}-${personId}`;
}

function requestInstallation(state: ElectionIn<'resultApproved'>, judge: Judge): readonly ElectionEvent[] {
  // The term is set by the rules in force on the election day, whatever was published since.
  const termPolicy = policyVersion(judge.policies, state.assembly.policyVersion);
  const termStart = state.assembly.date;
  const termEnd = addYears(termStart, termPolicy.termYears);
  const { secretary, deputySecretary, duties } = state.officers;
  const officerIds = new Set([secretary.personId, deputySecretary?.personId]);
  const post = (kind: PostKind, holder: Person, duty: string | null): InstalledPost => ({
    postId: installationPostId(state.electionId, kind, holder.personId),
    kind,
    duty,
    holder: personOf(holder),
  });
  const posts: InstalledPost[] = [
    post('secretary', secretary, null),
    ...(deputySecretary === null ? [] : [post('deputySecretary', deputySecretary, null)]),
    ...committeeMembersOf(state)
      .filter((person) => !officerIds.has(person.personId))
      .map((person) => post('committeeMember', person, duties[person.personId] ?? '委员')),
  ];
  return [
    {
      type: 'InstallationRequested',
      data: {
        ...stamp(state.electionId, judge),
        branchId: state.branchId,
        posts,
        termStart,
        termEnd,
        termYears: termPolicy.termYears,
        termPolicyVersion: termPolicy.version,
      },
    },
  ];
}

function confirmInstallation(
  command: ConfirmInstallation,
  state: ElectionIn<'installing'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const held = new Set(command.data.context.branchPostIds);
  const missing = state.installation.posts.filter((post) => !held.has(post.postId));
  if (missing.length > 0) {
    throw refuse(
      'INSTALLATION_INCOMPLETE',
      `The branch does not yet hold ${missing.map((post) => `${post.kind} ${post.holder.name}`).join(', ')}; the result is installed once every approved post is assigned on the branch (RULES Workflow A.12).`,
      { missing: missing.map((post) => post.postId) },
    );
  }
  const { posts, termStart, termEnd } = state.installation;
  return [
    {
      type: 'ResultInstalled',
      data: { ...stamp(state.electionId, judge), branchId: state.branchId, posts, termStart, termEnd },
    },
  ];
}

function cancel(
  command: CancelElection,
  state: ElectionIn<StatusesFor<'CancelElection'>>,
  judge: Judge,
): readonly ElectionEvent[] {
  return [
    {
      type: 'ElectionCancelled',
      data: {
        ...stamp(state.electionId, judge),
        reason: requireText(command.data.reason, 'reason for cancelling', 'REASON_REQUIRED'),
        cancelledInStatus: state.status,
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Helpers

function personOf(person: { readonly personId: string; readonly name: string }): Person {
  return { personId: person.personId, name: requireText(person.name, 'person name', 'INVALID_NAME') };
}

function requireUniqueRoll(roll: readonly ElectionRollEntry[]): void {
  const ids = roll.map((entry) => entry.memberId);
  if (new Set(ids).size !== ids.length) {
    throw invalid(
      'DUPLICATE_ROLL_ENTRY',
      `The roll snapshot lists a member twice; each member has one affiliation and one roll entry.`,
      {},
    );
  }
}

/** A document date that cannot precede the step it answers nor follow the day it is recorded. */
function requireDateBetween(value: string, field: string, earliest: string, latest: string): string {
  const date = requireCalendarDate(value, field);
  const first = requireCalendarDate(earliest, field);
  if (date < first || date > latest) {
    throw invalid(
      'DATE_OUT_OF_ORDER',
      `The ${field} ${date} must fall between ${first} and ${latest}; a document cannot predate the step it answers or postdate its recording.`,
      { field, date, earliest: first, latest },
    );
  }
  return date;
}

// ---------------------------------------------------------------------------------------------
// evolve

const EMPTY_NOMINATIONS = { recommendations: [], nominees: [], vettings: [], consultations: [] } as const;

export function evolveElection(state: ElectionState, event: ElectionEvent): ElectionState {
  switch (event.type) {
    case 'CensusTaken': {
      const { electionId, branchId, policyVersion: version, currentTerm } = event.data;
      const census = {
        fullMembers: event.data.fullMembers,
        probationaryMembers: event.data.probationaryMembers,
        suspendedMembers: event.data.suspendedMembers,
        committeeRequired: event.data.committeeRequired,
        overSize: event.data.overSize,
        currentTerm,
        policyVersion: version,
      };
      if (state.status === 'none') {
        return { status: 'censusTaken', electionId, branchId, census, dueDate: currentTerm?.end ?? null };
      }
      if (state.status !== 'censusTaken') return state;
      const shifted = state.dueDate !== (state.census.currentTerm?.end ?? null);
      return { ...state, census, dueDate: shifted ? state.dueDate : (currentTerm?.end ?? null) };
    }
    case 'ElectionRequested':
      if (state.status !== 'censusTaken' && state.status !== 'approvalLapsed') return state;
      return {
        ...openedPart(state),
        status: 'requested',
        request: {
          plannedDate: event.data.plannedDate,
          committee: event.data.committee,
          committeeSeats: event.data.committeeSeats,
          deputySecretary: event.data.deputySecretary,
          minimumCommitteeCandidates: event.data.minimumCommitteeCandidates,
          requestedOn: event.data.at.slice(0, 10),
        },
      };
    case 'ElectionRequestApproved':
      if (state.status !== 'requested') return state;
      return {
        ...state,
        status: 'requestApproved',
        approval: {
          approvalReference: event.data.approvalReference,
          approvedOn: event.data.approvedOn,
          lapsesOn: event.data.lapsesOn,
        },
        nominations: EMPTY_NOMINATIONS,
      };
    case 'ApprovalLapsed':
      if (!hasUnusedApproval(state)) return state;
      return { ...openedPart(state), status: 'approvalLapsed', request: state.request, lapsedApproval: state.approval };
    case 'ElectionPostponed':
    case 'ElectionBroughtForward':
      return isStarted(state) ? { ...state, dueDate: event.data.newDate } : state;
    case 'CandidateRecommended':
      if (state.status !== 'requestApproved') return state;
      return {
        ...state,
        nominations: {
          ...state.nominations,
          recommendations: [
            ...state.nominations.recommendations,
            { nominee: event.data.nominee, forPost: event.data.forPost, recommendedBy: event.data.recommendedBy },
          ],
        },
      };
    case 'CandidateNominated':
      if (state.status !== 'requestApproved') return state;
      return {
        ...state,
        nominations: {
          ...state.nominations,
          nominees: [
            ...state.nominations.nominees,
            { nominee: event.data.nominee, forPost: event.data.forPost, nominatedBy: event.data.nominatedBy },
          ],
        },
      };
    case 'CandidateVetted':
      if (state.status !== 'requestApproved' && state.status !== 'slateSubmitted') return state;
      return {
        ...state,
        nominations: {
          ...state.nominations,
          vettings: [
            ...state.nominations.vettings,
            { nominee: event.data.nominee, method: event.data.method, on: event.data.on },
          ],
        },
      };
    case 'CommunityConsulted':
      if (state.status !== 'requestApproved' && state.status !== 'slateSubmitted') return state;
      return {
        ...state,
        nominations: {
          ...state.nominations,
          consultations: [
            ...state.nominations.consultations,
            { nominee: event.data.nominee, community: event.data.community },
          ],
        },
      };
    case 'CandidateSlateSubmitted':
      if (state.status !== 'requestApproved' && state.status !== 'slateSubmitted') return state;
      return {
        ...state,
        status: 'slateSubmitted',
        slate: {
          committeeCandidates: event.data.committeeCandidates,
          secretaryCandidates: event.data.secretaryCandidates,
          deputySecretaryCandidates: event.data.deputySecretaryCandidates,
        },
      };
    case 'CandidateSlateApproved':
      if (state.status !== 'slateSubmitted') return state;
      return {
        ...state,
        status: 'slateApproved',
        slateApproval: { approvalReference: event.data.approvalReference, approvedOn: event.data.approvedOn },
      };
    case 'MembersAssemblyConvened':
      if (state.status !== 'slateApproved') return state;
      return {
        ...state,
        status: 'assemblyOpen',
        assembly: {
          date: event.data.at.slice(0, 10),
          policyVersion: event.data.policyVersion,
          roll: event.data.roll,
          exclusions: event.data.exclusions,
          dueVoters: event.data.dueVoters,
          presentVoters: event.data.presentVoters,
          nonVotingAttendees: event.data.nonVotingAttendees,
          concurrentPostHolders: event.data.concurrentPostHolders,
          scrutineers: event.data.scrutineers,
          tellers: event.data.tellers,
        },
        races: event.data.races.map((setup) => ({
          phase: 'awaitingBallots',
          race: setup.race,
          seats: setup.seats,
          slateCandidates: setup.candidates,
          elected: [],
          rounds: [],
          counts: [],
          nextRoundNo: 2,
          round: { roundNo: 1, kind: 'regular', candidates: setup.candidates, seats: setup.seats },
        })),
        seatReductions: [],
      };
    case 'BallotsRecorded':
      return updateRace(state, event.data.race, (race) =>
        race.phase === 'awaitingBallots'
          ? { ...race, phase: 'awaitingCount', recorded: event.data, rounds: [...race.rounds, event.data] }
          : race,
      );
    case 'BallotRoundVoided':
      return updateRace(state, event.data.race, (race) =>
        race.phase === 'awaitingBallots'
          ? { ...race, round: { ...race.round, roundNo: race.nextRoundNo }, nextRoundNo: race.nextRoundNo + 1 }
          : race,
      );
    case 'BallotsCounted':
      return updateRace(state, event.data.race, (race) => {
        if (race.phase !== 'awaitingCount') return race;
        const { recorded: _recorded, round: _round, ...rest } = race;
        const base = {
          ...rest,
          elected: [...race.elected, ...event.data.elected],
          counts: [...race.counts, event.data],
        };
        switch (event.data.outcome) {
          case 'complete':
            return { ...base, phase: 'complete' };
          case 'runoff':
            return {
              ...base,
              phase: 'awaitingBallots',
              round: {
                roundNo: race.nextRoundNo,
                kind: 'runoff',
                candidates: event.data.runoff?.candidates ?? [],
                seats: event.data.runoff?.seats ?? 0,
              },
              nextRoundNo: race.nextRoundNo + 1,
            };
          case 'shortfall': {
            const elected = new Set(base.elected.map((person) => person.personId));
            return {
              ...base,
              phase: 'shortfall',
              notElected: race.slateCandidates.filter((person) => !elected.has(person.personId)),
            };
          }
          default:
            return assertNever(event.data.outcome);
        }
      });
    case 'SupplementaryBallotHeld':
      return updateRace(state, event.data.race, (race) => {
        if (race.phase !== 'shortfall') return race;
        const { notElected: _notElected, ...rest } = race;
        return {
          ...rest,
          phase: 'awaitingBallots',
          round: {
            roundNo: event.data.roundNo,
            kind: 'supplementary',
            candidates: event.data.candidates,
            seats: event.data.seats,
          },
          nextRoundNo: event.data.roundNo + 1,
        };
      });
    case 'SeatsReduced': {
      const next = updateRace(state, event.data.race, (race) => {
        if (race.phase !== 'shortfall') return race;
        const { notElected: _notElected, ...rest } = race;
        return { ...rest, phase: 'complete', seats: event.data.toSeats };
      });
      return next.status === 'assemblyOpen' || next.status === 'committeeElected'
        ? { ...next, seatReductions: [...next.seatReductions, event.data] }
        : next;
    }
    case 'OfficersElected':
      if (state.status !== 'committeeElected' && state.status !== 'assemblyOpen') return state;
      return {
        ...state,
        status: 'officersElected',
        officers: {
          electedBy: event.data.electedBy,
          chair: event.data.chair,
          secretary: event.data.secretary,
          deputySecretary: event.data.deputySecretary,
          scrutineers: event.data.scrutineers,
          duties: event.data.duties,
        },
      };
    case 'ElectionResultReported':
      if (state.status !== 'officersElected') return state;
      return {
        ...state,
        status: 'resultReported',
        report: { reportReference: event.data.reportReference, deviations: event.data.deviations },
      };
    case 'ElectionResultApproved': {
      if (state.status !== 'resultReported') return state;
      const { electionId: _id, policyVersion: _version, at: _at, ...resultApproval } = event.data;
      return { ...state, status: 'resultApproved', resultApproval };
    }
    case 'InstallationRequested':
      if (state.status !== 'resultApproved') return state;
      return {
        ...state,
        status: 'installing',
        installation: {
          posts: event.data.posts,
          termStart: event.data.termStart,
          termEnd: event.data.termEnd,
          termYears: event.data.termYears,
          termPolicyVersion: event.data.termPolicyVersion,
        },
      };
    case 'ResultInstalled':
      if (state.status !== 'installing') return state;
      return { ...state, status: 'installed', installedAt: event.data.at };
    case 'ElectionCancelled':
      if (!isStarted(state)) return state;
      return {
        status: 'cancelled',
        electionId: state.electionId,
        branchId: state.branchId,
        reason: event.data.reason,
        cancelledInStatus: event.data.cancelledInStatus,
        cancelledAt: event.data.at,
      };
    default:
      return assertNever(event);
  }
}

/** Applies a change to one race at the open assembly; closes the assembly when every race is complete. */
function updateRace(state: ElectionState, race: Race, change: (race: RaceState) => RaceState): ElectionState {
  if (state.status !== 'assemblyOpen') return state;
  const races = state.races.map((candidate) => (candidate.race === race ? change(candidate) : candidate));
  const done = races.every((candidate) => candidate.phase === 'complete');
  // A committee branch goes on to its first committee meeting; a branch without one records
  // OfficersElected in the same decision, which moves it on.
  return { ...state, races, status: done && state.request.committee ? 'committeeElected' : 'assemblyOpen' };
}
