import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date';
import { PageLimit } from '../reports/list-export';

export class AsOfQuery {
  @ApiPropertyOptional({
    description: 'Calendar date YYYY-MM-DD (end of that day); default today.',
    example: '2023-06-30',
  })
  @IsOptional()
  @IsCalendarDate()
  readonly asOf?: string;
}

export class DiffQuery {
  @ApiProperty({ description: 'Changes dated after this day…', example: '2023-01-01' })
  @IsCalendarDate()
  readonly from!: string;

  @ApiProperty({ description: '…and on or before this day.', example: '2023-12-31' })
  @IsCalendarDate()
  readonly to!: string;

  @ApiPropertyOptional({ description: 'Only changes after this cursor: the `next` of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly after?: string;

  /** Changes per page, across all the lists. */
  @PageLimit(1000, 5000)
  readonly limit?: number;
}
