const dayMs = 86_400_000;

/** Far enough ahead that every review instant is before it: with no notice period an approval counts at once. */
const always = '9999-12-31T23:59:59.999Z';

/**
 * The latest review instant (ISO, UTC, as reviews are stored) whose approval counts at `now`.
 * During the public-notice period (公示期) villagers may object, so an approval counts only once
 * reviewed_at + N days ≤ now. With N = 0 nothing waits, even if a test clock is set back.
 */
export function noticeCutoff(now: Date, noticeDays: number): string {
  if (noticeDays <= 0) return always;
  return new Date(now.getTime() - noticeDays * dayMs).toISOString();
}

/** When an approval given at reviewedAt starts to count. */
export function countsFrom(reviewedAt: string, noticeDays: number): string {
  if (noticeDays <= 0) return reviewedAt;
  return new Date(Date.parse(reviewedAt) + noticeDays * dayMs).toISOString();
}

export function counts(reviewedAt: string, now: Date, noticeDays: number): boolean {
  return reviewedAt <= noticeCutoff(now, noticeDays);
}

/** An approved entry (or a reversal, with the review of what it reverses) as the notice rules see it. */
export interface ReviewedPoints {
  points: number;
  reviewedAt: string;
}

export interface NoticeBatch {
  points: number;
  /** The village date from which these points count. */
  countsOn: string;
}

/** Points still in their public-notice period: the net total, the first date any of them count, and by date. */
export interface NoticeSummary {
  points: number;
  countsOn: string;
  batches: NoticeBatch[];
}

/**
 * What of `rows` is still in notice at `now`: 公示中 N 分, counted from `countsOn`. Null when nothing
 * waits. Batches are by the village date they count on, earliest first; `dateOf` turns an instant
 * into the village's date (never a UTC date).
 */
export function noticeSummary(rows: readonly ReviewedPoints[], now: Date, noticeDays: number, dateOf: (d: Date) => string): NoticeSummary | null {
  if (noticeDays <= 0) return null;
  const byDate = new Map<string, number>();
  let waiting = 0;
  for (const r of rows) {
    if (counts(r.reviewedAt, now, noticeDays)) continue;
    waiting++;
    const on = dateOf(new Date(countsFrom(r.reviewedAt, noticeDays)));
    byDate.set(on, (byDate.get(on) ?? 0) + r.points);
  }
  if (waiting === 0) return null;
  const batches = [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([countsOn, points]) => ({ points, countsOn }));
  return { points: batches.reduce((s, b) => s + b.points, 0), countsOn: batches[0].countsOn, batches };
}

export interface NoticeMove {
  /** into_notice: a longer period puts counted points back into notice; released: a shorter one lets them count now. */
  direction: 'into_notice' | 'released' | 'none';
  households: number;
  entries: number;
  /** Net points that change side (awards positive, deductions negative). */
  points: number;
}

/** What changing the notice period from `fromDays` to `toDays` at `now` moves: read-only, for the confirmation. */
export function noticeMove(rows: readonly (ReviewedPoints & { householdId: number })[], now: Date, fromDays: number, toDays: number): NoticeMove {
  const households = new Set<number>();
  let entries = 0;
  let points = 0;
  for (const r of rows) {
    if (counts(r.reviewedAt, now, fromDays) === counts(r.reviewedAt, now, toDays)) continue;
    households.add(r.householdId);
    entries++;
    points += r.points;
  }
  const direction = entries === 0 ? 'none' : toDays > fromDays ? 'into_notice' : 'released';
  return { direction, households: households.size, entries, points };
}
