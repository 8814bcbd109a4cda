import { describe, expect, it } from 'vitest';
import { allows } from './roles.js';

describe('role access', () => {
  it('lets a listed role through and stops the others', () => {
    expect(allows(['shopkeeper'], ['shopkeeper'])).toBe(true);
    expect(allows(['shopkeeper'], ['clerk', 'viewer'])).toBe(false);
    expect(allows(['shopkeeper'], [])).toBe(false);
  });
  it('lets admins call everything', () => {
    expect(allows(['reviewer'], ['admin'])).toBe(true);
  });
  it('lets any signed-in user call an "any" method', () => {
    expect(allows('any', ['viewer'])).toBe(true);
  });
});
