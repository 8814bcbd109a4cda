import { describe, expect, it } from 'vitest';
import { competitionRank, upToRank } from './ranking.js';

const s = (id: number, score: number) => ({ id, score });
const rank = (xs: { id: number; score: number }[], order: 'asc' | 'desc' = 'desc') =>
  competitionRank(
    xs,
    (x) => x.score,
    order,
    (a, b) => a.id - b.id,
  );

describe('competition ranking', () => {
  it('ties share a rank and the next rank skips (1, 2, 2, 4)', () => {
    expect(rank([s(1, 50), s(2, 40), s(3, 40), s(4, 30)]).map((x) => x.rank)).toEqual([1, 2, 2, 4]);
  });
  it('orders ties deterministically by the tie-break', () => {
    expect(rank([s(9, 40), s(3, 40), s(5, 40)]).map((x) => x.id)).toEqual([3, 5, 9]);
  });
  it('ranks ascending for the lowest scores', () => {
    expect(rank([s(1, -5), s(2, -20), s(3, -5)], 'asc').map((x) => [x.id, x.rank])).toEqual([
      [2, 1],
      [1, 2],
      [3, 2],
    ]);
  });
  it('a cut at rank N keeps every entry tied at N', () => {
    const xs = rank([s(1, 9), s(2, 8), s(3, 7), s(4, 7), s(5, 6)]);
    expect(upToRank(xs, 3).map((x) => x.id)).toEqual([1, 2, 3, 4]);
    expect(upToRank(xs, 2).map((x) => x.id)).toEqual([1, 2]);
  });
  it('an empty list ranks to nothing', () => {
    expect(rank([])).toEqual([]);
  });
});
