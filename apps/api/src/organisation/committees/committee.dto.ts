import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { CommandBody } from '../../http/command-body';
import { HumanText } from '../../http/human-text';
import { Optional } from '../../http/optional';

export class EstablishCommitteeBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly committeeId?: string;

  @ApiProperty({ example: '孝义市离退休干部党委' })
  @HumanText(100)
  readonly name!: string;

  @ApiProperty({ enum: ['committee', 'general_branch'] })
  @IsIn(['committee', 'general_branch'])
  readonly kind!: 'committee' | 'general_branch';

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  readonly parentCommitteeId?: string;

  @ApiPropertyOptional({ example: '孝老干发〔2022〕3号' })
  @Optional()
  @HumanText(100)
  readonly decisionReference?: string;
}

export class RenameCommitteeBody extends CommandBody {
  @ApiProperty()
  @HumanText(100)
  readonly name!: string;
}

export class DissolveCommitteeBody extends CommandBody {
  @ApiProperty()
  @HumanText(500, { multiline: true })
  readonly reason!: string;

  @ApiPropertyOptional()
  @Optional()
  @HumanText(100)
  readonly decisionReference?: string;
}
