import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isIsoDate } from '@app/domain';

/**
 * The one date format the API takes, in bodies and query strings alike: a calendar date
 * `YYYY-MM-DD`, or where an instant is meant, an RFC 3339 date-time with its offset or `Z`.
 * ISO 8601 allows more (basic `20220101`, week `2022-W01-1`, ordinal `2022-032`, no offset);
 * `new Date` reads some of them as Invalid Date and others in the server's time zone, so each
 * is refused here with 400, before it can reach a handler.
 */
export type DateFormat = 'date' | 'date-or-date-time';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
/** What the ISO string of an instant looks like when its year has four digits (0000–9999). */
const FOUR_DIGIT_YEAR = /^\d{4}-/;

export const CALENDAR_DATE_FORM = 'a calendar date written YYYY-MM-DD that exists (e.g. 2023-03-15)';
export const DATE_OR_DATE_TIME_FORM =
  'a calendar date written YYYY-MM-DD (e.g. 2023-03-15) or an RFC 3339 date-time with its offset ' +
  '(e.g. 2023-03-15T09:30:00+08:00 or 2023-03-15T01:30:00Z)';

export function isCalendarDate(value: unknown): boolean {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isIsoDate(value);
}

/**
 * The instant an accepted value names, or undefined when the value is not in the accepted form.
 * A calendar date is the start of that day in UTC, as the API has always recorded it.
 */
export function instantOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  if (isCalendarDate(value)) return new Date(`${value}T00:00:00.000Z`);
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, date, hour, minute, second, offsetHour, offsetMinute] = match;
  const inRange = (text: string | undefined, max: number) => text === undefined || Number(text) <= max;
  if (!isIsoDate(date as string) || !inRange(hour, 23) || !inRange(minute, 59) || !inRange(second, 59)) {
    return undefined;
  }
  if (!inRange(offsetHour, 23) || !inRange(offsetMinute, 59)) return undefined;
  const instant = new Date(value.toUpperCase());
  // An offset can carry 0001-01-01 or 9999-12-31 outside four-digit years; those are refused.
  return Number.isFinite(instant.getTime()) && FOUR_DIGIT_YEAR.test(instant.toISOString()) ? instant : undefined;
}

export function isDateOrDateTime(value: unknown): boolean {
  return instantOf(value) !== undefined;
}

const DATE_FORMAT = Symbol('branchflow:date-format');

/** The date format a DTO property was declared with, for the test that every date uses one. */
export function dateFormatOf(target: object, property: string): DateFormat | undefined {
  return Reflect.getMetadata(DATE_FORMAT, target, property) as DateFormat | undefined;
}

function DateProperty(format: DateFormat, accepts: (value: unknown) => boolean, form: string): PropertyDecorator {
  return applyDecorators(
    (target: object, property: string | symbol) => Reflect.defineMetadata(DATE_FORMAT, format, target, property),
    // Only the format: description, example and `required` stay with the property's own ApiProperty.
    ApiProperty(format === 'date' ? { format: 'date' } : {}),
    (target: object, property: string | symbol) =>
      registerDecorator({
        name: format === 'date' ? 'isCalendarDate' : 'isDateOrDateTime',
        target: target.constructor,
        propertyName: String(property),
        validator: {
          validate: (value: unknown) => accepts(value),
          defaultMessage: (args: ValidationArguments) =>
            `${args.property} must be ${form}; ISO basic (20230315), week (2023-W11-3) and ordinal (2023-074) forms are not accepted`,
        },
      }),
  );
}

/**
 * A calendar date written `YYYY-MM-DD` that exists (2023-02-30 is refused): the form the domain
 * compares dates in, so a birth date or a post's start date never carries a time or an offset.
 */
export function IsCalendarDate(): PropertyDecorator {
  return DateProperty('date', isCalendarDate, CALENDAR_DATE_FORM);
}

/** When something happened or as of when to look: a calendar date, or an instant with its offset. */
export function IsDateOrDateTime(): PropertyDecorator {
  return DateProperty('date-or-date-time', isDateOrDateTime, DATE_OR_DATE_TIME_FORM);
}
