import { describe, expect, it } from 'vitest';
import { idNoProblem, maskIdNo, normalizeIdNo } from './id-number.js';

describe('resident ID numbers', () => {
  it('accepts a number whose check character matches, X in either case', () => {
    expect(idNoProblem('11010519491231002X')).toBeNull();
    expect(idNoProblem('11010519491231002x')).toBeNull();
    expect(idNoProblem('440524188001010014')).toBeNull();
  });
  it('refuses a transposed digit, a wrong length and letters', () => {
    expect(idNoProblem('11010519491231020X')).toMatch(/校验位/);
    expect(idNoProblem('1101051949123100')).toMatch(/18 位/);
    expect(idNoProblem('11010519491231002Y')).toMatch(/18 位/);
  });
  it('masks all but the last 4 characters', () => {
    expect(maskIdNo('11010519491231002X')).toBe('**************002X');
    expect(maskIdNo('')).toBe('');
    expect(normalizeIdNo(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});
