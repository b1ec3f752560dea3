import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CommandBody } from '../../http/command-body';

export class EstablishCommitteeBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Chosen by the client, or derived from the Idempotency-Key.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  readonly committeeId?: string;

  @ApiProperty({ example: '孝义市离退休干部党委' })
  @IsString()
  @Length(1, 100)
  readonly name!: string;

  @ApiProperty({ enum: ['committee', 'general_branch'] })
  @IsIn(['committee', 'general_branch'])
  readonly kind!: 'committee' | 'general_branch';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  readonly parentCommitteeId?: string;

  @ApiPropertyOptional({ example: '孝老干发〔2022〕3号' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  readonly decisionReference?: string;
}

export class RenameCommitteeBody extends CommandBody {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  readonly name!: string;
}

export class DissolveCommitteeBody extends CommandBody {
  @ApiProperty()
  @IsString()
  @Length(1, 500)
  readonly reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  readonly decisionReference?: string;
}
