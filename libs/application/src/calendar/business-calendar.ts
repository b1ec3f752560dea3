/**
 * The bureau's calendar. Acts are recorded on calendar dates (an assembly on 2022-06-02), and
 * "today" — the default for as-of views, policies in force, what is overdue — is today where the
 * bureau works, not in UTC: at 07:00 in Xiaoyi it is still yesterday in UTC.
 */
export class BusinessCalendar {
  private readonly format: Intl.DateTimeFormat;
  private readonly wallClock: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.wallClock = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /**
   * An instant written as the bureau's clock showed it, with that zone's offset:
   * 2022-08-31T16:30:00Z → `2022-09-01T00:30:00.000+08:00`. Recorded acts carry their time this
   * way so that the date they begin with is the business day the act belongs to, wherever a
   * reader takes the first ten characters (the rule version in force, the audit's dates).
   */
  localInstant(at: Date): string {
    const part = (type: Intl.DateTimeFormatPartTypes): string =>
      this.wallClock.formatToParts(at).find((p) => p.type === type)?.value ?? '00';
    const [year, month, day, hour, minute, second] = (
      ['year', 'month', 'day', 'hour', 'minute', 'second'] as const
    ).map(part);
    const millis = at.getUTCMilliseconds();
    const wall = Date.UTC(
      Number(year),
      Number(month) - 1,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
      millis,
    );
    const offsetMinutes = Math.round((wall - at.getTime()) / 60_000);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    return `${year}-${month}-${day}T${hour}:${minute}:${second}.${String(millis).padStart(3, '0')}${offset}`;
  }

  /** The calendar date (YYYY-MM-DD) of an instant in the bureau's time zone. */
  dateOf(at: Date): string {
    return this.format.format(at);
  }

  today(now: Date = new Date()): string {
    return this.dateOf(now);
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
