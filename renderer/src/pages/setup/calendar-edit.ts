import { bulkDays, isBulkDay, isRedemptionDay, type Calendar } from '../../../../electron/core/rules/redemption-day';

/** What a click on a date does on the month view: a redemption day, or the trial's bulk day. */
export type CalendarTool = 'dates' | 'bulk';

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The month's weeks, Sunday first; days outside the month are null. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length: days }, (_, i) => isoDate(year, month, i + 1))];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const m = year * 12 + (month - 1) + by;
  return { year: Math.floor(m / 12), month: (m % 12) + 1 };
}

/**
 * A click on a date. Redemption days: toggles the date (chosen dates), or moves the monthly day;
 * "every day" has nothing to toggle. Bulk days: the trial starts on that date (its bulk days are the
 * date and the same day in the next two months); clicking a bulk day again ends the trial.
 */
export function clickDate(cal: Calendar, date: string, tool: CalendarTool): Calendar {
  if (tool === 'bulk') {
    if (isBulkDay(cal, date)) {
      const { trial: _gone, ...rest } = cal;
      return rest as Calendar;
    }
    return { ...cal, trial: { start: date } };
  }
  if (cal.mode === 'dates') {
    const dates = cal.dates.includes(date) ? cal.dates.filter((d) => d !== date) : [...cal.dates, date].sort();
    return { ...cal, dates };
  }
  if (cal.mode === 'monthly') return { ...cal, day: Number(date.slice(8, 10)) };
  return cal;
}

export type DayKind = 'bulk' | 'redeem' | 'none';

export function dayKind(cal: Calendar, date: string): DayKind {
  if (isBulkDay(cal, date)) return 'bulk';
  if (cal.mode !== 'any' && isRedemptionDay(cal, date)) return 'redeem';
  return 'none';
}

/** calendar.set's params for a draft (the server re-checks everything). */
export function calendarParams(cal: Calendar) {
  const trial = cal.trial ? { start: cal.trial.start, ...(cal.trial.bulkDay ? { bulkDay: cal.trial.bulkDay } : {}) } : undefined;
  const base =
    cal.mode === 'any'
      ? { mode: 'any' as const }
      : cal.mode === 'dates'
        ? { mode: 'dates' as const, dates: cal.dates }
        : { mode: 'monthly' as const, day: cal.day };
  return trial ? { ...base, trial } : base;
}

export { bulkDays };
