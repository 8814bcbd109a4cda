import { describe, expect, it } from 'vitest';
import { formatYuan, monthRange, parseYuan } from './money';

describe('yuan input and display', () => {
  it('parses 元 to integer fen without floating point', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan(' 0.05 ')).toBe(5);
    expect(parseYuan('59.9')).toBe(5990);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('12.')).toBe(1200);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', '-1', '1.234', 'abc', '1,000', '.5']) expect(parseYuan(bad), bad).toBeNull();
  });
  it('formats fen with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(-5)).toBe('-0.05');
  });
});

describe('month range', () => {
  it('covers the whole month, leap years included', () => {
    expect(monthRange('2026-03')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
