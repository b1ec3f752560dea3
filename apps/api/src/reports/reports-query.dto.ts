import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date';
import { ExportFormatQuery, PageLimit } from './list-export';

export class StatisticsQuery extends ExportFormatQuery {
  @ApiPropertyOptional({
    description:
      "The day secretaries' ages are computed against (YYYY-MM-DD); default today. For reporting jobs only its year counts: ages by birth year.",
  })
  @IsOptional()
  @IsCalendarDate()
  readonly asOf?: string;
}

abstract class ReportPageQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ description: 'Only rows whose id sorts after this: the `next` of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly after?: string;

  @PageLimit(1000, 5000)
  readonly limit?: number;
}

export class BranchReportQuery extends ReportPageQuery {
  @ApiPropertyOptional({ enum: ['open', 'dissolved'] })
  @IsOptional()
  @IsIn(['open', 'dissolved'])
  readonly status?: 'open' | 'dissolved';

  @ApiPropertyOptional({ description: 'Branches affiliated to this committee.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly committeeId?: string;
}

export class MemberReportQuery extends ReportPageQuery {
  @ApiPropertyOptional({ description: 'Members whose affiliation is this branch.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly branchId?: string;

  @ApiPropertyOptional({ enum: ['active', 'left'] })
  @IsOptional()
  @IsIn(['active', 'left'])
  readonly status?: 'active' | 'left';

  @ApiPropertyOptional({
    description:
      'The day age bands are computed against (YYYY-MM-DD); default today. For reporting jobs only its year counts: bands by birth year.',
  })
  @IsOptional()
  @IsCalendarDate()
  readonly asOf?: string;
}
