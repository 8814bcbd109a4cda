import { describe, expect, it } from 'vitest';
import { isValidDate, villageDate, villageYear, yearOf } from './village-date.js';

describe('village date', () => {
  it('uses the village time zone, not UTC, at the year boundary', () => {
    // 16:30 UTC on 31 Dec is already 00:30 on 1 Jan in Shanghai.
    const instant = new Date('2026-12-31T16:30:00Z');
    expect(villageDate(instant, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(villageYear(instant, 'Asia/Shanghai')).toBe(2027);
    expect(villageDate(instant, 'UTC')).toBe('2026-12-31');
  });

  it('keeps the last second of the year in the old year', () => {
    expect(villageYear(new Date('2026-12-31T23:59:59+08:00'), 'Asia/Shanghai')).toBe(2026);
    expect(villageYear(new Date('2027-01-01T00:00:00+08:00'), 'Asia/Shanghai')).toBe(2027);
  });

  it('reads the year of a date', () => {
    expect(yearOf('2025-06-30')).toBe(2025);
  });

  it('validates calendar dates strictly', () => {
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-2-1')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
  });
});
