import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { DEMONSTRATION_STANDARDS, VOLUNTEER_KIND_LISTS } from '@app/domain';
import { IsCalendarDate } from '../http/calendar-date';
import { CommandBody } from '../http/command-body';
import { HumanText } from '../http/human-text';
import { NestedList } from '../http/nested';
import { Optional } from '../http/optional';
import { ExportFormatQuery } from '../reports/list-export';

const STANDARD_VERSIONS = DEMONSTRATION_STANDARDS.map((standard) => standard.version);
const CHECKLIST_ITEMS = [...new Set(DEMONSTRATION_STANDARDS.flatMap((s) => s.checklist.map((item) => item.id)))];
const CRITERIA = [...new Set(DEMONSTRATION_STANDARDS.flatMap((s) => s.criteria.map((c) => c.id)))];
const KINDS = [...new Set(VOLUNTEER_KIND_LISTS.flatMap((list) => list.kinds.map((kind) => kind.id)))];
const ID_DESCRIPTION = 'Chosen by the client, or derived from the Idempotency-Key.';

export class LaunchDemonstrationBody extends CommandBody {
  @ApiPropertyOptional({ description: ID_DESCRIPTION, format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly campaignId?: string;

  @ApiProperty({ example: '2022年离退休干部示范党支部创建' })
  @HumanText(200)
  readonly title!: string;

  @ApiProperty({ example: 2022, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  readonly year!: number;

  @ApiPropertyOptional({
    enum: STANDARD_VERSIONS,
    description: 'The standard (六好 and 一场所八个有四清楚) judged by; default the current one.',
  })
  @Optional()
  @HumanText(50)
  readonly standardVersion?: string;
}

export class DesignateBranchBody extends CommandBody {
  @ApiProperty({ format: 'uuid', description: 'An open branch chosen for demonstration (确定为示范创建支部).' })
  @IsUUID()
  readonly branchId!: string;
}

export class ChecklistEvidenceBody extends CommandBody {
  @ApiProperty({
    example: 'wechat',
    description: `The 一场所八个有四清楚 item: ${CHECKLIST_ITEMS.join(', ')}.`,
  })
  @HumanText(50)
  readonly itemId!: string;

  @ApiProperty({ enum: ['document', 'photo'] })
  @IsIn(['document', 'photo'])
  readonly kind!: 'document' | 'photo';

  @ApiProperty({ example: 'IMG-0412', description: "The document's 文号 or file name, or the photo's reference." })
  @HumanText(200)
  readonly reference!: string;

  @ApiProperty({ example: '2022-06-01', description: 'YYYY-MM-DD: when it was checked on the spot.' })
  @IsCalendarDate()
  readonly checkedOn!: string;

  @ApiProperty({ example: '王组织', description: 'Who checked it.' })
  @HumanText(50)
  readonly checkedBy!: string;
}

export class AssessCriterionBody extends CommandBody {
  @ApiProperty({ example: 'rulesKept', description: `The 六好 criterion: ${CRITERIA.join(', ')}.` })
  @HumanText(50)
  readonly criterionId!: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'A score out of 100; it passes from the standard’s mark. Give it, `passed`, or both agreeing.',
  })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  readonly score?: number;

  @ApiPropertyOptional({ description: 'Pass or fail, when judged without a score.' })
  @Optional()
  @IsBoolean()
  readonly passed?: boolean;

  @ApiProperty({ example: '市委老干部局考评组' })
  @HumanText(100)
  readonly assessedBy!: string;
}

export class ApproveDemonstrationBody extends CommandBody {
  @ApiProperty({ example: '中共孝义市委老干部局', description: 'The superior that names the 示范党支部.' })
  @HumanText(100)
  readonly approvedBy!: string;

  @ApiProperty({ example: '孝老干字〔2022〕9号', description: '文号 of the decision.' })
  @HumanText(100)
  readonly documentNumber!: string;

  @ApiProperty({ enum: ['county', 'city'], description: 'County (县级) or city (市级) level.' })
  @IsIn(['county', 'city'])
  readonly level!: 'county' | 'city';
}

export class BrandBody extends CommandBody {
  @ApiProperty({ example: '银龄府中', description: '一支部一品牌: the brand’s name.' })
  @HumanText(100)
  readonly name!: string;

  @ApiProperty({ example: '红色宣讲进社区' })
  @HumanText(500)
  readonly feature!: string;

  @ApiProperty({ example: '老书记带头，每月一次党史故事会。' })
  @HumanText(4000, { multiline: true })
  readonly story!: string;
}

export class FundingBody extends CommandBody {
  @ApiPropertyOptional({ description: ID_DESCRIPTION, format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly grantId?: string;

  @ApiProperty({ example: 5000, minimum: 1, description: 'Whole yuan.' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  readonly amountYuan!: number;

  @ApiProperty({ example: '更新制作版面' })
  @HumanText(200)
  readonly purpose!: string;
}

export class ExchangeVisitBody extends CommandBody {
  @ApiPropertyOptional({ description: ID_DESCRIPTION, format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly visitId?: string;

  @ApiProperty({ format: 'uuid', description: 'The demonstration branch visited.' })
  @IsUUID()
  readonly hostBranchId!: string;

  @ApiProperty({ type: [String], description: 'The branches whose secretaries came.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  readonly visitingBranchIds!: string[];

  @ApiProperty({ type: [String], example: ['张书记'], description: 'Who came.' })
  @IsArray()
  @ArrayMaxSize(500)
  @HumanText(50, { each: true })
  readonly visitors!: string[];

  @ApiProperty({ example: '台账分类归档、微信平台日常维护' })
  @HumanText(2000, { multiline: true })
  readonly learned!: string;
}

export class FormVolunteerTeamBody extends CommandBody {
  @ApiPropertyOptional({ description: ID_DESCRIPTION, format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly teamId?: string;

  @ApiProperty({ example: '府中社区老干部志愿服务队' })
  @HumanText(100)
  readonly name!: string;

  @ApiProperty({ format: 'uuid', description: 'The branch that leads the team (支部引领型).' })
  @IsUUID()
  readonly leadBranchId!: string;

  @ApiProperty({ format: 'uuid', description: 'The member who leads it.' })
  @IsUUID()
  readonly leaderMemberId!: string;
}

export class JoinVolunteerTeamBody extends CommandBody {
  @ApiProperty({ format: 'uuid', description: 'A member of the leading branch or of another.' })
  @IsUUID()
  readonly memberId!: string;
}

class ProposalBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who proposed it, when a participant did.' })
  @Optional()
  @IsUUID()
  readonly memberId?: string;

  @ApiProperty({ example: '建议加强社区老年活动场所建设' })
  @HumanText(2000, { multiline: true })
  readonly text!: string;
}

export class VolunteerActivityBody extends CommandBody {
  @ApiPropertyOptional({ description: ID_DESCRIPTION, format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly activityId?: string;

  @ApiProperty({ example: '2022-10-15', description: 'YYYY-MM-DD: the day of the activity.' })
  @IsCalendarDate()
  readonly on!: string;

  @ApiProperty({ example: 'redLecture', description: `The kind, from the policy list: ${KINDS.join(', ')}.` })
  @HumanText(50)
  readonly kind!: string;

  @ApiProperty({ example: '喜迎二十大 银龄心向党' })
  @HumanText(200)
  readonly title!: string;

  @ApiProperty({ example: '府中社区党群服务中心' })
  @HumanText(200)
  readonly place!: string;

  @ApiProperty({ example: '王秀英' })
  @HumanText(100)
  readonly organiser!: string;

  @ApiProperty({ type: [String], description: 'Members who took part: one person-time (人次) each.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsUUID(undefined, { each: true })
  readonly participantIds!: string[];

  @NestedList(ProposalBody, 500, { optional: true, description: 'Proposals (建言献策 activities only).' })
  readonly proposals?: ProposalBody[];
}

export class ServicePeriodQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ description: 'From this day (YYYY-MM-DD), inclusive.' })
  @Optional()
  @IsCalendarDate()
  readonly from?: string;

  @ApiPropertyOptional({ description: 'To this day (YYYY-MM-DD), inclusive.' })
  @Optional()
  @IsCalendarDate()
  readonly to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this team’s activities (activities list).' })
  @Optional()
  @IsUUID()
  readonly teamId?: string;
}

export class ExportQuery extends ExportFormatQuery {}
