import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** Fields every command body may carry besides its own. */
export abstract class CommandBody {
  @ApiPropertyOptional({
    description:
      'When the act took effect (ISO-8601 date or date-time), e.g. the day of the assembly. Defaults to now; never in the future.',
    example: '2023-03-15',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly occurredAt?: string;
}

/** The body without the edge-only fields: what goes into the domain command's data. */
export function commandData<B extends CommandBody>(body: B): Omit<B, 'occurredAt'> {
  const { occurredAt: _occurredAt, ...data } = body;
  return data;
}
