import { PersonBody } from '../http/person-body';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { ELECTION_STATUSES } from '@app/domain';
import { IsCalendarDate } from '../http/calendar-date';
import { CommandBody } from '../http/command-body';
import { HumanText } from '../http/human-text';
import { Nested } from '../http/nested';
import { Optional } from '../http/optional';
import { ExportFormatQuery, PageLimit } from '../reports/list-export';

export class IssueElectionPlanBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly campaignId?: string;

  @ApiProperty({ example: '关于全市离退休干部党支部换届选举工作方案' })
  @HumanText(200)
  readonly title!: string;

  @ApiProperty({ example: '孝老干字〔2023〕1号', description: '文号' })
  @HumanText(100)
  readonly documentNumber!: string;

  @ApiProperty({
    type: [String],
    example: ['按期换届，应换尽换', '严格程序，严肃纪律'],
    description: '换届要求、程序步骤、纪律要求: one line each.',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @HumanText(500, { each: true, multiline: true })
  readonly requirements!: string[];

  @ApiProperty({
    example: '2023-06-30',
    description: 'YYYY-MM-DD: every branch should have held its election by then.',
  })
  @IsCalendarDate()
  readonly deadline!: string;
}

export class FormWorkingGroupBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly groupId?: string;

  @ApiProperty({ example: '第一换届工作指导组' })
  @HumanText(100)
  readonly name!: string;

  @Nested(PersonBody, { description: 'The bureau leader who leads the group (班子成员为组长).' })
  readonly leader!: PersonBody;
}

export class AssignBranchBody extends CommandBody {
  @ApiProperty({ format: 'uuid', description: 'The branch the group is 包联 to.' })
  @IsUUID()
  readonly branchId!: string;

  @ApiPropertyOptional({
    description: 'Move the branch from the group it is in now; without it a second assignment is refused (409).',
  })
  @Optional()
  @IsBoolean()
  readonly reassign?: boolean;
}

export class CampaignQuery {
  @ApiPropertyOptional({ description: 'The day overdue is judged on (YYYY-MM-DD); default today.' })
  @Optional()
  @IsCalendarDate()
  readonly asOf?: string;
}

const BOARD_STATES = ELECTION_STATUSES.filter((status) => status !== 'none');

export class ElectionBoardQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Elections of the branches assigned in this campaign.' })
  @Optional()
  @IsUUID()
  readonly campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly branchId?: string;

  @ApiPropertyOptional({ enum: BOARD_STATES })
  @Optional()
  @IsIn(BOARD_STATES)
  readonly state?: string;

  @ApiPropertyOptional({ description: 'Only elections past a deadline without the step (true), or only the others.' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly overdue?: boolean;

  @ApiPropertyOptional({ description: 'The day overdue is judged on (YYYY-MM-DD); default today.' })
  @Optional()
  @IsCalendarDate()
  readonly asOf?: string;

  @ApiPropertyOptional({ description: 'Only elections whose id sorts after this: the `next` of the previous page.' })
  @Optional()
  @IsString()
  @Length(1, 200)
  readonly after?: string;

  @PageLimit(500, 5000)
  readonly limit?: number;
}
