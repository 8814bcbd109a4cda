import { describe, expect, it } from 'vitest';
import { rankBoards } from './board.js';

const h = (householdId: number, score: number) => ({ householdId, headName: `户${householdId}`, score });

describe('red and black boards', () => {
  it('red lists positive scores high to low; black lists negative scores lowest first; zero is on neither', () => {
    const { red, black } = rankBoards([h(1, 30), h(2, 0), h(3, -10), h(4, 50), h(5, -40)]);
    expect(red.map((r) => [r.householdId, r.rank])).toEqual([
      [4, 1],
      [1, 2],
    ]);
    expect(black.map((r) => [r.householdId, r.rank])).toEqual([
      [5, 1],
      [3, 2],
    ]);
  });

  it('a tie at rank 10 puts every tied household on the board', () => {
    // ranks 1..9 distinct, then three households tied at 10, then one at 13
    const scores = [...Array.from({ length: 9 }, (_, i) => h(i + 1, 100 - i)), h(10, 50), h(11, 50), h(12, 50), h(13, 40)];
    const { red } = rankBoards(scores);
    expect(red).toHaveLength(12);
    expect(red.slice(-3).map((r) => [r.householdId, r.rank])).toEqual([
      [10, 10],
      [11, 10],
      [12, 10],
    ]);
    expect(red.some((r) => r.householdId === 13)).toBe(false);
  });

  it('a tie spanning rank 9 and 10 ends the board at the tie: the next rank is 11', () => {
    const scores = [...Array.from({ length: 8 }, (_, i) => h(i + 1, 100 - i)), h(9, 50), h(10, 50), h(11, 40)];
    const { red } = rankBoards(scores);
    expect(red.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 9]);
  });

  it('the black board ties at rank 10 the same way', () => {
    const scores = [...Array.from({ length: 9 }, (_, i) => h(i + 1, -100 + i)), h(10, -5), h(11, -5)];
    const { black } = rankBoards(scores);
    expect(black).toHaveLength(11);
    expect(black.slice(-2).every((r) => r.rank === 10)).toBe(true);
  });

  it('fewer than 10 scoring households gives a short board', () => {
    expect(rankBoards([h(1, 5)]).red).toHaveLength(1);
    expect(rankBoards([]).black).toEqual([]);
  });
});
