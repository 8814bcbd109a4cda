import { describe, expect, it } from 'vitest';
import { matchesRedemption } from './today-search';

const zhang = { receiptNo: 'C01-2026-000012', headName: '张三丰', headInitials: 'zsf', cardNo: '66010001' };

describe('今日兑换 search', () => {
  it('finds a receipt by its number, the head, the card or the pinyin initials', () => {
    for (const q of ['C01-2026-000012', 'c01', '000012', '张三', '三丰', '66010001', '0100', 'zsf', 'ZS', ' z s '])
      expect([q, matchesRedemption(zhang, q)]).toEqual([q, true]);
  });

  it('does not find it by anything else', () => {
    for (const q of ['李', '66010002', 'sf', 'zsfx', 'C02']) expect([q, matchesRedemption(zhang, q)]).toEqual([q, false]);
  });

  it('an empty box shows every receipt', () => {
    expect(matchesRedemption(zhang, '  ')).toBe(true);
  });

  it('a row without initials is still found by the rest', () => {
    expect(matchesRedemption({ ...zhang, headInitials: undefined }, 'zsf')).toBe(false);
    expect(matchesRedemption({ ...zhang, headInitials: undefined }, '张')).toBe(true);
  });
});
