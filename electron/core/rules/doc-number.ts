export type DocKind = 'receiving' | 'stocktake';

const prefixes: Record<DocKind, string> = { receiving: 'RK', stocktake: 'PD' };

/**
 * RK-C01-2026-0001 (入库单) / PD-C01-2026-0001 (盘点表): the counter is in the number because each
 * counter keeps its own shelves and numbers its own documents, and two counters syncing to one office
 * must never produce the same number.
 */
export function formatDocNo(kind: DocKind, counterId: string, year: number, n: number): string {
  return `${prefixes[kind]}-${counterId}-${year}-${String(n).padStart(4, '0')}`;
}
