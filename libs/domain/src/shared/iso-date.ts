import { refuse } from './domain-error';
import { BlankTextCode, FieldLabel, Period } from './refusals';

/**
 * Business dates travel as ISO strings: `YYYY-MM-DD` for calendar dates, full ISO-8601 for
 * `metadata.at`. The calendar date of an instant is taken as written (its own offset), because
 * the act happened on that local date: `2022-10-22T00:30:00+08:00` is 22 October in Xiaoyi.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  // Date.UTC with explicit arguments reads no clock; the round trip rejects 2023-02-30.
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The calendar date (`YYYY-MM-DD`) of an ISO date or date-time, or undefined if it is neither. */
export function calendarDateOf(value: string): string | undefined {
  const match = DATE_PREFIX.exec(value);
  const date = match?.[1];
  return date !== undefined && isIsoDate(date) ? date : undefined;
}

/** Like `calendarDateOf`, but refuses a malformed value with a validation error naming the field. */
export function requireCalendarDate(value: string, field: FieldLabel): string {
  const date = calendarDateOf(value);
  if (date === undefined) throw refuse('INVALID_DATE', { field, value });
  return date;
}

/** Refuses a period whose end precedes its start. Both bounds are calendar dates or instants. */
export function requireOrderedDates(start: string, end: string, period: Period): void {
  if (requireCalendarDate(end, `${period} end date`) < requireCalendarDate(start, `${period} start date`)) {
    throw refuse('INVALID_DATE_RANGE', { period, start, end });
  }
}

/** The text trimmed, or a refusal with `code` naming the field when it is blank. */
export function requireText(
  value: string | undefined,
  field: FieldLabel,
  code: BlankTextCode = 'REQUIRED_FIELD',
): string {
  const text = value?.trim() ?? '';
  if (text === '') throw refuse(code, { field });
  return text;
}

/**
 * The date `years` full years after a calendar date: the day someone born on `date` reaches that
 * age. Someone born on 29 February reaches it on 1 March in a common year (the 28th would be a
 * day early: their birthday has not come yet).
 */
export function anniversaryOf(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const text = (n: number, width: number) => String(n).padStart(width, '0');
  if (m === 2 && d === 29 && !leap) return `${text(year, 4)}-03-01`;
  return `${text(year, 4)}-${text(m, 2)}-${text(d, 2)}`;
}
