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
