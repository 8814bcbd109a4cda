import { describe, expect, it } from 'vitest';
import { formatDocNo } from './doc-number.js';

describe('stock document numbers', () => {
  it('prefixes by kind and pads to four digits', () => {
    expect(formatDocNo('receiving', 'C01', 2026, 7)).toBe('RK-C01-2026-0007');
    expect(formatDocNo('stocktake', 'C02', 2027, 12)).toBe('PD-C02-2027-0012');
  });
  it('grows past four digits rather than wrapping', () => {
    expect(formatDocNo('receiving', 'C01', 2026, 12_345)).toBe('RK-C01-2026-12345');
  });
});
