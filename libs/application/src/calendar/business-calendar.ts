/**
 * The bureau's calendar. Acts are recorded on calendar dates (an assembly on 2022-06-02), and
 * "today" — the default for as-of views, policies in force, what is overdue — is today where the
 * bureau works, not in UTC: at 07:00 in Xiaoyi it is still yesterday in UTC.
 */
export class BusinessCalendar {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** The calendar date (YYYY-MM-DD) of an instant in the bureau's time zone. */
  dateOf(at: Date): string {
    return this.format.format(at);
  }

  today(now: Date = new Date()): string {
    return this.dateOf(now);
  }
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
