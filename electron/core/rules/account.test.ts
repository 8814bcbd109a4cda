import { describe, expect, it } from 'vitest';
import { account, canRedeem } from './account.js';

describe('account', () => {
  it('computes score and available from approved totals', () => {
    const a = account(2026, { awarded: 120, deducted: 20, redeemed: 30 });
    expect(a.score).toBe(100);
    expect(a.available).toBe(70);
    expect(a.owed).toBe(0);
  });

  it('shows a later deduction as owed and blocks redemption', () => {
    const a = account(2026, { awarded: 50, deducted: 10, redeemed: 50 });
    expect(a.available).toBe(-10);
    expect(a.owed).toBe(10);
    expect(canRedeem(a, 1)).toEqual({ ok: false, available: -10, shortBy: 11 });
  });

  it('allows spending exactly what is available, not one more', () => {
    const a = account(2026, { awarded: 40, deducted: 0, redeemed: 0 });
    expect(canRedeem(a, 40)).toEqual({ ok: true });
    expect(canRedeem(a, 41)).toEqual({ ok: false, available: 40, shortBy: 1 });
  });

  it('never lowers the score by redeeming', () => {
    expect(account(2026, { awarded: 80, deducted: 0, redeemed: 80 }).score).toBe(80);
  });
});
