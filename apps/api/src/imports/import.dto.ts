import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date';
import { Optional } from '../http/optional';

export class ImportQuery {
  @ApiPropertyOptional({
    description:
      'false (default): a dry run that records nothing and reports every problem and what would be recorded. true: record it, only when the dry run finds no problem (else 422 WORKBOOK_HAS_PROBLEMS and nothing recorded).',
  })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly apply?: boolean;

  @ApiPropertyOptional({
    description:
      'The business date of what the import records (admissions, corrections, transfers, posts; committees and branches without a 成立日期), YYYY-MM-DD; default today. No date in the workbook may be later.',
    example: '2022-01-01',
  })
  @Optional()
  @IsCalendarDate()
  readonly asOf?: string;
}
