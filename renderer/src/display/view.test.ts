import { describe, expect, it } from 'vitest';
import { parseDisplayMessage } from './messages';
import { displayView, msUntilIdle, resultShownMs, screenAt, type CounterSnapshot } from './view';

const zhang = { household: { headName: '张三丰' }, account: { year: 2026, score: 120, available: 80 } };
const last = { receiptNo: 'R-0007', headName: '张三丰', totalPoints: 60, availableAfter: 20 };
const empty: CounterSnapshot = { household: null, cart: [], last: null, lastAt: null };

describe('displayView', () => {
  it('is the welcome screen with nobody at the counter', () => {
    expect(displayView(empty)).toEqual({ screen: 'idle' });
  });

  it('shows the household, each line at qty × unit points, the total and what is left', () => {
    const view = displayView({
      ...empty,
      household: zhang,
      cart: [
        { name: '食用油', qty: 2, unitPoints: 25 },
        { name: '理发', qty: 1, unitPoints: 10 },
      ],
    });
    expect(view).toEqual({
      screen: 'cart',
      household: { name: '张三丰', year: 2026, score: 120, available: 80 },
      lines: [
        { name: '食用油', qty: 2, points: 50 },
        { name: '理发', qty: 1, points: 10 },
      ],
      total: 60,
      left: 20,
    });
  });

  it('goes negative when the cart is beyond the points (the counter refuses, the villager sees why)', () => {
    const view = displayView({ ...empty, household: zhang, cart: [{ name: '电饭煲', qty: 1, unitPoints: 100 }] });
    expect(view).toMatchObject({ total: 100, left: -20 });
  });

  it('shows the last result once the customer is gone, and the next customer over it', () => {
    expect(displayView({ ...empty, last, lastAt: 5 })).toEqual({ screen: 'done', name: '张三丰', receiptNo: 'R-0007', total: 60, left: 20, at: 5 });
    expect(displayView({ ...empty, household: zhang, last, lastAt: 5 }).screen).toBe('cart');
  });

  it('builds only messages the display accepts, so nothing beyond the schema is ever sent', () => {
    const snapshots: CounterSnapshot[] = [empty, { ...empty, household: zhang, cart: [{ name: '油', qty: 3, unitPoints: 7 }] }, { ...empty, last, lastAt: 9 }];
    for (const s of snapshots) {
      const msg = { kind: 'state', lang: 'zh', village: '示范村', view: displayView(s) };
      expect(parseDisplayMessage(msg)).toEqual(msg);
    }
  });
});

describe('after a redemption', () => {
  const done = displayView({ ...empty, last, lastAt: 1_000 });

  it('keeps the result for resultShownMs, then the welcome screen', () => {
    expect(screenAt(done, 1_000)).toBe(done);
    expect(screenAt(done, 1_000 + resultShownMs - 1)).toBe(done);
    expect(screenAt(done, 1_000 + resultShownMs)).toEqual({ screen: 'idle' });
  });

  it('counts down to the switch, and never below zero', () => {
    expect(msUntilIdle(done, 1_000)).toBe(resultShownMs);
    expect(msUntilIdle(done, 3_000)).toBe(resultShownMs - 2_000);
    expect(msUntilIdle(done, 1_000 + resultShownMs * 2)).toBe(0);
  });

  it('has no timer on the other screens', () => {
    expect(msUntilIdle({ screen: 'idle' }, 0)).toBeNull();
    const cart = displayView({ ...empty, household: zhang });
    expect(screenAt(cart, Number.MAX_SAFE_INTEGER)).toBe(cart);
    expect(msUntilIdle(cart, 0)).toBeNull();
  });
});
