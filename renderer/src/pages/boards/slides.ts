export interface Slide<T> {
  kind: 'red' | 'black';
  rows: T[];
  page: number;
  pages: number;
}

/**
 * The TV shows one board at a time, big enough to read across the shop: each board in pages of
 * `perPage` rows (ties at rank 10 can make a board longer than 10), red first. An empty board still
 * gets its slide, so the screen says there is nobody on it rather than skipping it.
 */
export function displaySlides<T>(red: readonly T[], black: readonly T[], perPage = 10): Slide<T>[] {
  const slides: Slide<T>[] = [];
  for (const [kind, rows] of [
    ['red', red],
    ['black', black],
  ] as const) {
    const pages = Math.max(1, Math.ceil(rows.length / perPage));
    for (let p = 0; p < pages; p++) slides.push({ kind, rows: rows.slice(p * perPage, (p + 1) * perPage), page: p + 1, pages });
  }
  return slides;
}

/** Reads `?year=2026&quarter=3` from a hash route like `#/board-poster?year=2026&quarter=3`. */
export function hashParams(hash: string): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

export function quarterOfDate(date: string): 1 | 2 | 3 | 4 {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}
