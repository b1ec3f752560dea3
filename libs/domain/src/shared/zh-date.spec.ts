import { zhDate } from './zh-date';

describe('zhDate', () => {
  it('writes a calendar date, or the date an instant was written on, as Chinese readers do', () => {
    expect(zhDate('2022-06-02')).toBe('2022年6月2日');
    expect(zhDate('2023-12-31')).toBe('2023年12月31日');
    expect(zhDate('2022-10-22T07:00:00+08:00')).toBe('2022年10月22日');
  });

  it('leaves anything that is not a date as it is', () => {
    expect(zhDate('')).toBe('');
    expect(zhDate('（不存在）')).toBe('（不存在）');
    expect(zhDate('20220602')).toBe('20220602');
  });
});
