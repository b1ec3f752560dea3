import type { ElectionListItem, ElectionView } from '@app/application';
import { ELECTION_COMMAND_TYPES, ELECTION_STATUSES, EXCLUSION_REASONS } from '@app/domain';
import {
  COUNT_OUTCOMES,
  INVALID_BALLOT_REASONS,
  MAJORITY_BASES,
  MEMBERSHIPS,
  NON_VOTING_KINDS,
  OFFICER_POSTS,
  OFFICERS_ELECTED_BY,
  POST_KINDS,
  RACE_PHASES,
  RACES,
  ROUND_KINDS,
  SLATE_DEVIATION_KINDS,
  SUSPENSION_REASONS,
  TERM_NUMBER_BASES,
  VETTING_METHODS,
} from '../http/domain-values';
import { Count, Day, Flag, Instant, Int, List, Obj, OneOf, Text, TextsBy, Id } from '../http/response-fields';
import { ActorDto, MotionDto, PersonDto, TermDto } from '../http/shared-views.dto';
import { describesView } from '../http/view-binding';

const WITHHELD = 'Withheld from reporting jobs.';

class CensusDto {
  @Count() readonly fullMembers!: number;
  @Count() readonly probationaryMembers!: number;
  @Count({ description: 'Full members whose voting rights are suspended (counted among fullMembers).' })
  readonly suspendedMembers!: number;
  @Flag() readonly committeeRequired!: boolean;
  @Flag() readonly overSize!: boolean;
  @Obj(() => TermDto, { nullable: true, description: 'The current term; null for a branch never elected.' })
  readonly currentTerm!: TermDto | null;
  @Text() readonly policyVersion!: string;
  @Int({
    minimum: 1,
    nullable: true,
    description: 'The 届次 this election elects (第三届 → 3); null for a census recorded before it was counted.',
  })
  readonly termNumber!: number | null;
  @OneOf(TERM_NUMBER_BASES, 'TermNumberBasis', {
    nullable: true,
    description:
      "Where the 届次 comes from: one past the last installed election's, one past the committees on record, or stated by the clerk for a longer history.",
  })
  readonly termNumberBasis!: string | null;
}

class ElectionRequestDto {
  @Day() readonly plannedDate!: string;
  @Flag() readonly committee!: boolean;
  @Count() readonly committeeSeats!: number;
  @Flag() readonly deputySecretary!: boolean;
  @Count() readonly minimumCommitteeCandidates!: number;
  @Day() readonly requestedOn!: string;
  @Text({ nullable: true, description: 'The request’s 文号, when the branch numbered it.' })
  readonly requestReference!: string | null;
}

class RequestApprovalDto {
  @Text() readonly approvalReference!: string;
  @Day() readonly approvedOn!: string;
  @Day() readonly lapsesOn!: string;
}

class RecommendationDto {
  @Obj(() => PersonDto) readonly nominee!: PersonDto;
  @OneOf(RACES, 'Race') readonly forPost!: string;
  @List(() => PersonDto) readonly recommendedBy!: readonly PersonDto[];
}

class NomineeDto {
  @Obj(() => PersonDto) readonly nominee!: PersonDto;
  @OneOf(RACES, 'Race') readonly forPost!: string;
  @Text() readonly nominatedBy!: string;
}

class VettingDto {
  @Obj(() => PersonDto) readonly nominee!: PersonDto;
  @OneOf(VETTING_METHODS, 'VettingMethod') readonly method!: string;
  @Day() readonly on!: string;
}

class ConsultationDto {
  @Obj(() => PersonDto, { nullable: true, description: 'Null when the opinion was on the whole slate.' })
  readonly nominee!: PersonDto | null;
  @Text() readonly community!: string;
}

class NominationsDto {
  @List(() => RecommendationDto) readonly recommendations!: readonly RecommendationDto[];
  @List(() => NomineeDto) readonly nominees!: readonly NomineeDto[];
  @List(() => VettingDto) readonly vettings!: readonly VettingDto[];
  @List(() => ConsultationDto) readonly consultations!: readonly ConsultationDto[];
}

class SlateDto {
  @List(() => PersonDto) readonly committeeCandidates!: readonly PersonDto[];
  @List(() => PersonDto) readonly secretaryCandidates!: readonly PersonDto[];
  @List(() => PersonDto) readonly deputySecretaryCandidates!: readonly PersonDto[];
}

class SlateApprovalDto {
  @Text() readonly approvalReference!: string;
  @Day() readonly approvedOn!: string;
}

class ElectionRollEntryDto {
  @Id() readonly memberId!: string;
  @Text() readonly name!: string;
  @OneOf(MEMBERSHIPS, 'Membership') readonly membership!: string;
  @OneOf(SUSPENSION_REASONS, 'SuspensionReason', { nullable: true, optional: true, description: WITHHELD })
  readonly suspension?: string | null;
}

class ExclusionDto {
  @Id() readonly memberId!: string;
  @OneOf(EXCLUSION_REASONS, 'ExclusionReason', { optional: true, description: WITHHELD })
  readonly reason?: string;
  @Text() readonly approvalReference!: string;
}

class NonVotingAttendeeDto {
  @Obj(() => PersonDto) readonly person!: PersonDto;
  @OneOf(NON_VOTING_KINDS, 'NonVotingKind') readonly kind!: string;
}

class AssemblyDto {
  @Day({ description: 'The election date.' }) readonly date!: string;
  @Text() readonly policyVersion!: string;
  @List(() => ElectionRollEntryDto, { description: 'The roll snapshot the due voters were computed from.' })
  readonly roll!: readonly ElectionRollEntryDto[];
  @List(() => ExclusionDto) readonly exclusions!: readonly ExclusionDto[];
  @List(() => PersonDto) readonly dueVoters!: readonly PersonDto[];
  @List(() => PersonDto) readonly presentVoters!: readonly PersonDto[];
  @List(() => NonVotingAttendeeDto) readonly nonVotingAttendees!: readonly NonVotingAttendeeDto[];
  @List(() => PersonDto) readonly concurrentPostHolders!: readonly PersonDto[];
  @List(() => PersonDto) readonly scrutineers!: readonly PersonDto[];
  @List(() => PersonDto) readonly tellers!: readonly PersonDto[];
}

class ElectedPersonDto {
  @Id() readonly personId!: string;
  @Text() readonly name!: string;
  @Count() readonly votes!: number;
  @Int({ minimum: 1 }) readonly roundNo!: number;
}

class CandidateTallyDto {
  @Id() readonly personId!: string;
  @Text() readonly name!: string;
  @Count() readonly for!: number;
  @Count() readonly against!: number;
  @Count() readonly abstain!: number;
}

class WriteInTallyDto {
  @Id() readonly personId!: string;
  @Text() readonly name!: string;
  @Count() readonly votes!: number;
}

class InvalidBallotsDto {
  @Count() readonly spoiled!: number;
  @Count() readonly tooManyNames!: number;
  @Count() readonly writeInWithoutAgainst!: number;
  @Count() readonly writeInIsCandidate!: number;
  @Count() readonly duplicateName!: number;
}

/** One recorded round of a race (the BallotsRecorded event's data). */
class BallotRoundDto {
  @Id() readonly electionId!: string;
  @Text() readonly policyVersion!: string;
  @Instant() readonly at!: string;
  @OneOf(RACES, 'Race') readonly race!: string;
  @Int({ minimum: 1 }) readonly roundNo!: number;
  @OneOf(ROUND_KINDS, 'RoundKind') readonly roundKind!: string;
  @Count() readonly seats!: number;
  @List(() => PersonDto) readonly candidates!: readonly PersonDto[];
  @Count() readonly issued!: number;
  @Count() readonly returned!: number;
  @Count() readonly valid!: number;
  @Count() readonly invalid!: number;
  @Obj(() => InvalidBallotsDto, { description: `Invalid ballots by reason (${INVALID_BALLOT_REASONS.join(', ')}).` })
  readonly invalidByReason!: InvalidBallotsDto;
  @List(() => CandidateTallyDto) readonly tallies!: readonly CandidateTallyDto[];
  @List(() => WriteInTallyDto) readonly writeIns!: readonly WriteInTallyDto[];
}

class RunoffDto {
  @List(() => PersonDto) readonly candidates!: readonly PersonDto[];
  @Count() readonly seats!: number;
}

/** One count of a recorded round (the BallotsCounted event's data). */
class BallotCountDto {
  @Id() readonly electionId!: string;
  @Text() readonly policyVersion!: string;
  @Instant() readonly at!: string;
  @OneOf(RACES, 'Race') readonly race!: string;
  @Int({ minimum: 1 }) readonly roundNo!: number;
  @OneOf(ROUND_KINDS, 'RoundKind') readonly roundKind!: string;
  @OneOf(MAJORITY_BASES, 'MajorityBase') readonly majorityBase!: string;
  @Count() readonly base!: number;
  @Count() readonly dueVoters!: number;
  @Count() readonly presentVoters!: number;
  @List(() => ElectedPersonDto) readonly elected!: readonly ElectedPersonDto[];
  @List(() => WriteInTallyDto) readonly notElected!: readonly WriteInTallyDto[];
  @OneOf(COUNT_OUTCOMES, 'CountOutcome') readonly outcome!: string;
  @Obj(() => RunoffDto, { nullable: true }) readonly runoff!: RunoffDto | null;
  @Count() readonly remainingSeats!: number;
}

class OpenRoundDto {
  @Int({ minimum: 1 }) readonly roundNo!: number;
  @OneOf(ROUND_KINDS, 'RoundKind') readonly kind!: string;
  @List(() => PersonDto) readonly candidates!: readonly PersonDto[];
  @Count() readonly seats!: number;
}

/** One contest at the assembly; `round`, `recorded` and `notElected` belong to some phases only. */
class RaceStateDto {
  @OneOf(RACES, 'Race') readonly race!: string;
  @Count({ description: 'Seats to fill now (after any reduction).' }) readonly seats!: number;
  @List(() => PersonDto) readonly slateCandidates!: readonly PersonDto[];
  @List(() => ElectedPersonDto) readonly elected!: readonly ElectedPersonDto[];
  @List(() => BallotRoundDto) readonly rounds!: readonly BallotRoundDto[];
  @List(() => BallotCountDto) readonly counts!: readonly BallotCountDto[];
  @Int({ minimum: 1 }) readonly nextRoundNo!: number;
  @OneOf(RACE_PHASES, 'RacePhase') readonly phase!: string;
  @Obj(() => OpenRoundDto, { optional: true, description: 'awaitingBallots and awaitingCount.' })
  readonly round?: OpenRoundDto;
  @Obj(() => BallotRoundDto, { optional: true, description: 'awaitingCount.' })
  readonly recorded?: BallotRoundDto;
  @List(() => PersonDto, { optional: true, description: 'shortfall.' })
  readonly notElected?: readonly PersonDto[];
}

class SeatReductionDto {
  @Id() readonly electionId!: string;
  @Text() readonly policyVersion!: string;
  @Instant() readonly at!: string;
  @OneOf(RACES, 'Race') readonly race!: string;
  @Count() readonly fromSeats!: number;
  @Count() readonly toSeats!: number;
  @Obj(() => MotionDto) readonly consent!: MotionDto;
  @Count() readonly dueVoters!: number;
}

class ElectedOfficerDto {
  @Id() readonly personId!: string;
  @Text() readonly name!: string;
  @Obj(() => MotionDto) readonly votes!: MotionDto;
}

class OfficersDto {
  @OneOf(OFFICERS_ELECTED_BY, 'OfficersElectedBy') readonly electedBy!: string;
  @Obj(() => PersonDto, { nullable: true }) readonly chair!: PersonDto | null;
  @Obj(() => ElectedOfficerDto) readonly secretary!: ElectedOfficerDto;
  @Obj(() => ElectedOfficerDto, { nullable: true }) readonly deputySecretary!: ElectedOfficerDto | null;
  @List(() => PersonDto) readonly scrutineers!: readonly PersonDto[];
  @TextsBy({ description: "Each committee member's duty, by member id." })
  readonly duties!: Readonly<Record<string, string>>;
}

/** How the result departs from the approved slate; the fields present depend on `kind`. */
class SlateDeviationDto {
  @OneOf(SLATE_DEVIATION_KINDS, 'SlateDeviationKind') readonly kind!: string;
  @OneOf(RACES, 'Race', { optional: true }) readonly race?: string;
  @Obj(() => PersonDto, { optional: true }) readonly person?: PersonDto;
  @OneOf(OFFICER_POSTS, 'OfficerPost', { optional: true }) readonly post?: string;
  @Count({ optional: true }) readonly fromSeats?: number;
  @Count({ optional: true }) readonly toSeats?: number;
}

class ResultReportDto {
  @Text() readonly reportReference!: string;
  @List(() => SlateDeviationDto) readonly deviations!: readonly SlateDeviationDto[];
}

class SuperiorDecisionDto {
  @Text() readonly reference!: string;
  @Text() readonly decision!: string;
}

class ResultApprovalDto {
  @Text() readonly approvalReference!: string;
  @Day() readonly approvedOn!: string;
  @List(() => PersonDto) readonly approvedOfficers!: readonly PersonDto[];
  @List(() => PersonDto) readonly filedCommitteeMembers!: readonly PersonDto[];
  @Text({ nullable: true }) readonly filingReference!: string | null;
  @Obj(() => SuperiorDecisionDto, { nullable: true }) readonly superiorDecision!: SuperiorDecisionDto | null;
}

class InstalledPostDto {
  @Text() readonly postId!: string;
  @OneOf(POST_KINDS, 'PostKind') readonly kind!: string;
  @Text({ nullable: true }) readonly duty!: string | null;
  @Obj(() => PersonDto) readonly holder!: PersonDto;
}

class InstallationDto {
  @List(() => InstalledPostDto) readonly posts!: readonly InstalledPostDto[];
  @Day() readonly termStart!: string;
  @Day() readonly termEnd!: string;
  @Int({ minimum: 1 }) readonly termYears!: number;
  @Text() readonly termPolicyVersion!: string;
}

class TermEndReminderDto {
  @Int({ minimum: 1 }) readonly daysBefore!: number;
  @Day() readonly dueOn!: string;
  @Day() readonly termEnd!: string;
}

/**
 * An election's state. `status` says how far it has come; each later status keeps the fields of
 * the earlier ones and adds its own, so every field but `status` is present from some status on.
 */
export class ElectionStateDto {
  @OneOf(ELECTION_STATUSES, 'ElectionStatus') readonly status!: (typeof ELECTION_STATUSES)[number];
  @Id({ optional: true }) readonly electionId?: string;
  @Id({ optional: true }) readonly branchId?: string;
  @Obj(() => CensusDto, { optional: true }) readonly census?: CensusDto;
  @Day({
    optional: true,
    nullable: true,
    description: 'When the election must be held: the term end, or the date a postponement or advance set.',
  })
  readonly dueDate?: string | null;
  @Day({
    optional: true,
    description: 'The date of the latest act recorded on the election: the next step may not be dated before it.',
  })
  readonly lastActOn?: string;
  @Obj(() => ElectionRequestDto, { optional: true, description: 'From `requested` on.' })
  readonly request?: ElectionRequestDto;
  @Obj(() => RequestApprovalDto, { optional: true, description: 'From `requestApproved` on.' })
  readonly approval?: RequestApprovalDto;
  @Obj(() => RequestApprovalDto, { optional: true, description: '`approvalLapsed`: the approval that lapsed.' })
  readonly lapsedApproval?: RequestApprovalDto;
  @Obj(() => NominationsDto, { optional: true }) readonly nominations?: NominationsDto;
  @Obj(() => SlateDto, { optional: true }) readonly slate?: SlateDto;
  @Obj(() => SlateApprovalDto, { optional: true }) readonly slateApproval?: SlateApprovalDto;
  @Obj(() => AssemblyDto, { optional: true }) readonly assembly?: AssemblyDto;
  @List(() => RaceStateDto, { optional: true }) readonly races?: readonly RaceStateDto[];
  @List(() => SeatReductionDto, { optional: true }) readonly seatReductions?: readonly SeatReductionDto[];
  @Obj(() => OfficersDto, { optional: true }) readonly officers?: OfficersDto;
  @Obj(() => ResultReportDto, { optional: true }) readonly report?: ResultReportDto;
  @Obj(() => ResultApprovalDto, { optional: true }) readonly resultApproval?: ResultApprovalDto;
  @Obj(() => InstallationDto, { optional: true }) readonly installation?: InstallationDto;
  @Instant({ optional: true }) readonly installedAt?: string;
  @Text({ optional: true, description: `\`cancelled\`: why. ${WITHHELD}` }) readonly reason?: string;
  @OneOf(ELECTION_STATUSES, 'ElectionStatus', { optional: true }) readonly cancelledInStatus?: string;
  @Instant({ optional: true }) readonly cancelledAt?: string;
  @List(() => TermEndReminderDto, { optional: true, description: 'Reminders sent before the installed term ends.' })
  readonly termEndReminders?: readonly TermEndReminderDto[];
}

export class ElectionStepDto {
  @Count() readonly revision!: number;
  @Text({ example: 'ElectionRequested' }) readonly type!: string;
  @Instant({ description: 'Business time of the step.' }) readonly occurredAt!: string;
  @Instant() readonly recordedAt!: string;
  @Obj(() => ActorDto) readonly actor!: ActorDto;
  @Text({ nullable: true, description: 'The rule version that judged it.' }) readonly policyVersion!: string | null;
}

/** A command of the workflow, and whether it may run now or which rule blocks it. */
export class NextActionDto {
  @OneOf(ELECTION_COMMAND_TYPES, 'ElectionCommandType') readonly command!: string;
  @Flag() readonly allowed!: boolean;
  @Text({ optional: true, description: 'When not allowed: the rule’s stable code.' }) readonly code?: string;
  @Text({ optional: true, description: 'When not allowed: a sentence saying why.' }) readonly reason?: string;
}

/** The 文号 of an election's documents, each null until its step is recorded (or when it was not numbered). */
export class ElectionDocumentNumbersDto {
  @Text({ nullable: true, description: '换届选举请示.' }) readonly request!: string | null;
  @Text({ nullable: true, description: '批复 of the request.' }) readonly requestApproval!: string | null;
  @Text({ nullable: true, description: '选举结果报告.' }) readonly resultReport!: string | null;
  @Text({ nullable: true, description: '批复 of the result (书记、副书记).' }) readonly resultApproval!: string | null;
  @Text({ nullable: true, description: '备案 of the committee members.' }) readonly filing!: string | null;
}

const TERM_NUMBER = 'The 届次 this election elects (第三届 → 3); null for a census recorded before it was counted.';

export class ElectionViewDto {
  @Id() readonly electionId!: string;
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
  @Int({ minimum: 1, nullable: true, description: TERM_NUMBER }) readonly termNumber!: number | null;
  @Obj(() => ElectionDocumentNumbersDto) readonly documentNumbers!: ElectionDocumentNumbersDto;
  @Obj(() => ElectionStateDto) readonly state!: ElectionStateDto;
  @List(() => ElectionStepDto) readonly steps!: readonly ElectionStepDto[];
  @Text({ description: 'The rule version in force on `asOf`, by which the next actions are judged.' })
  readonly policyInForce!: string;
  @Text({ description: 'The day (or instant) the next actions are judged on.' }) readonly asOf!: string;
  @List(() => NextActionDto) readonly nextActions!: readonly NextActionDto[];
}

describesView<ElectionViewDto, ElectionView>('matches');

export class ElectionListItemDto {
  @Id() readonly electionId!: string;
  @OneOf(ELECTION_STATUSES, 'ElectionStatus') readonly status!: string;
  @Int({ minimum: 1, nullable: true, description: TERM_NUMBER }) readonly termNumber!: number | null;
  @Obj(() => ElectionDocumentNumbersDto) readonly documentNumbers!: ElectionDocumentNumbersDto;
  @Count() readonly revision!: number;
  @Instant() readonly openedAt!: string;
  @Text({ description: 'The event type of the last step.' }) readonly lastStep!: string;
  @Instant() readonly lastStepAt!: string;
  @Day({ nullable: true }) readonly plannedDate!: string | null;
  @Day({ nullable: true }) readonly dueDate!: string | null;
  @Obj(() => TermDto, { nullable: true, description: 'The term the election installed.' })
  readonly term!: TermDto | null;
}

describesView<ElectionListItemDto, ElectionListItem>('matches');

export class BranchElectionsDto {
  @Id() readonly branchId!: string;
  @List(() => ElectionListItemDto, { description: 'One per term, oldest first.' })
  readonly elections!: readonly ElectionListItemDto[];
}
