import { describe, expect, it } from 'vitest';
import { isRedemptionDay } from './redemption-day.js';

describe('redemption days', () => {
  it('allows every day in "any" mode', () => {
    expect(isRedemptionDay({ mode: 'any' }, '2026-03-15')).toBe(true);
  });
  it('allows only the listed dates otherwise', () => {
    const cal = { mode: 'dates' as const, dates: ['2026-03-15', '2026-04-15'] };
    expect(isRedemptionDay(cal, '2026-03-15')).toBe(true);
    expect(isRedemptionDay(cal, '2026-03-16')).toBe(false);
  });
});
