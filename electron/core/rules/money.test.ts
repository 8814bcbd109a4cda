import { describe, expect, it } from 'vitest';
import { formatYuan, pointsValueFen } from './money.js';

describe('money', () => {
  it('formats fen as 元 with two decimals, without floating point', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123_456)).toBe('1234.56');
    expect(formatYuan(-250)).toBe('-2.50');
    expect(formatYuan(1_000_000_001)).toBe('10000000.01');
  });
  it('values points at the village rate, or not at all without one', () => {
    expect(pointsValueFen(150, 10)).toBe(1500);
    expect(pointsValueFen(150, null)).toBeNull();
    expect(pointsValueFen(0, 10)).toBe(0);
  });
});
