/**
 * Competition ranking ("1224"): equal scores share a rank and the next rank skips the tied places.
 * A list cut "at rank N" keeps everyone whose rank is N or better, so a tie at the cut-off lists
 * every tied entry and the list can be longer than N.
 */
export function competitionRank<T>(
  items: readonly T[],
  score: (t: T) => number,
  order: 'desc' | 'asc',
  tieBreak: (a: T, b: T) => number,
): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => (order === 'desc' ? score(b) - score(a) : score(a) - score(b)) || tieBreak(a, b));
  const out: (T & { rank: number })[] = [];
  sorted.forEach((t, i) => {
    const prev = out[i - 1];
    out.push({ ...t, rank: prev && score(sorted[i - 1]) === score(t) ? prev.rank : i + 1 });
  });
  return out;
}

export function upToRank<T extends { rank: number }>(ranked: readonly T[], maxRank: number): T[] {
  return ranked.filter((t) => t.rank <= maxRank);
}
