import { describe, expect, it } from 'vitest';
import { villageCodeProblem } from './village-code.js';

describe('统计用区划代码 of a village', () => {
  it('accepts real village codes', () => {
    for (const c of ['110101001001', '420984104201', '533123107203', '650102002001']) expect(villageCodeProblem(c)).toBeNull();
  });
  it('refuses a wrong length or non-digits', () => {
    for (const c of ['', '11010100100', '1101010010011', '11010100100a', ' 110101001001']) expect(villageCodeProblem(c)).toBe('format');
  });
  it('refuses an unknown province', () => {
    expect(villageCodeProblem('990101001001')).toBe('province');
    expect(villageCodeProblem('000000000000')).toBe('province');
  });
  it('refuses a town or county code padded to 12 digits', () => {
    expect(villageCodeProblem('110101001000')).toBe('not_village');
    expect(villageCodeProblem('110101000000')).toBe('not_village');
  });
});
