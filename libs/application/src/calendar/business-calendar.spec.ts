import { BusinessCalendar, isTimeZone } from './business-calendar';

describe('BusinessCalendar', () => {
  it("gives the bureau's date, which runs ahead of UTC in China", () => {
    const morningInXiaoyi = new Date('2022-06-01T23:30:00.000Z'); // 07:30 on 2 June in Asia/Shanghai
    expect(new BusinessCalendar('Asia/Shanghai').dateOf(morningInXiaoyi)).toBe('2022-06-02');
    expect(new BusinessCalendar('UTC').dateOf(morningInXiaoyi)).toBe('2022-06-01');
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shangai')).toBe(false);
  });
});
