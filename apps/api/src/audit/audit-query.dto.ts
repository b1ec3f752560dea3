import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date';
import { ExportFormatQuery, PageLimit, PositionCursor } from '../reports/list-export';

const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9]{0,99}$/;

/** Paging of an audit list: rows strictly after `after`, at most `limit`. */
export class AuditPageQuery extends ExportFormatQuery {
  @PositionCursor('Only events after this position: the `next` of the previous page.')
  readonly after?: number;

  @PageLimit(100, 500)
  readonly limit?: number;
}

export class AuditEventsQuery extends AuditPageQuery {
  @ApiPropertyOptional({ description: 'Events concerning this branch, including both sides of a transfer.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly branchId?: string;

  @ApiPropertyOptional({ description: 'Events concerning this member (their stream, and posts they held).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly memberId?: string;

  @ApiPropertyOptional({ description: 'Events recorded by this user.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly actorId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Event types; repeat the parameter for several.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? (value as unknown[]) : [value]))
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(EVENT_TYPE, { each: true, message: 'each type must be an event type name such as MemberTransferred' })
  readonly type?: string[];

  @ApiPropertyOptional({ description: 'First business date (YYYY-MM-DD, inclusive) the event occurred on.' })
  @IsOptional()
  @IsCalendarDate()
  readonly from?: string;

  @ApiPropertyOptional({ description: 'Last business date (YYYY-MM-DD, inclusive).' })
  @IsOptional()
  @IsCalendarDate()
  readonly to?: string;
}

export class AuditEventQuery extends ExportFormatQuery {}
