import { z } from 'zod';
import { handler } from '../../handler.js';
import { addDays } from '../../rules/date-math.js';
import { bulkDays, isBulkDay, isRedemptionDay, redemptionDaysBetween, type Calendar } from '../../rules/redemption-day.js';
import { putSetting, readSetting } from '../../settings.js';
import { date } from '../../validation.js';
import type { DB } from '../../../../db/connection.js';

export const getCalendar = (db: DB): Readonly<Calendar> => readSetting<Calendar>(db, 'calendar', { mode: 'any' });

/** What the counter and the calendar screen need to know about today and the weeks ahead. */
function calendarView(calendar: Calendar, today: string) {
  return {
    ...calendar,
    today,
    todayIsRedemptionDay: isRedemptionDay(calendar, today),
    todayIsBulkDay: isBulkDay(calendar, today),
    bulkDays: bulkDays(calendar.trial),
    upcoming: redemptionDaysBetween(calendar, today, addDays(today, 92)),
  };
}

const trial = z.strictObject({ start: date, bulkDay: z.number().int().min(1).max(28).optional() }).optional();

/** calendar.set's params; setup.complete takes the same. */
export const calendarInput = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('any'), trial }),
  z.strictObject({ mode: z.literal('dates'), dates: z.array(date).max(366), trial }),
  z.strictObject({ mode: z.literal('monthly'), day: z.number().int().min(1).max(31), trial }),
]);

export function saveCalendar(db: DB, p: z.output<typeof calendarInput>): Calendar {
  const base: Calendar =
    p.mode === 'any' ? { mode: 'any' } : p.mode === 'dates' ? { mode: 'dates', dates: [...new Set(p.dates)].sort() } : { mode: 'monthly', day: p.day };
  const calendar: Calendar = p.trial ? { ...base, trial: p.trial } : base;
  putSetting(db, 'calendar', calendar);
  return calendar;
}

export const calendarSummary = (p: z.output<typeof calendarInput>) =>
  `${p.mode === 'any' ? '每天' : p.mode === 'dates' ? p.dates.join(',') : `每月${p.day}日`}${p.trial ? `; 试点 ${p.trial.start} 起前三个月集中兑换日 ${bulkDays(p.trial).join(',')}` : ''}`;

export const calendarHandlers = {
  'calendar.get': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: (ctx) => {
      return calendarView(getCalendar(ctx.db), ctx.today);
    },
  }),
  'calendar.set': handler({
    access: ['admin'],
    write: true,
    input: calendarInput,
    run: (ctx, p) => calendarView(saveCalendar(ctx.db, p), ctx.today),
    audit: (p) => `设置兑换日: ${calendarSummary(p)}`,
  }),
};
