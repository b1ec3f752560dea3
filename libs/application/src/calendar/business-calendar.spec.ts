import { BusinessCalendar, isTimeZone } from './business-calendar';

describe('BusinessCalendar', () => {
  it("gives the bureau's date, which runs ahead of UTC in China", () => {
    const morningInXiaoyi = new Date('2022-06-01T23:30:00.000Z'); // 07:30 on 2 June in Asia/Shanghai
    expect(new BusinessCalendar('Asia/Shanghai').dateOf(morningInXiaoyi)).toBe('2022-06-02');
    expect(new BusinessCalendar('UTC').dateOf(morningInXiaoyi)).toBe('2022-06-01');
  });

  it("writes an instant as the bureau's clock shows it, so its date is the business day", () => {
    const justAfterMidnight = new Date('2022-08-31T16:30:00.000Z'); // 00:30 on 1 September in Asia/Shanghai
    const shanghai = new BusinessCalendar('Asia/Shanghai');
    expect(shanghai.localInstant(justAfterMidnight)).toBe('2022-09-01T00:30:00.000+08:00');
    expect(new Date(shanghai.localInstant(justAfterMidnight)).getTime()).toBe(justAfterMidnight.getTime());
    expect(new BusinessCalendar('UTC').localInstant(justAfterMidnight)).toBe('2022-08-31T16:30:00.000+00:00');
    // Zones west of Greenwich and with half-hour offsets keep the same instant too.
    const newYork = new BusinessCalendar('America/New_York').localInstant(new Date('2022-01-15T03:05:07.009Z'));
    expect(newYork).toBe('2022-01-14T22:05:07.009-05:00');
    expect(new BusinessCalendar('Asia/Kolkata').localInstant(justAfterMidnight)).toBe('2022-08-31T22:00:00.000+05:30');
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shangai')).toBe(false);
  });
});
