import { describe, expect, it } from 'vitest';
import { nextDate, startOfVillageDay, villageDayRange } from './village-day-range.js';
import { villageDate } from './village-date.js';

describe('village day range', () => {
  it('a Shanghai day starts at 16:00 UTC the day before', () => {
    expect(startOfVillageDay('2026-03-01', 'Asia/Shanghai').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(villageDayRange('2026-03-01', '2026-03-31', 'Asia/Shanghai')).toEqual({ startIso: '2026-02-28T16:00:00.000Z', endIso: '2026-03-31T16:00:00.000Z' });
  });
  it('the bounds agree with villageDate at the edges', () => {
    const { startIso, endIso } = villageDayRange('2026-01-01', '2026-12-31', 'Asia/Shanghai');
    expect(villageDate(new Date(startIso), 'Asia/Shanghai')).toBe('2026-01-01');
    expect(villageDate(new Date(Date.parse(startIso) - 1), 'Asia/Shanghai')).toBe('2025-12-31');
    expect(villageDate(new Date(endIso), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(villageDate(new Date(Date.parse(endIso) - 1), 'Asia/Shanghai')).toBe('2026-12-31');
  });
  it('handles a zone with daylight saving on the changeover day', () => {
    // Europe/Berlin moves to summer time at 02:00 on 29 March 2026; midnight is still +01:00.
    expect(startOfVillageDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfVillageDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
  it('steps over month and year ends', () => {
    expect(nextDate('2026-02-28')).toBe('2026-03-01');
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });
});
