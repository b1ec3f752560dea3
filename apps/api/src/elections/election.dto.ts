import { PersonBody } from '../http/person-body';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import {
  EXCLUSION_REASONS,
  type ExclusionReason,
  type Mark,
  type NonVotingKind,
  type Race,
  type VettingMethod,
} from '@app/domain';
import { IsCalendarDate } from '../http/calendar-date';
import { Nested, NestedList } from '../http/nested';
import { CommandBody } from '../http/command-body';

const RACES: readonly Race[] = ['committee', 'secretary', 'deputySecretary'];
const VETTING_METHODS: readonly VettingMethod[] = ['talk', 'visit', 'survey', 'mobilisation'];
const MARKS: readonly Mark[] = ['for', 'against', 'abstain'];
const NON_VOTING_KINDS: readonly NonVotingKind[] = ['probationary', 'rightsSuspended', 'nonMember', 'crossAppointed'];
/** More than any branch's roll (a branch is generally at most 50; a few are larger). */
const MAX_PEOPLE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** An object whose keys are person ids (UUIDs) and whose values pass `valueOk`, at most `max` entries. */
function IsPersonKeyedRecord(what: string, valueOk: (value: unknown) => boolean, max = MAX_PEOPLE): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPersonKeyedRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= max &&
          Object.entries(value).every(([key, entry]) => UUID.test(key) && valueOk(entry)),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an object of at most ${max} entries keyed by person id (UUID), each ${what}`,
      },
    });
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

const people = (description: string, example?: string) =>
  ApiProperty({ type: [PersonBody], description, ...(example ? { example } : {}) });

function PersonList(max = MAX_PEOPLE): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMaxSize(max)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => PersonBody)(target, key);
  };
}

// ---------------------------------------------------------------------------------------------
// Census, request, approval, shifts

export class TakeCensusBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  readonly electionId?: string;

  @ApiProperty({ format: 'uuid', description: 'The branch whose officers are elected.' })
  @IsUUID()
  readonly branchId!: string;

  @ApiProperty({
    example: '支委会能正常开展工作，按期召开组织生活会',
    description: 'How the committee (or secretary) works.',
  })
  @IsString()
  @Length(1, 2000)
  readonly committeeWorking!: string;

  @ApiProperty({
    example: '书记年事已高，本人不愿连任',
    description: "The secretary's situation (health, willingness, age).",
  })
  @IsString()
  @Length(1, 2000)
  readonly secretarySituation!: string;

  @ApiPropertyOptional({ example: '3名党员长期随子女在外地居住' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  readonly notes?: string;
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
  @IsString()
  @Length(1, 500)
  readonly electionMethod!: string;

  @ApiProperty({ example: '老干部推荐、党内提名、组织审查' })
  @IsString()
  @Length(1, 500)
  readonly nominationMethod!: string;

  @ApiPropertyOptional({ type: [String], example: ['听取和审查支部委员会工作报告', '选举新一届支部委员会'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  readonly agenda?: string[];
}

/** A superior's document: its reference (文号) and date. */
export class ApprovalBody extends CommandBody {
  @ApiProperty({ example: '孝老干党字〔2023〕12号' })
  @IsString()
  @Length(1, 100)
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
  @IsString()
  @Length(1, 1000)
  readonly reason!: string;

  @ApiProperty({ example: '孝老干党字〔2023〕15号', description: "The superior's approval of the shift." })
  @IsString()
  @Length(1, 100)
  readonly approvalReference!: string;

  @ApiPropertyOptional({ description: 'Explicitly override the policy limit on the shift (RULES Workflow A.3).' })
  @IsOptional()
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

  @people('The veteran cadres who recommended the nominee (老干部推荐).')
  @PersonList(200)
  @ArrayMinSize(1)
  readonly recommendedBy!: PersonBody[];
}

export class NominateCandidateBody extends CommandBody {
  @Nested(PersonBody)
  readonly nominee!: PersonBody;

  @ApiProperty({ enum: RACES })
  @IsIn(RACES)
  readonly forPost!: Race;

  @ApiProperty({ example: '上届支部委员会', description: 'The body that nominates (党内提名).' })
  @IsString()
  @Length(1, 200)
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
  @IsString()
  @Length(1, 200)
  readonly by!: string;

  @ApiProperty({ example: '本人愿意为党员服务，身体状况良好' })
  @IsString()
  @Length(1, 2000)
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
  @IsOptional()
  @IsUUID()
  readonly memberId?: string;

  @ApiProperty({ example: '府前社区党委' })
  @IsString()
  @Length(1, 200)
  readonly community!: string;

  @ApiProperty({ example: '同意' })
  @IsString()
  @Length(1, 2000)
  readonly opinion!: string;

  @ApiProperty({ example: '2023-03-28', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly on!: string;
}

export class SubmitCandidateSlateBody extends CommandBody {
  @people('Committee candidates in ballot order; empty for a branch without a committee.')
  @PersonList(50)
  readonly committeeCandidates!: PersonBody[];

  @people('Secretary candidates in order.')
  @PersonList(10)
  readonly secretaryCandidates!: PersonBody[];

  @people('Deputy secretary candidates in order; empty when no deputy is elected.')
  @PersonList(10)
  readonly deputySecretaryCandidates!: PersonBody[];
}

// ---------------------------------------------------------------------------------------------
// The assembly

export class ExclusionBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly memberId!: string;

  @ApiProperty({ enum: EXCLUSION_REASONS, description: 'One of the six grounds (RULES §1.5).' })
  @IsIn(EXCLUSION_REASONS)
  readonly reason!: ExclusionReason;

  @ApiProperty({ example: '孝老干党字〔2023〕18号', description: "The superior's consent." })
  @IsString()
  @Length(1, 100)
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

  @people('The voters present, by name.')
  @PersonList()
  readonly presentVoters!: PersonBody[];

  @NestedList(NonVotingAttendeeBody, MAX_PEOPLE, {
    description: 'Probationary members, non-members, cross-appointed holders…',
  })
  readonly nonVotingAttendees!: NonVotingAttendeeBody[];

  @people('Scrutineers (监票人): voters present who are not candidates.')
  @PersonList(20)
  readonly scrutineers!: PersonBody[];

  @Nested(MotionBody, { description: 'The vote approving the scrutineers.' })
  readonly scrutineersApproval!: MotionBody;

  @people('Tellers (计票人), not candidates.')
  @PersonList(20)
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
  @IsPersonKeyedRecord('"for", "against" or "abstain"', (value) => MARKS.includes(value as Mark), 50)
  readonly marks!: Record<string, Mark>;

  @NestedList(WriteInBody, 50, { optional: true, description: '另选他人: a name written beside an `against`.' })
  readonly writeIns?: WriteInBody[];

  @ApiPropertyOptional({ description: 'Torn, illegible or otherwise unreadable.' })
  @IsOptional()
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
  @people('Candidates for the seats still empty.')
  @PersonList(50)
  @ArrayMinSize(1)
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

  @people('Scrutineers of the officers’ vote: committee members who are not candidates.')
  @PersonList(20)
  readonly scrutineers!: PersonBody[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Duties by member id (组织委员, 宣传委员, 纪检委员…).',
  })
  @IsPersonKeyedRecord(
    'a duty of 1 to 50 characters',
    (value) => typeof value === 'string' && value.length >= 1 && value.length <= 50,
    20,
  )
  readonly duties!: Record<string, string>;
}

export class ReportResultBody extends CommandBody {
  @ApiProperty({ example: '孝义市府前社区离退休干部党支部〔2023〕3号' })
  @IsString()
  @Length(1, 100)
  readonly reportReference!: string;
}

export class SuperiorDecisionBody {
  @ApiProperty({ example: '孝老干党字〔2023〕25号' })
  @IsString()
  @Length(1, 100)
  readonly reference!: string;

  @ApiProperty({ example: '同意另选人当选' })
  @IsString()
  @Length(1, 2000)
  readonly decision!: string;
}

export class ApproveResultBody extends ApprovalBody {
  @ApiPropertyOptional({
    example: '孝老干党字〔2023〕21号',
    description: '备案 of the committee members; required for a committee.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
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
  @IsString()
  @Length(1, 1000)
  readonly reason!: string;
}

/** GET /elections/:id?asOf=…: judge the next actions as of another day (e.g. recording a past assembly). */
export class ElectionViewQuery {
  @ApiPropertyOptional({
    example: '2023-05-20',
    description: "ISO date or date-time; defaults to today in the bureau's time zone.",
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly asOf?: string;
}
