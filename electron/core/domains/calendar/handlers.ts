import { z } from 'zod';
import { handler } from '../../handler.js';
import { isRedemptionDay, type Calendar } from '../../rules/redemption-day.js';
import { getSetting, putSetting } from '../../settings.js';
import { date } from '../../validation.js';
import type { DB } from '../../../../db/connection.js';

export const getCalendar = (db: DB): Calendar => getSetting<Calendar>(db, 'calendar', { mode: 'any' });

export const calendarHandlers = {
  'calendar.get': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: (ctx) => {
      const calendar = getCalendar(ctx.db);
      return { ...calendar, today: ctx.today, todayIsRedemptionDay: isRedemptionDay(calendar, ctx.today) };
    },
  }),
  'calendar.set': handler({
    access: ['admin'],
    write: true,
    input: z.discriminatedUnion('mode', [
      z.strictObject({ mode: z.literal('any') }),
      z.strictObject({ mode: z.literal('dates'), dates: z.array(date).max(366) }),
    ]),
    run(ctx, p) {
      const calendar: Calendar = p.mode === 'any' ? { mode: 'any' } : { mode: 'dates', dates: [...new Set(p.dates)].sort() };
      putSetting(ctx.db, 'calendar', calendar);
      return { ...calendar, today: ctx.today, todayIsRedemptionDay: isRedemptionDay(calendar, ctx.today) };
    },
    audit: (p) => `设置兑换日: ${p.mode === 'any' ? '每天' : p.dates.join(',')}`,
  }),
};
