/** Money is integer fen everywhere; only display turns it into 元 with two decimals. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A settlement's value: the village sets how many fen one point is worth; no rate, no value. */
export function pointsValueFen(points: number, fenPerPoint: number | null): number | null {
  return fenPerPoint === null ? null : points * fenPerPoint;
}
