import { PersonBody } from '../http/person-body';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import {
  EXCLUSION_REASONS,
  type ExclusionReason,
  type Mark,
  type NonVotingKind,
  type Race,
  type VettingMethod,
} from '@app/domain';
import { IsCalendarDate, IsDateOrDateTime } from '../http/calendar-date';
import { humanTextProblem, HumanText } from '../http/human-text';
import { KeyedRecord, Nested, NestedList } from '../http/nested';
import { Optional } from '../http/optional';
import { CommandBody } from '../http/command-body';

const RACES: readonly Race[] = ['committee', 'secretary', 'deputySecretary'];
const VETTING_METHODS: readonly VettingMethod[] = ['talk', 'visit', 'survey', 'mobilisation'];
const MARKS: readonly Mark[] = ['for', 'against', 'abstain'];
const NON_VOTING_KINDS: readonly NonVotingKind[] = ['probationary', 'rightsSuspended', 'nonMember', 'crossAppointed'];
/** More than any branch's roll (a branch is generally at most 50; a few are larger). */
const MAX_PEOPLE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** An object keyed by person id (UUID), at most `max` entries, each value passing `valueOk`. */
function PersonKeyedRecord(what: string, valueOk: (value: unknown) => boolean, max = MAX_PEOPLE): PropertyDecorator {
  return KeyedRecord({ keys: 'person id (UUID)', values: what }, UUID, valueOk, max);
}

// ---------------------------------------------------------------------------------------------
// Shared shapes

/** A show of hands or a vote on a motion. */
export class MotionBody {
  @ApiProperty({ minimum: 0, example: 8 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  readonly for!: number;

  @ApiProperty({ minimum: 0, example: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  readonly against!: number;

  @ApiProperty({ minimum: 0, example: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  readonly abstain!: number;
}

/** A list of persons, each validated as PersonBody. */
function PersonList(description: string, max = MAX_PEOPLE, min?: number): PropertyDecorator {
  return NestedList(PersonBody, max, { description, ...(min === undefined ? {} : { min }) });
}

// ---------------------------------------------------------------------------------------------
// Census, request, approval, shifts

export class TakeCensusBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly electionId?: string;

  @ApiProperty({ format: 'uuid', description: 'The branch whose officers are elected.' })
  @IsUUID()
  readonly branchId!: string;

  @ApiProperty({
    example: '支委会能正常开展工作，按期召开组织生活会',
    description: 'How the committee (or secretary) works.',
  })
  @HumanText(2000, { multiline: true })
  readonly committeeWorking!: string;

  @ApiProperty({
    example: '书记年事已高，本人不愿连任',
    description: "The secretary's situation (health, willingness, age).",
  })
  @HumanText(2000, { multiline: true })
  readonly secretarySituation!: string;

  @ApiPropertyOptional({ example: '3名党员长期随子女在外地居住' })
  @Optional()
  @HumanText(2000, { multiline: true })
  readonly notes?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 99,
    example: 3,
    description:
      "The 届次 this election elects (第三届 → 3). Left out, it is counted from the branch's committee history: one past the last installed election's, else one past the committees on record (its installed elections, or 1 for officers in office). State it where the branch's history before this system is longer; it may raise the count, never lower it, and must repeat a last installed election's + 1 (422 `TERM_NUMBER_CONFLICT`).",
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(99)
  readonly termNumber?: number;
}

export class RequestElectionBody extends CommandBody {
  @ApiProperty({ example: '2023-05-20', description: 'The planned assembly date, YYYY-MM-DD.' })
  @IsCalendarDate()
  readonly plannedDate!: string;

  @ApiProperty({ description: 'Whether a committee is elected (required from 7 full members).' })
  @IsBoolean()
  readonly committee!: boolean;

  @ApiProperty({ example: 3, description: 'Committee seats (secretary and deputy included); 0 without a committee.' })
  @IsInt()
  @Min(0)
  @Max(50)
  readonly committeeSeats!: number;

  @ApiProperty({ description: 'Whether a deputy secretary is elected.' })
  @IsBoolean()
  readonly deputySecretary!: boolean;

  @ApiProperty({ example: '差额选举、无记名投票' })
  @HumanText(500, { multiline: true })
  readonly electionMethod!: string;

  @ApiProperty({ example: '老干部推荐、党内提名、组织审查' })
  @HumanText(500, { multiline: true })
  readonly nominationMethod!: string;

  @ApiPropertyOptional({ type: [String], example: ['听取和审查支部委员会工作报告', '选举新一届支部委员会'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @HumanText(500, { each: true, multiline: true })
  readonly agenda?: string[];

  @ApiPropertyOptional({
    example: '府前支〔2023〕1号',
    description:
      "The request's 文号: the issuer's code, the year in brackets (〔〕, ［］, [] or （）), the serial number and 号; anything else answers 400 `DOCUMENT_NUMBER_MALFORMED`.",
  })
  @Optional()
  @HumanText(100)
  readonly requestReference?: string;
}

/** A superior's document: its reference (文号) and date. */
export class ApprovalBody extends CommandBody {
  @ApiProperty({ example: '孝老干党字〔2023〕12号' })
  @HumanText(100)
  readonly approvalReference!: string;

  @ApiProperty({ example: '2023-03-20', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly approvedOn!: string;
}

export class ShiftElectionBody extends CommandBody {
  @ApiProperty({ example: '2023-09-30', description: 'The new election date, YYYY-MM-DD.' })
  @IsCalendarDate()
  readonly newDate!: string;

  @ApiProperty({ example: '疫情防控需要' })
  @HumanText(1000, { multiline: true })
  readonly reason!: string;

  @ApiProperty({ example: '孝老干党字〔2023〕15号', description: "The superior's approval of the shift." })
  @HumanText(100)
  readonly approvalReference!: string;

  @ApiPropertyOptional({ description: 'Explicitly override the policy limit on the shift (docs/rules.md §5.2).' })
  @Optional()
  @IsBoolean()
  readonly overrideShiftLimit?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Nomination, vetting, slate

export class RecommendCandidateBody extends CommandBody {
  @Nested(PersonBody)
  readonly nominee!: PersonBody;

  @ApiProperty({ enum: RACES })
  @IsIn(RACES)
  readonly forPost!: Race;

  @PersonList('The veteran cadres who recommended the nominee (老干部推荐).', 200, 1)
  readonly recommendedBy!: PersonBody[];
}

export class NominateCandidateBody extends CommandBody {
  @Nested(PersonBody)
  readonly nominee!: PersonBody;

  @ApiProperty({ enum: RACES })
  @IsIn(RACES)
  readonly forPost!: Race;

  @ApiProperty({ example: '上届支部委员会', description: 'The body that nominates (党内提名).' })
  @HumanText(200)
  readonly nominatedBy!: string;
}

export class VetCandidateBody extends CommandBody {
  @ApiProperty({ format: 'uuid', description: 'The nominee.' })
  @IsUUID()
  readonly memberId!: string;

  @ApiProperty({ enum: VETTING_METHODS, description: '谈心谈话 / 走访了解 / 多方调研 / 动员' })
  @IsIn(VETTING_METHODS)
  readonly method!: VettingMethod;

  @ApiProperty({ example: '第一工作组' })
  @HumanText(200)
  readonly by!: string;

  @ApiProperty({ example: '本人愿意为党员服务，身体状况良好' })
  @HumanText(2000, { multiline: true })
  readonly notes!: string;

  @ApiProperty({ example: '2023-03-25', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly on!: string;
}

export class ConsultCommunityBody extends CommandBody {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The nominee; omitted when the opinion concerns the whole slate.',
  })
  @Optional()
  @IsUUID()
  readonly memberId?: string;

  @ApiProperty({ example: '府前社区党委' })
  @HumanText(200)
  readonly community!: string;

  @ApiProperty({ example: '同意' })
  @HumanText(2000, { multiline: true })
  readonly opinion!: string;

  @ApiProperty({ example: '2023-03-28', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly on!: string;
}

export class SubmitCandidateSlateBody extends CommandBody {
  @PersonList('Committee candidates in ballot order; empty for a branch without a committee.', 50)
  readonly committeeCandidates!: PersonBody[];

  @PersonList('Secretary candidates in order.', 10)
  readonly secretaryCandidates!: PersonBody[];

  @PersonList('Deputy secretary candidates in order; empty when no deputy is elected.', 10)
  readonly deputySecretaryCandidates!: PersonBody[];
}

// ---------------------------------------------------------------------------------------------
// The assembly

export class ExclusionBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly memberId!: string;

  @ApiProperty({
    enum: EXCLUSION_REASONS,
    description: 'One of the grounds the rule version in force allows (docs/rules.md §6.6).',
  })
  @IsIn(EXCLUSION_REASONS)
  readonly reason!: ExclusionReason;

  @ApiProperty({ example: '孝老干党字〔2023〕18号', description: "The superior's consent." })
  @HumanText(100)
  readonly approvalReference!: string;
}

export class NonVotingAttendeeBody {
  @Nested(PersonBody)
  readonly person!: PersonBody;

  @ApiProperty({ enum: NON_VOTING_KINDS })
  @IsIn(NON_VOTING_KINDS)
  readonly kind!: NonVotingKind;
}

export class ConveneAssemblyBody extends CommandBody {
  @NestedList(ExclusionBody, MAX_PEOPLE, {
    description: 'Members excused from those due, with the superior’s consent.',
  })
  readonly exclusions!: ExclusionBody[];

  @PersonList('The voters present, by name.')
  readonly presentVoters!: PersonBody[];

  @NestedList(NonVotingAttendeeBody, MAX_PEOPLE, {
    description: 'Probationary members, non-members, cross-appointed holders…',
  })
  readonly nonVotingAttendees!: NonVotingAttendeeBody[];

  @PersonList('Scrutineers (监票人): voters present who are not candidates.', 20)
  readonly scrutineers!: PersonBody[];

  @Nested(MotionBody, { description: 'The vote approving the scrutineers.' })
  readonly scrutineersApproval!: MotionBody;

  @PersonList('Tellers (计票人), not candidates.', 20)
  readonly tellers!: PersonBody[];

  @Nested(MotionBody, { description: 'The vote adopting the election method.' })
  readonly electionMethodAdoption!: MotionBody;
}

export class WriteInBody {
  @ApiProperty({ format: 'uuid', description: 'The candidate marked `against` beside whom the name is written.' })
  @IsUUID()
  readonly beside!: string;

  @Nested(PersonBody)
  readonly person!: PersonBody;
}

export class BallotPaperBody {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...MARKS] },
    description: 'Marks by candidate person id; an unmarked candidate counts as an abstention.',
    example: { '3f0c2a4e-…': 'for' },
  })
  @PersonKeyedRecord('"for", "against" or "abstain"', (value) => MARKS.includes(value as Mark), 50)
  readonly marks!: Record<string, Mark>;

  @NestedList(WriteInBody, 50, { optional: true, description: '另选他人: a name written beside an `against`.' })
  readonly writeIns?: WriteInBody[];

  @ApiPropertyOptional({ description: 'Torn, illegible or otherwise unreadable.' })
  @Optional()
  @IsBoolean()
  readonly spoiled?: boolean;
}

export class RecordBallotsBody extends CommandBody {
  @ApiProperty({ enum: RACES })
  @IsIn(RACES)
  readonly race!: Race;

  @ApiProperty({ example: 8, description: 'Ballots issued: one per voter present.' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  readonly issued!: number;

  @NestedList(BallotPaperBody, 10_000, { description: 'Every returned ballot paper, as the tellers read it.' })
  readonly ballots!: BallotPaperBody[];
}

export class RaceBody extends CommandBody {
  @ApiProperty({ enum: RACES })
  @IsIn(RACES)
  readonly race!: Race;
}

export class SupplementaryBallotBody extends RaceBody {
  @PersonList('Candidates for the seats still empty.', 50, 1)
  readonly candidates!: PersonBody[];
}

export class ReduceSeatsBody extends RaceBody {
  @Nested(MotionBody, { description: 'The electors’ consent to reducing the seats.' })
  readonly consent!: MotionBody;
}

// ---------------------------------------------------------------------------------------------
// First committee meeting, report, approval, cancellation

export class OfficerVoteBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly memberId!: string;

  @Nested(MotionBody)
  readonly votes!: MotionBody;
}

export class ElectOfficersBody extends CommandBody {
  @ApiProperty({
    format: 'uuid',
    description: 'The new committee member who chairs, recommended by the outgoing committee.',
  })
  @IsUUID()
  readonly chairMemberId!: string;

  @Nested(OfficerVoteBody)
  readonly secretary!: OfficerVoteBody;

  @Nested(OfficerVoteBody, { optional: true })
  readonly deputySecretary?: OfficerVoteBody;

  @PersonList('Scrutineers of the officers’ vote: committee members who are not candidates.', 20)
  readonly scrutineers!: PersonBody[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Duties by member id (组织委员, 宣传委员, 纪检委员…).',
  })
  @PersonKeyedRecord(
    'a duty of 1 to 50 characters on one line, with something visible',
    (value) =>
      typeof value === 'string' && value.length >= 1 && value.length <= 50 && humanTextProblem(value) === undefined,
    20,
  )
  readonly duties!: Record<string, string>;
}

export class ReportResultBody extends CommandBody {
  @ApiProperty({ example: '孝义市府前社区离退休干部党支部〔2023〕3号' })
  @HumanText(100)
  readonly reportReference!: string;
}

export class SuperiorDecisionBody {
  @ApiProperty({ example: '孝老干党字〔2023〕25号' })
  @HumanText(100)
  readonly reference!: string;

  @ApiProperty({ example: '同意另选人当选' })
  @HumanText(2000, { multiline: true })
  readonly decision!: string;
}

export class ApproveResultBody extends ApprovalBody {
  @ApiPropertyOptional({
    example: '孝老干党字〔2023〕21号',
    description:
      "备案 of the committee members; required for a committee. Written as a 文号: the issuer's code, the year in brackets, the serial number and 号 (else 400 `DOCUMENT_NUMBER_MALFORMED`).",
  })
  @Optional()
  @HumanText(100)
  readonly filingReference?: string;

  @Nested(SuperiorDecisionBody, {
    optional: true,
    description: 'Required when the result departs from the approved slate.',
  })
  readonly superiorDecision?: SuperiorDecisionBody;
}

/** Installing needs nothing but the election (and, optionally, when it was requested). */
export class RequestInstallationBody extends CommandBody {}

export class CancelElectionBody extends CommandBody {
  @ApiProperty({ example: '支部撤并，换届选举终止' })
  @HumanText(1000, { multiline: true })
  readonly reason!: string;
}

/** GET /elections/:id?asOf=…: judge the next actions as of another day (e.g. recording a past assembly). */
export class ElectionViewQuery {
  @ApiPropertyOptional({
    example: '2023-05-20',
    description:
      "A calendar date YYYY-MM-DD or an RFC 3339 date-time with its offset; defaults to today in the bureau's time zone.",
  })
  @Optional()
  @IsDateOrDateTime()
  readonly asOf?: string;
}
