import { clampedDate, normalizeMonth, parts, ymd } from './date-math.js';

/**
 * The trial period of a village: its first 3 months each get one bulk redemption day (集中兑换日).
 * Without `bulkDay` the bulk days fall on the start date and its monthly anniversaries; with it,
 * on that day of the month within each of the 3 months (1–28, so every month has one).
 */
export interface Trial {
  start: string;
  bulkDay?: number;
}

export type CalendarMode = { mode: 'any' } | { mode: 'dates'; dates: string[] } | { mode: 'monthly'; day: number };
export type Calendar = CalendarMode & { trial?: Trial };

export const trialBulkMonths = 3;

export function bulkDays(trial: Trial | undefined): string[] {
  if (!trial) return [];
  const { year, month, day } = parts(trial.start);
  const out: string[] = [];
  for (let i = 0; i < trialBulkMonths; i++) {
    if (trial.bulkDay === undefined) {
      out.push(clampedDate(year, month + i, day));
      continue;
    }
    // Month i of the trial runs from the start's day in month+i up to (not including) it in month+i+1.
    // Compared as strings, '2026-02-31' is a fine bound even though no such date exists.
    const m = normalizeMonth(year, month + i);
    const windowStart = ymd(m.year, m.month, day);
    const inThisMonth = clampedDate(year, month + i, trial.bulkDay);
    out.push(inThisMonth >= windowStart ? inThisMonth : clampedDate(year, month + i + 1, trial.bulkDay));
  }
  return out;
}

export function isBulkDay(calendar: Calendar, date: string): boolean {
  return bulkDays(calendar.trial).includes(date);
}

/**
 * Redemption happens on dates the village fixes, on its monthly day, or on a trial bulk day;
 * "any" is for villages (and the demo) without fixed days.
 */
export function isRedemptionDay(calendar: Calendar, date: string): boolean {
  if (isBulkDay(calendar, date)) return true;
  switch (calendar.mode) {
    case 'any':
      return true;
    case 'dates':
      return calendar.dates.includes(date);
    case 'monthly': {
      const { year, month } = parts(date);
      return date === clampedDate(year, month, calendar.day);
    }
  }
}

/** The fixed and bulk redemption days in [from, to], for the calendar screen; "any" lists none. */
export function redemptionDaysBetween(calendar: Calendar, from: string, to: string): { date: string; bulk: boolean }[] {
  const days = new Map<string, boolean>();
  if (calendar.mode === 'dates') for (const d of calendar.dates) days.set(d, false);
  if (calendar.mode === 'monthly') {
    const a = parts(from);
    const b = parts(to);
    for (let m = a.year * 12 + a.month; m <= b.year * 12 + b.month; m++) {
      days.set(clampedDate(Math.floor((m - 1) / 12), ((m - 1) % 12) + 1, calendar.day), false);
    }
  }
  for (const d of bulkDays(calendar.trial)) days.set(d, true);
  return [...days]
    .filter(([d]) => d >= from && d <= to)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, bulk]) => ({ date, bulk }));
}
