import { describe, expect, it } from 'vitest';
import { JsonBodyError, jsonDepth, maxJsonDepth, parseJsonBody } from './safe-json.js';

const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
const reasonOf = (text: string) => {
  try {
    parseJsonBody(text);
    return 'parsed';
  } catch (e) {
    return e instanceof JsonBodyError ? e.reason : String(e);
  }
};

describe('jsonDepth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"x\\"[[[[\\\\","b":[]}')).toBe(2);
    expect(jsonDepth('"\\\\"')).toBe(0);
    expect(jsonDepth('1')).toBe(0);
  });

  it('stops at the first bracket past the limit', () => {
    expect(jsonDepth(nested(maxJsonDepth))).toBe(maxJsonDepth);
    expect(jsonDepth(nested(maxJsonDepth + 1))).toBe(Infinity);
  });
});

describe('parseJsonBody', () => {
  it('parses ordinary bodies as JSON.parse does; empty is undefined', () => {
    const body = { householdId: 1, lines: [{ itemId: 2, qty: 3 }], note: '兑换 [x] {y} "z" 𠮷' };
    expect(parseJsonBody(JSON.stringify(body))).toEqual(body);
    expect(parseJsonBody('  ')).toBeUndefined();
  });

  it('refuses 20,000 levels quickly, and malformed text, each with its reason', () => {
    const t = performance.now();
    expect(reasonOf(nested(20_000))).toBe('too_deep');
    expect(reasonOf(`{"a":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_001)}`)).toBe('too_deep');
    expect(performance.now() - t).toBeLessThan(200);
    expect(reasonOf('{"a": [')).toBe('invalid_json');
    expect(reasonOf('not json')).toBe('invalid_json');
    expect(reasonOf('"unterminated')).toBe('invalid_json');
  });

  it('skips a large string in one step', () => {
    // As a body arrives: a flat string decoded from a buffer (a repeat() result is a rope, slow to index).
    const big = Buffer.from(JSON.stringify({ xlsxBase64: 'QUJD'.repeat(5_000_000) })).toString('utf8');
    const t = performance.now();
    expect(jsonDepth(big)).toBe(1);
    expect(performance.now() - t).toBeLessThan(100);
  });
});
