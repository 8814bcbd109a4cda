import { z } from 'zod';
import type { Ctx } from '../../context.js';
import { handler } from '../../handler.js';
import { formatCloseNo, layoutDayClose } from '../../../print/close-layout.js';
import type { ReceiptWidth } from '../../../print/receipt-layout.js';
import { villageDateTime } from '../../../print/village-time.js';
import { loadPrinterConfig, requirePrinterConfig } from '../printer/config.js';
import { printJob } from '../printer/print-job.js';
import { closeDay, getClose, listCloses, type DayClose } from './close.js';

const closeRef = z.strictObject({
  closeNo: z.number().int().positive(),
  /** Another counter's close (the office looks at every counter's); defaults to this machine's. */
  counterId: z
    .string()
    .regex(/^[A-Za-z0-9]{1,8}$/)
    .optional(),
  reprint: z.boolean().optional(),
});

function slipLines(ctx: Ctx, c: DayClose, width: ReceiptWidth, reprint: boolean) {
  const t = (iso: string) => villageDateTime(new Date(iso), ctx.village.timeZone);
  return layoutDayClose(
    {
      ...c,
      villageName: ctx.village.name,
      from: t(c.from),
      to: t(c.to),
      printedAt: t(ctx.nowIso),
      operatorName: c.userName ?? '',
      reprint,
    },
    width,
  );
}

export const dayHandlers = {
  'day.close': handler({
    access: ['shopkeeper'],
    write: true,
    input: z.strictObject({}).optional(),
    run: (ctx) => closeDay(ctx),
    audit: (_p, r) => `日结 ${r.counterId}-${r.closeNo}: ${r.count} 笔 ${r.points} 分，作废 ${r.voids} 笔`,
  }),
  'day.closes': handler({
    access: ['shopkeeper', 'viewer'],
    input: z.strictObject({ counterId: z.string().max(8).optional(), limit: z.number().int().min(1).max(500).optional() }).optional(),
    run: (ctx, p) => ({ items: listCloses(ctx.db, { counterId: p?.counterId, limit: p?.limit ?? 50 }) }),
  }),
  'day.closePreview': handler({
    access: ['shopkeeper', 'viewer'],
    input: closeRef,
    run: (ctx, p) => {
      const c = getClose(ctx.db, p.counterId ?? ctx.counter.counterId, p.closeNo);
      const width = loadPrinterConfig(ctx.db)?.width ?? 32;
      return { close: c, width, lines: slipLines(ctx, c, width, p.reprint ?? false) };
    },
  }),
  'day.printClose': handler({
    access: ['shopkeeper'],
    input: closeRef,
    run: async (ctx, p) => {
      const c = getClose(ctx.db, p.counterId ?? ctx.counter.counterId, p.closeNo);
      const config = requirePrinterConfig(ctx.db);
      const o = await printJob(ctx, config, {
        kind: 'close',
        copies: 1,
        lines: () => slipLines(ctx, c, config.width, p.reprint ?? false),
        method: 'day.printClose',
        summary: () => `${p.reprint ? '重打' : '打印'}日结单 ${formatCloseNo(c.counterId, c.closeNo)}`,
      });
      return {
        printed: o.state === 'done',
        jobId: o.jobId,
        state: o.state,
        via: o.via,
        ...(o.lines ? { lines: o.lines, width: o.width } : {}),
        closeNo: c.closeNo,
      };
    },
  }),
};
