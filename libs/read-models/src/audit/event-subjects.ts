import type { ExecutionPlan, NewBranch, PostHolder, RedrawAssignment, RestructuringPlan } from '@app/domain';
import type { KnownEvent } from '../projection/event-handlers';

/**
 * What an event concerns, read from its data by field name rather than by type, so events of
 * contexts that do not exist yet (elections, campaigns) are filed under their branch and member
 * as soon as they carry the usual `branchId` / `memberId` fields.
 */
export interface EventSubjects {
  /** The branch the event is about; for a transfer the destination, for a merge the target. */
  readonly branchId: string | null;
  /** The branch a member left in a transfer. */
  readonly fromBranchId: string | null;
  /** Every branch the event concerns (both sides of a transfer, every source of a merge…). */
  readonly branchIds: readonly string[];
  readonly memberId: string | null;
  readonly committeeId: string | null;
  readonly restructuringId: string | null;
}

type Data = Record<string, unknown>;

/** The top-level data fields a subject is read from; `subjectsOf` reads no other. */
export const SUBJECT_FIELDS = [
  'branchId',
  'toBranchId',
  'targetBranchId',
  'fromBranchId',
  'sourceBranchIds',
  'memberId',
  'committeeId',
  'toCommitteeId',
  'parentCommitteeId',
  'restructuringId',
  'plan',
  'execution',
  'post',
  'holder',
  'hostBranchId',
  'leadBranchId',
  'visitingBranchIds',
] as const;
export type SubjectField = (typeof SUBJECT_FIELDS)[number];

/**
 * The subject fields each known event carries, typed by the domain's event data: renaming or
 * removing one of these fields in an event fails to compile here, where reading by name alone
 * would silently file the event under nobody. A unit test checks each entry against the event
 * samples; events of contexts not declared here are still filed by name.
 */
export const EVENT_SUBJECT_FIELDS: {
  readonly [E in KnownEvent as E['type']]: readonly (SubjectField & keyof E['data'])[];
} = {
  PartyCommitteeEstablished: ['committeeId', 'parentCommitteeId'],
  PartyCommitteeRenamed: ['committeeId'],
  PartyCommitteeDissolved: ['committeeId'],
  BranchEstablished: ['branchId', 'parentCommitteeId', 'restructuringId'],
  BranchRenamed: ['branchId'],
  BranchReaffiliated: ['branchId', 'toCommitteeId'],
  ManagementLinkAdded: ['branchId'],
  ManagementLinkRemoved: ['branchId'],
  PostAssigned: ['branchId', 'post'],
  OfficerAppointed: ['branchId', 'post'],
  ViceSecretaryCrossAppointed: ['branchId', 'post'],
  PartyAffairsOfficerAssigned: ['branchId', 'post'],
  PostVacated: ['branchId', 'holder'],
  BranchShapeAssessed: ['branchId'],
  BranchDissolved: ['branchId', 'restructuringId'],
  MemberAdmitted: ['branchId', 'memberId'],
  MemberConfirmed: ['branchId', 'memberId'],
  VotingRightsSuspended: ['memberId'],
  VotingRightsRestored: ['memberId'],
  MemberTransferred: ['toBranchId', 'fromBranchId', 'memberId', 'restructuringId'],
  MemberLeft: ['branchId', 'memberId'],
  MemberDataCorrected: ['memberId'],
  RestructuringProposed: ['restructuringId', 'plan'],
  RestructuringApproved: ['restructuringId'],
  RestructuringAbandoned: ['restructuringId'],
  RestructuringExecutionStarted: ['restructuringId', 'execution'],
  BranchesMerged: ['targetBranchId', 'sourceBranchIds', 'restructuringId'],
  RestructuringCompleted: ['restructuringId'],
  ElectionPlanIssued: [],
  WorkingGroupFormed: [],
  BranchAssignedToWorkingGroup: ['branchId'],
  ByElectionRequested: ['branchId'],
  ByElectionConsented: ['branchId'],
  ByElectionHeld: ['branchId'],
  ByElectionFiled: ['branchId', 'post'],
  RulePolicyPublished: [],
  CensusTaken: ['branchId'],
  ElectionRequested: [],
  ElectionRequestApproved: [],
  ApprovalLapsed: [],
  ElectionPostponed: [],
  ElectionBroughtForward: [],
  CandidateRecommended: [],
  CandidateNominated: [],
  CandidateVetted: [],
  CommunityConsulted: [],
  CandidateSlateSubmitted: [],
  CandidateSlateApproved: [],
  MembersAssemblyConvened: [],
  BallotsRecorded: [],
  BallotRoundVoided: [],
  BallotsCounted: [],
  SupplementaryBallotHeld: [],
  SeatsReduced: [],
  OfficersElected: [],
  ElectionResultReported: [],
  ElectionResultApproved: [],
  InstallationRequested: ['branchId'],
  ResultInstalled: ['branchId'],
  ElectionCancelled: [],
  TermEndReminderDue: ['branchId'],
  ElectionReminderSent: ['branchId'],
  DemonstrationCampaignLaunched: [],
  DemonstrationBranchDesignated: ['branchId'],
  ChecklistEvidenceRecorded: ['branchId'],
  DemonstrationCriterionAssessed: ['branchId'],
  DemonstrationBranchApproved: ['branchId'],
  BranchBrandRegistered: ['branchId'],
  DemonstrationFundingGranted: ['branchId'],
  ExchangeVisitRecorded: ['hostBranchId', 'visitingBranchIds'],
  VolunteerTeamFormed: ['leadBranchId'],
  VolunteerJoinedTeam: ['branchId', 'memberId'],
  VolunteerActivityRecorded: [],
};

/** The nested fields read from a restructuring's plan and execution, typed so their renames break here too. */
type KeyOfUnion<T> = T extends unknown ? keyof T : never;
type PlanField = KeyOfUnion<RestructuringPlan> | KeyOfUnion<Extract<RestructuringPlan, { kind: 'merge' }>['target']>;
type ExecutionField = keyof ExecutionPlan;

const field = (data: Data | null | undefined, name: SubjectField): unknown => data?.[name];
const planField = (plan: Data | null, name: PlanField): unknown => plan?.[name];
const executionField = (execution: Data | null, name: ExecutionField): unknown => execution?.[name];
/** A field of a nested value the domain declares as `T`. */
const fieldOf = <T>(value: unknown, name: keyof T & string): unknown => record(value)?.[name];

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const record = (value: unknown): Data | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : null;
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((item) => (text(item) === null ? [] : [item as string])) : [];

/** `member-m1` → `['member', 'm1']`. */
export function streamCategory(stream: string): { category: string; id: string } {
  const dash = stream.indexOf('-');
  return dash < 0 ? { category: stream, id: '' } : { category: stream.slice(0, dash), id: stream.slice(dash + 1) };
}

export function subjectsOf(stream: string, data: Data): EventSubjects {
  const { category, id } = streamCategory(stream);
  const plan = record(field(data, 'plan'));
  const execution = record(field(data, 'execution'));
  const post = record(field(data, 'post'));
  const holder = record(field(post, 'holder')) ?? record(field(data, 'holder'));
  const target = record(planField(plan, 'target'));
  const assignments = planField(plan, 'assignments');
  const newBranches = planField(plan, 'newBranches');
  const branchesToEstablish = executionField(execution, 'branchesToEstablish');

  const planBranches = [
    ...texts(planField(plan, 'sourceBranchIds')),
    text(planField(target, 'branchId')),
    text(fieldOf<NewBranch>(planField(target, 'branch'), 'branchId')),
    text(planField(plan, 'branchId')),
    text(planField(plan, 'destinationBranchId')),
    ...(Array.isArray(assignments) ? assignments.map((a) => text(fieldOf<RedrawAssignment>(a, 'toBranchId'))) : []),
    ...(Array.isArray(newBranches) ? newBranches.map((b) => text(fieldOf<NewBranch>(b, 'branchId'))) : []),
  ];
  const executionBranches = [
    ...(Array.isArray(branchesToEstablish)
      ? branchesToEstablish.map((b) => text(fieldOf<NewBranch>(b, 'branchId')))
      : []),
    ...texts(executionField(execution, 'branchesToClose')),
  ];

  const branchId =
    text(field(data, 'branchId')) ??
    text(field(data, 'toBranchId')) ??
    text(field(data, 'targetBranchId')) ??
    (category === 'branch' ? text(id) : null) ??
    (planField(plan, 'kind') === 'dissolution' ? text(planField(plan, 'branchId')) : null) ??
    // 示范创建 visits and volunteer teams: the branch visited, the branch that leads.
    text(field(data, 'hostBranchId')) ??
    text(field(data, 'leadBranchId'));
  const fromBranchId = text(field(data, 'fromBranchId'));
  const branchIds = unique([
    branchId,
    fromBranchId,
    text(field(data, 'toBranchId')),
    ...texts(field(data, 'sourceBranchIds')),
    ...texts(field(data, 'visitingBranchIds')),
    ...planBranches,
    ...executionBranches,
  ]);

  return {
    branchId,
    fromBranchId,
    branchIds,
    memberId:
      text(field(data, 'memberId')) ??
      text(fieldOf<PostHolder>(holder, 'personId')) ??
      (category === 'member' ? text(id) : null),
    committeeId:
      text(field(data, 'committeeId')) ??
      text(field(data, 'toCommitteeId')) ??
      text(field(data, 'parentCommitteeId')) ??
      (category === 'committee' ? text(id) : null),
    restructuringId: text(field(data, 'restructuringId')) ?? (category === 'restructuring' ? text(id) : null),
  };
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
