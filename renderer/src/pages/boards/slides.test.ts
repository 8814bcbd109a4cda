import { describe, expect, it } from 'vitest';
import { displaySlides, hashParams, quarterOfDate } from './slides';

describe('TV slides', () => {
  it('red then black, one slide each when they fit', () => {
    expect(displaySlides([1, 2], [3]).map((s) => [s.kind, s.rows, s.page, s.pages])).toEqual([
      ['red', [1, 2], 1, 1],
      ['black', [3], 1, 1],
    ]);
  });
  it('a board longer than a page (ties at rank 10) takes two slides', () => {
    const red = Array.from({ length: 12 }, (_, i) => i);
    const s = displaySlides(red, [], 10);
    expect(s.map((x) => [x.kind, x.rows.length, x.page, x.pages])).toEqual([
      ['red', 10, 1, 2],
      ['red', 2, 2, 2],
      ['black', 0, 1, 1],
    ]);
  });
});

describe('hash params', () => {
  it('reads the query of a hash route', () => {
    const p = hashParams('#/board-poster?year=2026&quarter=3');
    expect([p.get('year'), p.get('quarter')]).toEqual(['2026', '3']);
    expect(hashParams('#/board-display').get('year')).toBeNull();
  });
  it('knows the quarter of a village date', () => {
    expect([quarterOfDate('2026-09-30'), quarterOfDate('2026-10-01')]).toEqual([3, 4]);
  });
});
