import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsUUID,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date';
import { CommandBody } from '../http/command-body';
import { HumanText } from '../http/human-text';
import { Nested, NestedList } from '../http/nested';
import { Optional } from '../http/optional';

/** Most members one restructuring may name; Xiaoyi's whole roll is 1,243. */
const MAX_ASSIGNMENTS = 5000;

/** The property may be given only when the object's `kind` is `kind` (a tagged union in one class). */
function OnlyWhenKind(kind: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'onlyWhenKind',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [kind],
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value === undefined || (args.object as { kind?: unknown }).kind === kind,
        defaultMessage: (args: ValidationArguments) => `${args.property} is allowed only when kind is "${kind}"`,
      },
    });
}

export class NewBranchBody {
  @ApiPropertyOptional({
    description: 'Chosen by the client, or derived from the restructuring id.',
    format: 'uuid',
  })
  @Optional()
  @IsUUID()
  readonly branchId?: string;

  @ApiProperty({ example: '永安社区离退休干部党支部' })
  @HumanText(100)
  readonly name!: string;

  @ApiProperty({ format: 'uuid', description: 'The one affiliation (一方隶属) of the new branch.' })
  @IsUUID()
  readonly parentCommitteeId!: string;
}

/** A new branch in a redraw: its id is needed, since assignments name it. */
export class RedrawNewBranchBody {
  @ApiProperty({ format: 'uuid', description: 'The id the assignments send members to.' })
  @IsUUID()
  readonly branchId!: string;

  @ApiProperty({ example: '永安社区离退休干部党支部' })
  @HumanText(100)
  readonly name!: string;

  @ApiProperty({ format: 'uuid', description: 'The one affiliation (一方隶属) of the new branch.' })
  @IsUUID()
  readonly parentCommitteeId!: string;
}

export class MergeTargetBody {
  @ApiProperty({ enum: ['existing', 'new'] })
  @IsIn(['existing', 'new'])
  readonly kind!: 'existing' | 'new';

  @ApiPropertyOptional({ format: 'uuid', description: 'For kind `existing`: the branch that receives the members.' })
  @ValidateIf((target: MergeTargetBody) => target.kind === 'existing' || target.branchId !== undefined)
  @IsUUID()
  @OnlyWhenKind('existing')
  readonly branchId?: string;

  @Nested(NewBranchBody, {
    requiredIf: (target: MergeTargetBody) => target.kind === 'new',
    description: 'For kind `new`: the branch to establish.',
  })
  @OnlyWhenKind('new')
  readonly branch?: NewBranchBody;
}

abstract class ProposeBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly restructuringId?: string;

  @ApiProperty({ example: '结合城市社区调整，撤并永盛、三皇社区离退休干部党支部' })
  @HumanText(500, { multiline: true })
  readonly reason!: string;
}

export class ProposeMergeBody extends ProposeBody {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The branches whose members move and which close.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  readonly sourceBranchIds!: string[];

  @Nested(MergeTargetBody, { description: 'An existing branch that receives the members, or a new one.' })
  readonly target!: MergeTargetBody;
}

export class RedrawAssignmentBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly memberId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  readonly toBranchId!: string;
}

export class ProposeRedrawBody extends ProposeBody {
  @NestedList(RedrawAssignmentBody, MAX_ASSIGNMENTS, { min: 1, description: 'Who goes where, e.g. by address.' })
  readonly assignments!: RedrawAssignmentBody[];

  @NestedList(RedrawNewBranchBody, 50, {
    optional: true,
    description: 'Branches set up for the redraw (e.g. 永安).',
  })
  readonly newBranches?: RedrawNewBranchBody[];
}

export class ProposeDissolutionBody extends ProposeBody {
  @ApiProperty({ format: 'uuid', description: 'The branch to close.' })
  @IsUUID()
  readonly branchId!: string;

  @ApiProperty({ format: 'uuid', description: 'Where its members go.' })
  @IsUUID()
  readonly destinationBranchId!: string;
}

export class ApproveRestructuringBody extends CommandBody {
  @ApiProperty({ example: '孝义市委老干部局' })
  @HumanText(100)
  readonly approvedBy!: string;

  @ApiProperty({ example: '孝老干字〔2023〕12号' })
  @HumanText(100)
  readonly documentReference!: string;

  @ApiProperty({ example: '2023-04-01', description: 'The date of the decision (YYYY-MM-DD).' })
  @IsCalendarDate()
  readonly approvedOn!: string;
}

export class AbandonRestructuringBody extends CommandBody {
  @ApiProperty({ example: '社区调整方案变更' })
  @HumanText(500, { multiline: true })
  readonly reason!: string;
}

/** Starting the execution needs nothing but the business time. */
export class ExecuteRestructuringBody extends CommandBody {}
