import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * A calendar date written `YYYY-MM-DD` that exists (2023-02-30 is refused): the form the domain
 * compares dates in, so a birth date or a post's start date never carries a time or an offset.
 */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a calendar date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date that exists' }),
  );
}
