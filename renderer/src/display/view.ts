import type { DisplayView } from './messages';

/** How long the villager sees the result (receipt number, points left) before the welcome screen. */
export const resultShownMs = 8_000;

export interface CounterSnapshot {
  household: { household: { headName: string }; account: { year: number; score: number; available: number } } | null;
  cart: readonly { name: string; qty: number; unitPoints: number }[];
  last: { receiptNo: string; headName: string; totalPoints: number; availableAfter: number } | null;
  /** When `last` went through; null when there is no `last`. */
  lastAt: number | null;
}

/** The display's screen for what the counter shows now: a customer with a cart, the last result, or idle. */
export function displayView({ household, cart, last, lastAt }: CounterSnapshot): DisplayView {
  if (household) {
    const lines = cart.map((l) => ({ name: l.name, qty: l.qty, points: l.unitPoints * l.qty }));
    const total = lines.reduce((n, l) => n + l.points, 0);
    const { year, score, available } = household.account;
    return { screen: 'cart', household: { name: household.household.headName, year, score, available }, lines, total, left: available - total };
  }
  if (last && lastAt !== null) {
    return { screen: 'done', name: last.headName, receiptNo: last.receiptNo, total: last.totalPoints, left: last.availableAfter, at: lastAt };
  }
  return { screen: 'idle' };
}

/** A result older than `resultShownMs` has become the welcome screen (also for a display opened late). */
export function screenAt(view: DisplayView, now: number): DisplayView {
  return view.screen === 'done' && now - view.at >= resultShownMs ? { screen: 'idle' } : view;
}

/** Milliseconds until `screenAt` changes on its own, or null when only the counter can change it. */
export function msUntilIdle(view: DisplayView, now: number): number | null {
  return view.screen === 'done' ? Math.max(0, view.at + resultShownMs - now) : null;
}
