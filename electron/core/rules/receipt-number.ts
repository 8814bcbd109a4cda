/** C01-2026-000123: per counter and year, so two counters never share a number and each year starts at 1. */
export function formatReceiptNo(counterId: string, year: number, n: number): string {
  return `${counterId}-${year}-${String(n).padStart(6, '0')}`;
}
