export interface CountInput {
  itemId: number;
  countedQty: number;
  expectedQty?: number;
  reason?: string;
}
export interface CountLine {
  itemId: number;
  expectedQty: number;
  countedQty: number;
  delta: number;
  reason: string;
}

export type StocktakeProblem =
  | { kind: 'duplicate'; itemId: number }
  /** The counter printed the sheet with one expected quantity and the shelf has since moved. */
  | { kind: 'stale'; itemId: number; expectedQty: number; stock: number }
  | { kind: 'noReason'; itemId: number; delta: number };

/**
 * Compares counted with expected (stock on hand now). Every variance needs a reason, its own or the
 * sheet's, because it becomes an adjustment row that someone must be able to answer for.
 */
export function stocktakeLines(
  inputs: readonly CountInput[],
  stockOf: (itemId: number) => number,
  sheetReason = '',
): { ok: true; lines: CountLine[] } | { ok: false; problem: StocktakeProblem } {
  const seen = new Set<number>();
  const lines: CountLine[] = [];
  for (const i of inputs) {
    if (seen.has(i.itemId)) return { ok: false, problem: { kind: 'duplicate', itemId: i.itemId } };
    seen.add(i.itemId);
    const stock = stockOf(i.itemId);
    if (i.expectedQty !== undefined && i.expectedQty !== stock) {
      return { ok: false, problem: { kind: 'stale', itemId: i.itemId, expectedQty: i.expectedQty, stock } };
    }
    const delta = i.countedQty - stock;
    const reason = (i.reason ?? '').trim() || sheetReason.trim();
    if (delta !== 0 && !reason) return { ok: false, problem: { kind: 'noReason', itemId: i.itemId, delta } };
    lines.push({ itemId: i.itemId, expectedQty: stock, countedQty: i.countedQty, delta, reason: delta === 0 ? (i.reason ?? '').trim() : reason });
  }
  return { ok: true, lines };
}

/** A count of every active goods item is a full stocktake (全面盘点); anything less is a spot check (抽盘). */
export function stocktakeScope(countedIds: Iterable<number>, activeGoodsIds: Iterable<number>): 'all' | 'partial' {
  const counted = new Set(countedIds);
  for (const id of activeGoodsIds) if (!counted.has(id)) return 'partial';
  return 'all';
}
