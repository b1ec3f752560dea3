/** `YYYY-MM-DD`, alone or as the start of an ISO date-time. */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * A date as Chinese readers write it: `2022-06-02` (or an instant written on that date) →
 * `2022年6月2日`, as the bureau's documents and the console show dates. Anything else is returned
 * as given, so a sentence never loses a value. Depends on nothing, so every sentence builder
 * (refusals, event descriptions) can use it without a cycle.
 */
export function zhDate(value: string): string {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}
