import type {
  CountOutcome,
  DepartureReason,
  InvalidBallotReason,
  MajorityBase,
  ManagementLinkKind,
  Membership,
  NonVotingKind,
  OfficersElected,
  PartyCommitteeKind,
  PostEndReason,
  PostKind,
  PostSource,
  Race,
  RaceState,
  RestructuringKind,
  RoundKind,
  TermNumberBasis,
  Sex,
  SkipReason,
  SlateDeviation,
  SuspensionReason,
  VettingMethod,
} from '@app/domain';
import type { OverdueReason, ReporterDepartureReason } from '@app/read-models';
import { everyValueOf } from './response-fields';

/**
 * The values of the domain's string unions that answers carry, for the document's enums. Where
 * the domain keeps a constant list (ELECTION_STATUSES, EXCLUSION_REASONS, ELECTION_COMMAND_TYPES)
 * the DTOs use it; the others are listed here, and the compiler proves each list complete.
 */
export const RACES = everyValueOf<Race>()(['committee', 'secretary', 'deputySecretary']);
export const VETTING_METHODS = everyValueOf<VettingMethod>()(['talk', 'visit', 'survey', 'mobilisation']);
export const MEMBERSHIPS = everyValueOf<Membership>()(['full', 'probationary']);
export const SEXES = everyValueOf<Sex>()(['male', 'female']);
export const SUSPENSION_REASONS = everyValueOf<SuspensionReason>()([
  'membershipSuspended',
  'probation',
  'detention',
  'arrest',
]);
/** As auditors and administrators see a departure; reporting jobs see `death` or `other`. */
export const DEPARTURE_REASONS = everyValueOf<DepartureReason | ReporterDepartureReason>()([
  'death',
  'movedOut',
  'expelled',
  'other',
]);
export const NON_VOTING_KINDS = everyValueOf<NonVotingKind>()([
  'probationary',
  'rightsSuspended',
  'nonMember',
  'crossAppointed',
]);
export const TERM_NUMBER_BASES = everyValueOf<TermNumberBasis>()(['previousElection', 'committeesOnRecord', 'stated']);
export const ROUND_KINDS = everyValueOf<RoundKind>()(['regular', 'runoff', 'supplementary']);
export const INVALID_BALLOT_REASONS = everyValueOf<InvalidBallotReason>()([
  'spoiled',
  'tooManyNames',
  'writeInWithoutAgainst',
  'writeInIsCandidate',
  'duplicateName',
]);
export const MAJORITY_BASES = everyValueOf<MajorityBase>()(['due', 'present']);
export const COUNT_OUTCOMES = everyValueOf<CountOutcome>()(['complete', 'runoff', 'shortfall']);
export const OFFICERS_ELECTED_BY = everyValueOf<OfficersElected['data']['electedBy']>()([
  'membersAssembly',
  'committeeFirstMeeting',
]);
export const RACE_PHASES = everyValueOf<RaceState['phase']>()([
  'awaitingBallots',
  'awaitingCount',
  'shortfall',
  'complete',
]);
export const SLATE_DEVIATION_KINDS = everyValueOf<SlateDeviation['kind']>()([
  'writeInElected',
  'officerNotSlateCandidate',
  'deputyNotElected',
  'seatsReduced',
]);
export const OFFICER_POSTS = everyValueOf<Extract<SlateDeviation, { post: unknown }>['post']>()([
  'secretary',
  'deputySecretary',
]);
export const POST_KINDS = everyValueOf<PostKind>()([
  'secretary',
  'deputySecretary',
  'committeeMember',
  'partyAffairsOfficer',
]);
export const POST_SOURCES = everyValueOf<PostSource>()(['elected', 'appointed', 'concurrent']);
export const POST_END_REASONS = everyValueOf<PostEndReason>()([
  'termEnded',
  'resigned',
  'removed',
  'deceased',
  'transferred',
  'branchDissolved',
  'other',
]);
export const LINK_KINDS = everyValueOf<ManagementLinkKind>()(['community', 'formerUnit', 'association']);
export const COMMITTEE_KINDS = everyValueOf<PartyCommitteeKind>()(['committee', 'general_branch']);
export const RESTRUCTURING_KINDS = everyValueOf<RestructuringKind>()(['merge', 'redraw', 'dissolution']);
export const SKIP_REASONS = everyValueOf<SkipReason>()(['notOnRoll', 'alreadyInTarget']);
export const OVERDUE_REASONS = everyValueOf<OverdueReason>()(['approvalLapse', 'dueDate', 'campaignDeadline']);
