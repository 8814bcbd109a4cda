import { describe, expect, it } from 'vitest';
import { entryMagnitude, signed, withinCap, type RuleShape } from './rule-points.js';

const fixed: RuleShape = { kind: 'award', points: 5, minPoints: null, maxPoints: null, capPerYear: 20 };
const range: RuleShape = { kind: 'deduction', points: null, minPoints: 2, maxPoints: 10, capPerYear: null };

describe('rule points', () => {
  it("takes a fixed rule's points and refuses a different value", () => {
    expect(entryMagnitude(fixed, undefined)).toEqual({ ok: true, magnitude: 5 });
    expect(entryMagnitude(fixed, 5)).toEqual({ ok: true, magnitude: 5 });
    expect(entryMagnitude(fixed, 6).ok).toBe(false);
  });
  it("requires a range rule's points inside the range", () => {
    expect(entryMagnitude(range, undefined).ok).toBe(false);
    expect(entryMagnitude(range, 1).ok).toBe(false);
    expect(entryMagnitude(range, 2)).toEqual({ ok: true, magnitude: 2 });
    expect(entryMagnitude(range, 10)).toEqual({ ok: true, magnitude: 10 });
    expect(entryMagnitude(range, 11).ok).toBe(false);
  });
  it('stops at the yearly cap, inclusive', () => {
    expect(withinCap(fixed, 15, 5)).toBe(true);
    expect(withinCap(fixed, 16, 5)).toBe(false);
    expect(withinCap(range, 10_000, 10)).toBe(true);
  });
  it('signs deductions negative', () => {
    expect(signed(fixed, 5)).toBe(5);
    expect(signed(range, 4)).toBe(-4);
  });
});
