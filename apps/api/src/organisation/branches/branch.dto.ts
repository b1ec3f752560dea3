import { PersonBody } from '../../http/person-body';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsUUID } from 'class-validator';
import type { ManagementLinkKind, PostEndReason, PostKind, PostSource } from '@app/domain';
import { IsCalendarDate } from '../../http/calendar-date';
import { CommandBody } from '../../http/command-body';
import { HumanText } from '../../http/human-text';
import { Nested, NestedList } from '../../http/nested';
import { Optional } from '../../http/optional';

const LINK_KINDS: readonly ManagementLinkKind[] = ['community', 'formerUnit', 'association'];
const POST_KINDS: readonly PostKind[] = ['secretary', 'deputySecretary', 'committeeMember', 'partyAffairsOfficer'];
const POST_SOURCES: readonly PostSource[] = ['elected', 'appointed', 'concurrent'];
/** `branchDissolved` is left out: dissolving the branch ends its posts and records that reason itself. */
const VACATE_REASONS: readonly Exclude<PostEndReason, 'branchDissolved'>[] = [
  'termEnded',
  'resigned',
  'removed',
  'deceased',
  'transferred',
  'other',
];

/** 多方管理: an organisation that co-manages the branch without being its affiliation. */
export class ManagementLinkBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly linkId?: string;

  @ApiProperty({ enum: LINK_KINDS, description: '社区党组织 / 原工作单位 / 老体协等协会' })
  @IsIn(LINK_KINDS)
  readonly kind!: ManagementLinkKind;

  @ApiProperty({ example: '崇文街道府前社区党委' })
  @HumanText(100)
  readonly name!: string;
}

export class EstablishBranchBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly branchId?: string;

  @ApiProperty({ example: '府前社区离退休干部党支部' })
  @HumanText(100)
  readonly name!: string;

  @ApiProperty({ format: 'uuid', description: 'The one affiliation (一方隶属): the party committee it belongs to.' })
  @IsUUID()
  readonly parentCommitteeId!: string;

  @NestedList(ManagementLinkBody, 20, {
    optional: true,
    description: 'Management links (多方管理); no voting rights.',
  })
  readonly managementLinks?: ManagementLinkBody[];

  @ApiPropertyOptional({ description: 'A joint branch (联合党支部) covering several units; defaults to false.' })
  @Optional()
  @IsBoolean()
  readonly joint?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['孝义市水利局', '孝义市林业局'],
    description: 'Only for a joint branch.',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @HumanText(100, { each: true })
  readonly jointUnits?: string[];

  @ApiPropertyOptional({ example: '孝老干党发〔2022〕5号' })
  @Optional()
  @HumanText(100)
  readonly decisionReference?: string;
}

export class RenameBranchBody extends CommandBody {
  @ApiProperty({ example: '永安社区离退休干部党支部' })
  @HumanText(100)
  readonly name!: string;
}

export class ReaffiliateBranchBody extends CommandBody {
  @ApiProperty({ format: 'uuid', description: 'The committee the branch belongs to from now on.' })
  @IsUUID()
  readonly parentCommitteeId!: string;

  @ApiPropertyOptional({ example: '孝老干党发〔2023〕2号' })
  @Optional()
  @HumanText(100)
  readonly decisionReference?: string;
}

export class AddManagementLinkBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly linkId?: string;

  @ApiProperty({ enum: LINK_KINDS })
  @IsIn(LINK_KINDS)
  readonly kind!: ManagementLinkKind;

  @ApiProperty({ example: '孝义市老年人体育协会' })
  @HumanText(100)
  readonly name!: string;
}

/** Removing a link needs nothing but the ids in the path (and, optionally, when it took effect). */
export class RemoveManagementLinkBody extends CommandBody {}

export class AssignPostBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly postId?: string;

  @ApiProperty({ enum: POST_KINDS, description: '书记 / 副书记 / 支部委员 / 党务干部' })
  @IsIn(POST_KINDS)
  readonly kind!: PostKind;

  @ApiPropertyOptional({ example: '组织委员', description: "A committee member's duty; required for committeeMember." })
  @Optional()
  @HumanText(50)
  readonly duty?: string;

  @ApiProperty({ enum: POST_SOURCES, description: '选举产生 / 指派 / 兼任(交叉任职)' })
  @IsIn(POST_SOURCES)
  readonly source!: PostSource;

  @ApiPropertyOptional({ example: '孝老干党字〔2023〕8号', description: 'Required for an appointment (指派).' })
  @Optional()
  @HumanText(100)
  readonly documentReference?: string;

  @Nested(PersonBody, { description: 'Who holds the post: a member, or for a concurrent post the person on record.' })
  readonly holder!: PersonBody;

  @ApiProperty({ example: '2023-03-15', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly startDate!: string;
}

export class VacatePostBody extends CommandBody {
  @ApiProperty({ enum: VACATE_REASONS, description: '任期届满 / 辞职 / 免职 / 去世 / 调离 / 其他' })
  @IsIn(VACATE_REASONS)
  readonly reason!: Exclude<PostEndReason, 'branchDissolved'>;

  @ApiPropertyOptional({ example: '因身体原因辞去书记职务' })
  @Optional()
  @HumanText(500, { multiline: true })
  readonly note?: string;

  @ApiProperty({ example: '2023-06-30', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly endDate!: string;
}

/** The counts come from the member roll, never from the caller. */
export class AssessBranchShapeBody extends CommandBody {}

export class DissolveBranchBody extends CommandBody {
  @ApiProperty({ example: '结合城市社区调整，党员已全部转入永安社区党支部' })
  @HumanText(500, { multiline: true })
  readonly reason!: string;

  @ApiPropertyOptional({ example: '孝老干党发〔2022〕12号' })
  @Optional()
  @HumanText(100)
  readonly decisionReference?: string;
}
