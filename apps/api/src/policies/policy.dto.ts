import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { EXCLUSION_REASONS, type ExclusionReason, type MajorityBase, type SuspensionReason } from '@app/domain';
import { SUSPENSION_REASONS } from '../http/domain-values';
import { IsCalendarDate } from '../http/calendar-date';
import { HumanText } from '../http/human-text';
import { Optional } from '../http/optional';

const MAJORITY_BASES: readonly MajorityBase[] = ['due', 'present'];

/**
 * A whole rule version: every parameter must be given, so a published version never inherits
 * silently from another. The DTO checks each field's type and range; the domain then checks that
 * they fit together (a quorum at most 1, committee sizes that do not decrease…). There is no
 * `occurredAt`: a version is published now, and may take effect today or later, never before.
 */
export class PublishRulePolicyBody {
  @ApiProperty({ example: '2025-01-01', description: 'The version id events will record; published once.' })
  @IsString()
  @Length(1, 50)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: '$property may contain letters, digits, ".", "_" and "-" only' })
  readonly version!: string;

  @ApiProperty({ example: '2025-01-01', description: 'YYYY-MM-DD, today or later.' })
  @IsCalendarDate()
  readonly effectiveFrom!: string;

  @ApiProperty({ example: '市委组织部通知：到会比例维持五分之四' })
  @HumanText(500, { multiline: true })
  readonly description!: string;

  @ApiProperty({ example: 3, description: 'Fewer full members and a branch cannot stay a branch (≥ 3 正式党员).' })
  @IsInt()
  @Min(1)
  @Max(1000)
  readonly minFullMembersForBranch!: number;

  @ApiProperty({ example: 7, description: 'From this many full members a branch must have a committee.' })
  @IsInt()
  @Min(1)
  @Max(1000)
  readonly committeeRequiredFromFullMembers!: number;

  @ApiProperty({ example: 50, description: 'Above this many members a branch is flagged.' })
  @IsInt()
  @Min(1)
  @Max(100000)
  readonly memberWarningAbove!: number;

  @ApiProperty({ example: 5, description: 'A joint branch covers at most this many units.' })
  @IsInt()
  @Min(2)
  @Max(1000)
  readonly jointBranchMaxUnits!: number;

  @ApiProperty({
    example: 18,
    description: 'The age in full years from which a person may join the Party (党章 Art. 1).',
  })
  @IsInt()
  @Min(1)
  @Max(100)
  readonly minimumPartyJoiningAge!: number;

  @ApiProperty({ example: 4, description: 'Quorum numerator: present × denominator ≥ due × numerator.' })
  @IsInt()
  @Min(1)
  @Max(1000)
  readonly quorumNumerator!: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(1)
  @Max(1000)
  readonly quorumDenominator!: number;

  @ApiProperty({ example: true, description: 'Whether exactly the quorum share counts as reached.' })
  @IsBoolean()
  readonly quorumInclusive!: boolean;

  @ApiProperty({ enum: MAJORITY_BASES, description: 'Votes for must exceed half of due (应到会) or present voters.' })
  @IsIn(MAJORITY_BASES)
  readonly majorityBase!: MajorityBase;

  @ApiProperty({ example: 20, description: 'Differential share for committee candidates, percent, rounded up.' })
  @IsInt()
  @Min(0)
  @Max(100)
  readonly differentialSharePercent!: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(100)
  readonly committeeSizeMin!: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(1)
  @Max(100)
  readonly committeeSizeUsualMax!: number;

  @ApiProperty({ example: 7 })
  @IsInt()
  @Min(1)
  @Max(100)
  readonly committeeSizeHardMax!: number;

  @ApiProperty({ example: 5, description: 'Years per term.' })
  @IsInt()
  @Min(1)
  @Max(20)
  readonly termYears!: number;

  @ApiProperty({
    example: 12,
    description: 'Most calendar months an election may be postponed or advanced from the term end (12: one year).',
  })
  @IsInt()
  @Min(0)
  @Max(120)
  readonly electionShiftLimitMonths!: number;

  @ApiProperty({ example: 90, description: 'An unused approval (批复) lapses after this many days.' })
  @IsInt()
  @Min(1)
  @Max(3650)
  readonly approvalLapseDays!: number;

  @ApiProperty({
    example: [6, 3],
    type: [Number],
    description: 'The superior is reminded this many calendar months before a term ends.',
  })
  @IsArray()
  @ArrayMinSize(0)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(120, { each: true })
  readonly termEndReminderMonths!: number[];

  @ApiProperty({
    example: 1,
    description: 'Once a term has ended with no newer one installed, a reminder every this many months.',
  })
  @IsInt()
  @Min(1)
  @Max(120)
  readonly overdueReminderEveryMonths!: number;

  @ApiProperty({
    example: 1,
    description: 'For a branch with no recorded term end, a reminder every this many months from its establishment.',
  })
  @IsInt()
  @Min(1)
  @Max(120)
  readonly noTermReminderEveryMonths!: number;

  @ApiProperty({ example: true, description: 'Whether secretary and deputy may be elected uncontested (等额).' })
  @IsBoolean()
  readonly officersUncontestedAllowed!: boolean;

  @ApiProperty({
    example: 1,
    description: 'The secretary normally has at least this many years of party standing (支部工作条例 Art 23).',
  })
  @IsInt()
  @Min(0)
  @Max(50)
  readonly secretaryMinPartyStandingYears!: number;

  @ApiProperty({
    enum: ['warning', 'refusal'],
    example: 'warning',
    description: 'A shorter standing is recorded as a warning on the slate, or refused.',
  })
  @IsIn(['warning', 'refusal'])
  readonly secretaryPartyStandingShortfall!: 'warning' | 'refusal';

  @ApiProperty({ example: true, description: 'Whether the committee seats must be an odd number (3, 5, 7).' })
  @IsBoolean()
  readonly committeeSeatsOdd!: boolean;

  @ApiProperty({
    enum: SUSPENSION_REASONS,
    isArray: true,
    example: SUSPENSION_REASONS,
    description: 'Standings without a vote, never due voters (停止党籍, 留党察看, 留置, 逮捕; 选举工作条例 Art 5).',
  })
  @IsArray()
  @ArrayMaxSize(SUSPENSION_REASONS.length)
  @ArrayUnique()
  @IsIn(SUSPENSION_REASONS, { each: true })
  readonly suspensionsWithoutVote!: SuspensionReason[];

  @ApiProperty({
    enum: EXCLUSION_REASONS,
    isArray: true,
    example: EXCLUSION_REASONS,
    description: 'Grounds on which a member may be left out of those due to attend (docs/rules.md §6.6).',
  })
  @IsArray()
  @ArrayMaxSize(EXCLUSION_REASONS.length)
  @ArrayUnique()
  @IsIn(EXCLUSION_REASONS, { each: true })
  readonly dueVoterExclusionReasons!: ExclusionReason[];
}

export class InForceQuery {
  @ApiPropertyOptional({ example: '2023-03-15', description: 'The date (YYYY-MM-DD); default today.' })
  @Optional()
  @IsCalendarDate()
  readonly on?: string;
}
