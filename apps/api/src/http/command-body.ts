import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOrDateTime } from './calendar-date';
import { Optional } from './optional';

/** Fields every command body may carry besides its own. */
export abstract class CommandBody {
  @ApiPropertyOptional({
    description:
      'When the act took effect, e.g. the day of the assembly: a calendar date YYYY-MM-DD or an RFC 3339 date-time ' +
      'with its offset (2023-03-15T09:30:00+08:00). Defaults to now; never in the future.',
    example: '2023-03-15',
  })
  @Optional()
  @IsDateOrDateTime()
  readonly occurredAt?: string;
}

/** The body without the edge-only fields: what goes into the domain command's data. */
export function commandData<B extends CommandBody>(body: B): Omit<B, 'occurredAt'> {
  const { occurredAt: _occurredAt, ...data } = body;
  return data;
}
