import { z } from 'zod';
import { handler } from '../../handler.js';
import { cardNo, date, id, qty } from '../../validation.js';
import { layoutDaySummary } from '../../../print/day-summary-layout.js';
import { loadPrinterConfig, requirePrinterConfig } from '../printer/config.js';
import { printJob } from '../printer/print-job.js';
import { daySummaryData, getBundle, propose, setBundle, tally } from './bulk.js';

const counter = ['shopkeeper'] as const;
const day = z.strictObject({ date: date.optional() }).optional();

export const bulkHandlers = {
  'bulk.bundle.get': handler({
    access: ['shopkeeper', 'viewer'],
    input: z.strictObject({}).optional(),
    run: getBundle,
  }),
  'bulk.bundle.set': handler({
    access: counter,
    write: true,
    input: z.strictObject({
      lines: z.array(z.strictObject({ itemId: id, qty })).max(20),
      prefer: z.enum(['bundle', 'lastCart']).optional().default('bundle'),
    }),
    run: setBundle,
    audit: (p, r) =>
      `设置集中兑换套餐: ${r.lines.map((l) => `${l.name}×${l.qty}`).join('、') || '（空）'}，优先${p.prefer === 'bundle' ? '套餐' : '上次购物车'}`,
  }),
  'bulk.propose': handler({
    access: counter,
    input: z.union([z.strictObject({ cardNo }), z.strictObject({ householdId: id })]),
    run: propose,
  }),
  'bulk.tally': handler({
    access: ['shopkeeper', 'viewer'],
    input: day,
    run: (ctx, p) => tally(ctx, p?.date ?? ctx.today),
  }),
  /** The day-summary slip as the printer would get it, for the screen. */
  'bulk.daySummary': handler({
    access: ['shopkeeper', 'viewer'],
    input: day,
    run: (ctx, p) => {
      const width = loadPrinterConfig(ctx.db)?.width ?? 32;
      return { width, lines: layoutDaySummary(daySummaryData(ctx, p?.date ?? ctx.today), width) };
    },
  }),
  'bulk.printDaySummary': handler({
    access: counter,
    input: day,
    run: async (ctx, p) => {
      const config = requirePrinterConfig(ctx.db);
      const date = p?.date ?? ctx.today;
      const o = await printJob(ctx, config, {
        kind: 'day_summary',
        copies: 1,
        lines: () => layoutDaySummary(daySummaryData(ctx, date), config.width),
        method: 'bulk.printDaySummary',
        summary: () => `打印集中兑换日汇总 ${date}`,
      });
      return { printed: o.state === 'done', jobId: o.jobId, state: o.state, via: o.via, ...(o.lines ? { lines: o.lines, width: o.width } : {}), date };
    },
  }),
};
