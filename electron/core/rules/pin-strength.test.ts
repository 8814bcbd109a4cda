import { describe, expect, it } from 'vitest';
import { pinProblem } from './pin-strength.js';

describe('an administrator PIN', () => {
  it('takes 6 to 12 digits that are not trivial', () => {
    for (const p of ['918273', '20260315', '135790', '112233', '123457', '123456789013']) expect(pinProblem(p)).toBeNull();
  });
  it('refuses short, long or non-digit PINs', () => {
    for (const p of ['', '12345', '9182', '1234567890123', '91827a', ' 918273']) expect(pinProblem(p)).toBe('format');
  });
  it('refuses one digit repeated', () => {
    for (const p of ['000000', '888888', '1111111111']) expect(pinProblem(p)).toBe('repeated');
  });
  it('refuses a run up or down, also across 9→0', () => {
    for (const p of ['123456', '654321', '012345', '987654', '7890123', '3210987']) expect(pinProblem(p)).toBe('sequence');
  });
});
