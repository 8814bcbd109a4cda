/** How a ledger row reads in the office's columns: points land under 加分, 扣分 or 兑换, never as signs. */
export interface LedgerViewRow {
  kind: 'award' | 'deduction' | 'reversal' | 'redemption' | 'void';
  points: number;
}

export function columnsOf(r: LedgerViewRow): { plus: number | null; minus: number | null; redeem: number | null } {
  if (r.kind === 'redemption' || r.kind === 'void') return { plus: null, minus: null, redeem: -r.points };
  return r.points >= 0 ? { plus: r.points, minus: null, redeem: null } : { plus: null, minus: -r.points, redeem: null };
}

/** Cards per A4 sheet: 2 across, 5 down (85.6 × 54 mm, the ID-1 size of a bank card). */
export const cardsPerSheet = 10;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
