/**
 * Arithmetic on village dates kept as 'YYYY-MM-DD' strings. Working on the strings (never on Date
 * objects in the machine's zone) keeps a date from sliding a day when the server runs in UTC.
 */

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parts(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Month `month` may run past 12 (or below 1): 2026-14 is 2027-02. */
export function normalizeMonth(year: number, month: number): { year: number; month: number } {
  const m = year * 12 + (month - 1);
  return { year: Math.floor(m / 12), month: (m % 12) + 1 };
}

/** The day `day` of a month, or the month's last day when it is shorter (31 Feb -> 28/29 Feb). */
export function clampedDate(year: number, month: number, day: number): string {
  const n = normalizeMonth(year, month);
  return ymd(n.year, n.month, Math.min(day, daysInMonth(n.year, n.month)));
}

export function lastDayOfMonth(year: number, month: number): string {
  return ymd(year, month, daysInMonth(year, month));
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
