import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date';

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
}
