import { describe, expect, it } from 'vitest';
import { checkDayClose, checkDayCloseAgainstLines, checkLineSign, checkYearAgainstLines, checkYearArithmetic } from './checks.js';

const year = { householdId: 1, year: 2026, awarded: 30, deducted: 5, redeemed: 10, score: 25, available: 15 };
const line = {
  entryId: 1,
  householdId: 1,
  year: 2026,
  date: '2026-03-02',
  category: '孝老爱亲',
  rule: '照顾老人',
  heading: 'award' as const,
  reversal: false,
  points: 5,
};

describe('county checks', () => {
  it('accepts sums that add up and names the one that does not', () => {
    expect(checkYearArithmetic(year)).toBeNull();
    expect(checkYearArithmetic({ ...year, score: 26 })?.reason).toBe('score_mismatch');
    expect(checkYearArithmetic({ ...year, available: 16 })?.reason).toBe('available_mismatch');
    expect(checkYearArithmetic({ ...year, redeemed: -1, available: 26 })?.reason).toBe('negative_total');
  });

  it('compares a snapshot with the lines', () => {
    expect(checkYearAgainstLines(year, { awarded: 30, deducted: 5, redeemed: 10 })).toBeNull();
    expect(checkYearAgainstLines(year, { awarded: 25, deducted: 5, redeemed: 10 })?.reason).toBe('totals_differ_from_lines');
  });

  it('checks the sign of each kind of line', () => {
    expect(checkLineSign(line)).toBeNull();
    expect(checkLineSign({ ...line, points: -5 })?.reason).toBe('sign_mismatch');
    expect(checkLineSign({ ...line, reversal: true, points: -5 })).toBeNull();
    expect(checkLineSign({ ...line, heading: 'deduction', points: -3 })).toBeNull();
    expect(checkLineSign({ ...line, heading: 'deduction', reversal: true, points: 3 })).toBeNull();
    expect(checkLineSign({ ...line, heading: 'deduction', points: 3 })?.reason).toBe('sign_mismatch');
    expect(checkLineSign({ ...line, points: 0 })?.reason).toBe('sign_mismatch');
  });

  it('checks a day close', () => {
    const close = { counterId: 'C01', closeNo: 1, date: '2026-03-02', count: 2, points: 30, voids: 0, voidPoints: 0 };
    expect(checkDayClose(close)).toBeNull();
    expect(checkDayClose({ ...close, count: 0 })?.reason).toBe('close_mismatch');
    expect(checkDayCloseAgainstLines(close, { receipts: 2, points: 30 })).toBeNull();
    expect(checkDayCloseAgainstLines(close, { receipts: 2, points: 31 })?.reason).toBe('close_differs_from_lines');
    expect(checkDayCloseAgainstLines(close, { receipts: 1, points: 10 })).toBeNull();
  });
});
