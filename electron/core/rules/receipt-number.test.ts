import { describe, expect, it } from 'vitest';
import { formatReceiptNo } from './receipt-number.js';

describe('receipt numbers', () => {
  it('pads the sequence to six digits', () => {
    expect(formatReceiptNo('C01', 2026, 123)).toBe('C01-2026-000123');
  });
  it('grows past six digits rather than wrapping', () => {
    expect(formatReceiptNo('C02', 2027, 1_234_567)).toBe('C02-2027-1234567');
  });
});
