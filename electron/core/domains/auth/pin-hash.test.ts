import { describe, expect, it } from 'vitest';
import { decoyHash, hashPin, verifyPin } from './pin-hash.js';

describe('PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', () => {
    const h = hashPin('123456');
    expect(verifyPin('123456', h)).toBe(true);
    expect(verifyPin('123457', h)).toBe(false);
  });
  it('salts every hash and never stores the PIN', () => {
    const a = hashPin('123456'),
      b = hashPin('123456');
    expect(a).not.toBe(b);
    expect(a).not.toContain('123456');
    expect(a.startsWith('scrypt$')).toBe(true);
  });
  it('refuses a malformed stored hash', () => {
    expect(verifyPin('123456', 'plain')).toBe(false);
  });
  it('the decoy costs what a real hash costs, and no PIN matches it', () => {
    const params = (h: string) => h.split('$').slice(0, 4).join('$');
    expect(params(decoyHash)).toBe(params(hashPin('123456')));
    for (const pin of ['000000', '123456', '111111', '']) expect(verifyPin(pin, decoyHash)).toBe(false);
  });
});
