/**
 * The bulk lane's "just served" list. The server's redemptions of the day are the truth, so the list
 * is the same after leaving the page or reloading it; only what the printer did is known to this
 * session alone (the server records prints but does not list them with redemptions).
 */
export type PrintState = 'printing' | 'printed' | 'failed';

export interface Served {
  id: number;
  receiptNo: string;
  name: string;
  points: number;
  /** Unknown for a receipt printed before this page was opened (another session, or before a reload). */
  print?: PrintState;
  error?: string;
}

export interface DayRedemption {
  id: number;
  receiptNo: string;
  headName: string;
  totalPoints: number;
  kind: string;
  voided: boolean;
}

export const recentLimit = 8;

/** Today's counter redemptions, newest first, with the print outcomes this session saw; voided ones and services are not the lane's. */
export function recentServed(
  day: readonly DayRedemption[],
  prints: ReadonlyMap<number, { print: PrintState; error?: string }>,
  local: readonly Served[] = [],
): Served[] {
  const fromServer: Served[] = day
    .filter((r) => r.kind === 'counter' && !r.voided)
    .map((r) => ({ id: r.id, receiptNo: r.receiptNo, name: r.headName, points: r.totalPoints, ...prints.get(r.id) }));
  const known = new Set(day.map((r) => r.id));
  // A redemption made while the list was on its way is not in it yet.
  const newer = local.filter((s) => !known.has(s.id));
  return [...newer, ...fromServer].sort((a, b) => b.id - a.id).slice(0, recentLimit);
}
