/** A receipt or void inside a close's window, as both the counter and the office read it. */
export interface CloseReceipt {
  receiptNo: string;
  at: string;
  totalPoints: number;
}
/** A void: the receipt it voids, when it was voided, and the points it gave back. */
export type CloseVoid = CloseReceipt;

export interface CloseTotals {
  count: number;
  points: number;
  voids: number;
  voidPoints: number;
  firstReceiptNo: string | null;
  lastReceiptNo: string | null;
}

/**
 * 日结 totals: receipts issued in the window (gross points as issued) and voids made in it (the points
 * they gave back). First and last go by time, then number, so a year's first receipt follows the
 * last one of December.
 */
export function closeTotals(receipts: readonly CloseReceipt[], voids: readonly CloseVoid[]): CloseTotals {
  const ordered = [...receipts].sort((a, b) => (a.at === b.at ? a.receiptNo.localeCompare(b.receiptNo) : a.at < b.at ? -1 : 1));
  return {
    count: receipts.length,
    points: receipts.reduce((s, r) => s + r.totalPoints, 0),
    voids: voids.length,
    voidPoints: voids.reduce((s, v) => s + v.totalPoints, 0),
    firstReceiptNo: ordered[0]?.receiptNo ?? null,
    lastReceiptNo: ordered.at(-1)?.receiptNo ?? null,
  };
}

export interface CloseDifference {
  fields: { field: keyof CloseTotals; reported: unknown; held: unknown }[];
  /** Receipts the counter closed that the office does not hold. */
  missing: string[];
  /** Receipts the office holds in the window that the counter did not close. */
  extra: string[];
}

/** What a counter reported against what the office holds for the same window; null when they agree. */
export function compareClose(
  reported: CloseTotals & { receipts?: readonly string[] },
  held: CloseTotals & { receipts: readonly string[] },
): CloseDifference | null {
  const fields = (['count', 'points', 'voids', 'voidPoints', 'firstReceiptNo', 'lastReceiptNo'] as const)
    .filter((f) => reported[f] !== held[f])
    .map((f) => ({ field: f, reported: reported[f], held: held[f] }));
  const heldSet = new Set(held.receipts);
  const reportedSet = new Set(reported.receipts ?? held.receipts);
  const missing = [...reportedSet].filter((r) => !heldSet.has(r));
  const extra = [...heldSet].filter((r) => !reportedSet.has(r));
  return fields.length || missing.length || extra.length ? { fields, missing, extra } : null;
}
