export interface AccountTotals {
  awarded: number; // approved awards, positive
  deducted: number; // approved deductions, as a positive magnitude
  redeemed: number; // points of non-voided redemptions
}

export interface Account extends AccountTotals {
  year: number;
  score: number;
  available: number;
  owed: number; // how far a later deduction has pushed available below zero
}

/** Redeeming spends the right to redeem, never the score: boards and awards use score. */
export function account(year: number, t: AccountTotals): Account {
  const score = t.awarded - t.deducted;
  const available = score - t.redeemed;
  return { year, ...t, score, available, owed: available < 0 ? -available : 0 };
}

export type RedeemCheck = { ok: true } | { ok: false; available: number; shortBy: number };

/** A redemption commits only if its total fits within what is available; an owed account redeems nothing. */
export function canRedeem(acc: Account, total: number): RedeemCheck {
  if (total <= acc.available) return { ok: true };
  return { ok: false, available: acc.available, shortBy: total - acc.available };
}
