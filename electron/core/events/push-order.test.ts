import { describe, expect, it } from 'vitest';
import { requireRisingSeqs } from './push-order.js';

describe('requireRisingSeqs', () => {
  it('gives the highest seq of a rising push, and `after` for an empty one', () => {
    expect(requireRisingSeqs(4, [{ seq: 5 }, { seq: 6 }, { seq: 9 }])).toBe(9);
    expect(requireRisingSeqs(4, [])).toBe(4);
  });

  it.each([
    ['a seq at `after`', 4, [{ seq: 4 }], 4],
    ['a seq below `after`', 4, [{ seq: 3 }], 3],
    ['a repeated seq', 0, [{ seq: 1 }, { seq: 1 }], 1],
    ['a falling seq', 0, [{ seq: 2 }, { seq: 1 }], 1],
  ])('refuses %s with push_out_of_order and the seq', (_what, after, events, seq) => {
    expect(() => requireRisingSeqs(after, events)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', reason: 'push_out_of_order', details: { seq } }));
  });
});
