export type LedgerKind = 'award' | 'deduction' | 'reversal' | 'redemption' | 'void';
/** notice: approved, but still in its public-notice period (公示期), so not counted yet. */
export type LedgerStatus = 'pending' | 'approved' | 'rejected' | 'notice';

export interface LedgerMove {
  kind: LedgerKind;
  points: number;
  status: LedgerStatus;
}
export interface Running {
  runningScore: number;
  runningAvailable: number;
}

/**
 * The score and redemption right after each row, in ledger order. Entries move both; redemptions and
 * voids move only what is available (redeeming never lowers the score). Rows that do not count yet,
 * or never will (pending, rejected, in notice), move nothing.
 */
export function withRunning<T extends LedgerMove>(items: readonly T[]): (T & Running)[] {
  let score = 0;
  let available = 0;
  return items.map((item) => {
    if (item.status === 'approved') {
      if (item.kind === 'redemption' || item.kind === 'void') available += item.points;
      else {
        score += item.points;
        available += item.points;
      }
    }
    return { ...item, runningScore: score, runningAvailable: available };
  });
}
