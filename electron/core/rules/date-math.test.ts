import { describe, expect, it } from 'vitest';
import { addDays, clampedDate, daysInMonth, lastDayOfMonth, normalizeMonth } from './date-math.js';

describe('date math on village dates', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(lastDayOfMonth(2026, 9)).toBe('2026-09-30');
  });
  it('clamps a day past the month end and rolls months over the year', () => {
    expect(clampedDate(2026, 2, 31)).toBe('2026-02-28');
    expect(clampedDate(2026, 14, 15)).toBe('2027-02-15');
    expect(normalizeMonth(2026, 0)).toEqual({ year: 2025, month: 12 });
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
