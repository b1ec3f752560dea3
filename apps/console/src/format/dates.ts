import dayjs from 'dayjs';

/**
 * A date as people in the bureau write it: 2022年6月2日. Takes a calendar date (YYYY-MM-DD, as
 * the API answers them) or a date-time; a date-time is shown on the browser's calendar day.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const calendarDate = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (calendarDate) return `${Number(calendarDate[1])}年${Number(calendarDate[2])}月${Number(calendarDate[3])}日`;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY年M月D日') : String(value);
}

/** A date-time to the minute: 2022年6月2日 09:30. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY年M月D日 HH:mm') : String(value);
}

/** Today as the API takes calendar dates (YYYY-MM-DD), on the browser's calendar. */
export const today = (): string => dayjs().format('YYYY-MM-DD');
