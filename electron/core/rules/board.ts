import { competitionRank, upToRank } from './ranking.js';

export interface BoardScore {
  householdId: number;
  headName: string;
  score: number;
}
export type BoardRow<T extends BoardScore = BoardScore> = T & { rank: number };

export const boardSize = 10;

const byId = (a: BoardScore, b: BoardScore) => a.householdId - b.householdId;

/**
 * 红榜: the highest positive scores; 黑榜: the lowest negative ones (the most negative is rank 1).
 * A zero score is on neither board: a household with no points is neither praised nor named.
 */
export function rankBoards<T extends BoardScore>(scores: readonly T[], size = boardSize): { red: BoardRow<T>[]; black: BoardRow<T>[] } {
  return {
    red: upToRank(
      competitionRank(
        scores.filter((s) => s.score > 0),
        (s) => s.score,
        'desc',
        byId,
      ),
      size,
    ),
    black: upToRank(
      competitionRank(
        scores.filter((s) => s.score < 0),
        (s) => s.score,
        'asc',
        byId,
      ),
      size,
    ),
  };
}
