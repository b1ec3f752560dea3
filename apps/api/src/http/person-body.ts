import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

/**
 * A person named by a command: a post holder, a bureau leader, a nominee, an attendee. The id is
 * a member id, or for a non-member (a concurrent holder, a guest) the person id on record.
 */
export class PersonBody {
  @ApiProperty({ format: 'uuid', description: 'A member id, or for a non-member the person id on record.' })
  @IsUUID()
  readonly personId!: string;

  @ApiProperty({ example: '王秀英' })
  @IsString()
  @Length(1, 50)
  readonly name!: string;
}
