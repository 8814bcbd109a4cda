export type Calendar = { mode: 'any' } | { mode: 'dates'; dates: string[] };

/** Redemption happens on dates the village fixes; "any" is for villages (and the demo) without fixed days. */
export function isRedemptionDay(calendar: Calendar, date: string): boolean {
  return calendar.mode === 'any' || calendar.dates.includes(date);
}
