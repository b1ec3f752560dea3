import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { DepartureReason, Membership, Sex, SuspensionReason } from '@app/domain';
import { IsCalendarDate } from '../../http/calendar-date';
import { CommandBody } from '../../http/command-body';
import { HumanText } from '../../http/human-text';
import { Nested } from '../../http/nested';
import { Optional } from '../../http/optional';

const SEXES: readonly Sex[] = ['male', 'female'];
const MEMBERSHIPS: readonly Membership[] = ['full', 'probationary'];
const SUSPENSION_REASONS: readonly SuspensionReason[] = ['membershipSuspended', 'probation', 'detention', 'arrest'];
const DEPARTURE_REASONS: readonly DepartureReason[] = ['death', 'movedOut', 'expelled'];

export class AdmitMemberBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly memberId?: string;

  @ApiProperty({ example: '王建国' })
  @HumanText(50)
  readonly name!: string;

  @ApiProperty({ example: '1948-05-12', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly birthDate!: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  readonly sex!: Sex;

  @ApiProperty({ example: '1972-07-01', description: '入党时间, YYYY-MM-DD' })
  @IsCalendarDate()
  readonly joinedPartyOn!: string;

  @ApiProperty({ example: '处级', description: '退休前职级' })
  @HumanText(50)
  readonly formerPostLevel!: string;

  @ApiProperty({ enum: MEMBERSHIPS, description: '正式党员 / 预备党员' })
  @IsIn(MEMBERSHIPS)
  readonly membership!: Membership;

  @ApiProperty({ format: 'uuid', description: 'The one affiliation (隶属) branch.' })
  @IsUUID()
  readonly branchId!: string;
}

export class ConfirmMemberBody extends CommandBody {
  @ApiProperty({ example: '2023-07-01', description: '转正日期, YYYY-MM-DD' })
  @IsCalendarDate()
  readonly confirmedOn!: string;
}

export class SuspendVotingRightsBody extends CommandBody {
  @ApiProperty({ enum: SUSPENSION_REASONS, description: '停止党籍 / 留党察看 / 留置 / 逮捕' })
  @IsIn(SUSPENSION_REASONS)
  readonly reason!: SuspensionReason;

  @ApiProperty({ example: '2023-04-01', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly from!: string;

  @ApiPropertyOptional({ example: '2024-04-01', description: 'Planned end, if known; YYYY-MM-DD' })
  @Optional()
  @IsCalendarDate()
  readonly until?: string;

  @ApiPropertyOptional({ example: '孝纪发〔2023〕4号' })
  @Optional()
  @HumanText(100)
  readonly documentReference?: string;
}

export class RestoreVotingRightsBody extends CommandBody {
  @ApiProperty({ example: '2024-04-01', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly restoredOn!: string;

  @ApiPropertyOptional({ example: '孝纪发〔2024〕2号' })
  @Optional()
  @HumanText(100)
  readonly documentReference?: string;
}

export class TransferMemberBody extends CommandBody {
  @ApiProperty({ format: 'uuid', description: 'The branch that becomes the one affiliation.' })
  @IsUUID()
  readonly toBranchId!: string;

  @ApiPropertyOptional({ example: '组织关系介绍信 第0023号' })
  @Optional()
  @HumanText(100)
  readonly documentReference?: string;
}

export class RecordMemberDepartureBody extends CommandBody {
  @ApiProperty({ enum: DEPARTURE_REASONS, description: '去世 / 转出本系统 / 开除' })
  @IsIn(DEPARTURE_REASONS)
  readonly reason!: DepartureReason;

  @ApiProperty({ example: '2023-09-18', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  readonly leftOn!: string;

  @ApiPropertyOptional({ example: '组织关系转至太原市' })
  @Optional()
  @HumanText(500, { multiline: true })
  readonly note?: string;
}

/** Only the fields being corrected; the domain refuses a correction that changes nothing. */
export class MemberCorrectionsBody {
  @ApiPropertyOptional({ example: '王建华' })
  @Optional()
  @HumanText(50)
  readonly name?: string;

  @ApiPropertyOptional({ example: '1948-06-12', description: 'YYYY-MM-DD' })
  @Optional()
  @IsCalendarDate()
  readonly birthDate?: string;

  @ApiPropertyOptional({ enum: SEXES })
  @Optional()
  @IsIn(SEXES)
  readonly sex?: Sex;

  @ApiPropertyOptional({ example: '1971-07-01', description: 'YYYY-MM-DD' })
  @Optional()
  @IsCalendarDate()
  readonly joinedPartyOn?: string;

  @ApiPropertyOptional({ example: '副处级' })
  @Optional()
  @HumanText(50)
  readonly formerPostLevel?: string;
}

export class CorrectMemberDataBody extends CommandBody {
  @Nested(MemberCorrectionsBody, { description: 'Only the fields being corrected.' })
  readonly corrections!: MemberCorrectionsBody;

  @ApiProperty({ example: '据干部档案核对，出生日期登记有误' })
  @HumanText(500, { multiline: true })
  readonly reason!: string;
}
