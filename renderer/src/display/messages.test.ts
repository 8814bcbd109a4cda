import { describe, expect, it } from 'vitest';
import { parseDisplayMessage } from './messages';

const cart = {
  screen: 'cart',
  household: { name: '张三丰', year: 2026, score: 120, available: 80 },
  lines: [{ name: '食用油', qty: 2, points: 60 }],
  total: 60,
  left: 20,
};

describe('parseDisplayMessage', () => {
  it('accepts each screen the counter sends, and hello', () => {
    const state = (view: unknown) => ({ kind: 'state', lang: 'zh', village: '示范村', view });
    expect(parseDisplayMessage(state({ screen: 'idle' }))).toEqual(state({ screen: 'idle' }));
    expect(parseDisplayMessage(state(cart))).toEqual(state(cart));
    const done = { screen: 'done', name: '张三丰', receiptNo: 'R-0001', total: 60, left: 20, at: 1_700_000_000_000 };
    expect(parseDisplayMessage({ ...state(done), lang: 'en' })).toEqual({ ...state(done), lang: 'en' });
    expect(parseDisplayMessage({ kind: 'hello' })).toEqual({ kind: 'hello' });
  });

  it('drops anything that is not a display message', () => {
    for (const data of [null, 'hello', 42, {}, { kind: 'state' }, { kind: 'other' }, { kind: 'state', lang: 'fr', village: 'x', view: { screen: 'idle' } }]) {
      expect(parseDisplayMessage(data)).toBeNull();
    }
  });

  it('drops a message carrying more than the display shows (a token, a card number)', () => {
    expect(parseDisplayMessage({ kind: 'state', lang: 'zh', village: '示范村', view: { screen: 'idle' }, token: 'secret' })).toBeNull();
    expect(
      parseDisplayMessage({ kind: 'state', lang: 'zh', village: '示范村', view: { ...cart, household: { ...cart.household, cardNo: '66010001' } } }),
    ).toBeNull();
  });

  it('refuses impossible lines', () => {
    const bad = (line: unknown) => ({ kind: 'state', lang: 'zh', village: '示范村', view: { ...cart, lines: [line] } });
    expect(parseDisplayMessage(bad({ name: '油', qty: 0, points: 0 }))).toBeNull();
    expect(parseDisplayMessage(bad({ name: '油', qty: 1.5, points: 3 }))).toBeNull();
    expect(parseDisplayMessage(bad({ name: '油', qty: 1, points: Number.NaN }))).toBeNull();
  });
});
