import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin-hash.js';

describe('PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', () => {
    const h = hashPin('123456');
    expect(verifyPin('123456', h)).toBe(true);
    expect(verifyPin('123457', h)).toBe(false);
  });
  it('salts every hash and never stores the PIN', () => {
    const a = hashPin('123456'), b = hashPin('123456');
    expect(a).not.toBe(b);
    expect(a).not.toContain('123456');
    expect(a.startsWith('scrypt$')).toBe(true);
  });
  it('refuses a malformed stored hash', () => {
    expect(verifyPin('123456', 'plain')).toBe(false);
  });
});
