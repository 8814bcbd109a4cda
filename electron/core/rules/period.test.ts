import { describe, expect, it } from 'vitest';
import { boardPeriod, periodWithinYear, presetPeriod, presetTitle, quarterOf, quarterPeriod } from './period.js';

describe('quarters', () => {
  it('Q3 ends on 30 September and Q4 starts on 1 October', () => {
    expect(quarterPeriod(2026, 3)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterPeriod(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2026-09-30')).toBe(3);
    expect(quarterOf('2026-10-01')).toBe(4);
  });
  it('Q1 covers February of a leap year to 31 March', () => {
    expect(quarterPeriod(2028, 1)).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quarterOf('2028-02-29')).toBe(1);
  });
  it('year-to-date boards run from 1 January to the end of the quarter', () => {
    expect(boardPeriod(2026, 3, 'ytd')).toEqual({ from: '2026-01-01', to: '2026-09-30' });
    expect(boardPeriod(2026, 3, 'quarter')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });
});

describe('report presets', () => {
  it('the three progress reports are cumulative from 1 January', () => {
    expect(presetPeriod({ kind: 'progress', year: 2026, which: 'june' })).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod({ kind: 'progress', year: 2026, which: 'september' })).toEqual({ from: '2026-01-01', to: '2026-09-30' });
    expect(presetPeriod({ kind: 'progress', year: 2026, which: 'annual' })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetTitle({ kind: 'progress', year: 2026, which: 'september' })).toContain('截至9月底');
  });
  it('month, quarter and year', () => {
    expect(presetPeriod({ kind: 'month', year: 2026, month: 2 })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod({ kind: 'quarter', year: 2026, quarter: 2 })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod({ kind: 'year', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('a period stays inside its points year', () => {
    expect(periodWithinYear(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodWithinYear(2026, '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-12-31' });
    expect(periodWithinYear(2026, '2025-12-31')).toHaveProperty('error');
    expect(periodWithinYear(2026, '2026-05-01', '2026-04-01')).toHaveProperty('error');
  });
});
