import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { HumanText } from './human-text';

/**
 * A person named by a command: a post holder, a bureau leader, a nominee, an attendee. The id is
 * a member id, or for a non-member (a concurrent holder, a guest) the person id on record.
 */
export class PersonBody {
  @ApiProperty({ format: 'uuid', description: 'A member id, or for a non-member the person id on record.' })
  @IsUUID()
  readonly personId!: string;

  @ApiProperty({ example: '王秀英' })
  @HumanText(50)
  readonly name!: string;
}
