/**
 * A delivery is scanned box by box: the same barcode again is one more of the line already there,
 * not a second line. Picking from the list still adds a line, so one item can come from two purses.
 */
export interface ReceiveLine {
  item: { id: number };
  qty: string;
}

/** Adds one to the latest line of this item; a line whose quantity is mid-edit (not a whole number) is left alone. */
export function mergeScanned<L extends ReceiveLine>(lines: readonly L[], itemId: number, fresh: () => L): L[] {
  const at = lines.findLastIndex((l) => l.item.id === itemId);
  const line = lines[at];
  if (!line || !/^\d+$/.test(line.qty.trim())) return [...lines, fresh()];
  return lines.map((l, i) => (i === at ? { ...l, qty: String(Number(l.qty) + 1) } : l));
}
