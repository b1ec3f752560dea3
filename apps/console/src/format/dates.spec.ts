import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime } from './dates';

describe('formatDate', () => {
  it('writes a calendar date as people do, without leading zeros', () => {
    expect(formatDate('2022-06-02')).toBe('2022年6月2日');
    expect(formatDate('2022-12-31')).toBe('2022年12月31日');
  });

  it('writes a date-time on its calendar day, and a dash for nothing', () => {
    expect(formatDate(new Date(2023, 2, 15, 9, 30))).toBe('2023年3月15日');
    expect(formatDateTime(new Date(2023, 2, 15, 9, 5))).toBe('2023年3月15日 09:05');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
  });
});
