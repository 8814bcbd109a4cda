import { describe, expect, it } from 'vitest';
import { bulkDays, isBulkDay, isRedemptionDay, redemptionDaysBetween } from './redemption-day.js';

describe('redemption days', () => {
  it('allows every day in "any" mode', () => {
    expect(isRedemptionDay({ mode: 'any' }, '2026-03-15')).toBe(true);
  });
  it('allows only the listed dates otherwise', () => {
    const cal = { mode: 'dates' as const, dates: ['2026-03-15', '2026-04-15'] };
    expect(isRedemptionDay(cal, '2026-03-15')).toBe(true);
    expect(isRedemptionDay(cal, '2026-03-16')).toBe(false);
  });
  it('a monthly day falls on that day of every month, or the last day of a shorter month', () => {
    const cal = { mode: 'monthly' as const, day: 31 };
    expect(isRedemptionDay(cal, '2026-01-31')).toBe(true);
    expect(isRedemptionDay(cal, '2026-02-28')).toBe(true);
    expect(isRedemptionDay(cal, '2026-04-30')).toBe(true);
    expect(isRedemptionDay(cal, '2026-04-29')).toBe(false);
    expect(isRedemptionDay({ mode: 'monthly', day: 15 }, '2026-06-15')).toBe(true);
  });
});

describe('trial bulk days (集中兑换日)', () => {
  it('the first 3 months of a trial get one bulk day each, on the start date and its monthly anniversaries', () => {
    expect(bulkDays({ start: '2026-03-15' })).toEqual(['2026-03-15', '2026-04-15', '2026-05-15']);
    expect(bulkDays({ start: '2026-11-20' })).toEqual(['2026-11-20', '2026-12-20', '2027-01-20']);
  });
  it('a start on the 31st falls back to the end of shorter months', () => {
    expect(bulkDays({ start: '2026-01-31' })).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });
  it('with a bulk day of the month, each of the 3 trial months holds exactly one', () => {
    // trial months: 10 Mar–9 Apr, 10 Apr–9 May, 10 May–9 Jun
    expect(bulkDays({ start: '2026-03-10', bulkDay: 5 })).toEqual(['2026-04-05', '2026-05-05', '2026-06-05']);
    expect(bulkDays({ start: '2026-03-10', bulkDay: 20 })).toEqual(['2026-03-20', '2026-04-20', '2026-05-20']);
    expect(bulkDays({ start: '2026-01-31', bulkDay: 28 })).toEqual(['2026-02-28', '2026-03-28', '2026-04-28']);
    expect(bulkDays({ start: '2026-03-01', bulkDay: 1 })).toEqual(['2026-03-01', '2026-04-01', '2026-05-01']);
  });
  it('no fourth bulk day after the trial months', () => {
    const cal = { mode: 'dates' as const, dates: [], trial: { start: '2026-03-15' } };
    expect(isBulkDay(cal, '2026-05-15')).toBe(true);
    expect(isBulkDay(cal, '2026-06-15')).toBe(false);
  });
  it('a bulk day is a redemption day even when the fixed dates do not list it', () => {
    const cal = { mode: 'dates' as const, dates: ['2026-03-20'], trial: { start: '2026-03-15' } };
    expect(isRedemptionDay(cal, '2026-03-15')).toBe(true);
    expect(isRedemptionDay(cal, '2026-03-20')).toBe(true);
    expect(isRedemptionDay(cal, '2026-03-16')).toBe(false);
  });
  it('lists the fixed and bulk days of a range for the calendar screen', () => {
    const cal = { mode: 'monthly' as const, day: 25, trial: { start: '2026-03-15' } };
    expect(redemptionDaysBetween(cal, '2026-03-01', '2026-04-30')).toEqual([
      { date: '2026-03-15', bulk: true },
      { date: '2026-03-25', bulk: false },
      { date: '2026-04-15', bulk: true },
      { date: '2026-04-25', bulk: false },
    ]);
    expect(redemptionDaysBetween({ mode: 'monthly', day: 1 }, '2026-12-01', '2027-01-31').map((d) => d.date)).toEqual(['2026-12-01', '2027-01-01']);
  });
});
