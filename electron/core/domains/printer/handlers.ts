import { z } from 'zod';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { putSetting } from '../../settings.js';
import { empty, id } from '../../validation.js';
import { layoutReceipt, layoutTestPage, type LayoutLine, type ReceiptKind, type ReceiptWidth } from '../../../print/receipt-layout.js';
import { villageDateTime } from '../../../print/village-time.js';
import { loadPrinterConfig, printerConfigInput, printerSettingKey, printerTarget, requirePrinterConfig, type PrinterConfig } from './config.js';
import { listJobs, originalClaimed, type Copy } from './jobs.js';
import { printJob, type PrintOutcome } from './print-job.js';
import { loadReceipt, recordPrint, type Receipt } from './receipt-data.js';

const copies = z.number().int().min(1).max(5).optional();

function readReceipt(ctx: Ctx, redemptionId: number): Receipt {
  const receipt = loadReceipt(ctx.db, redemptionId, ctx.village, ctx.now);
  // A service provider may print its own services' receipts, not browse every household's.
  const seesAll = ctx.me.roles.some((r) => r === 'admin' || r === 'shopkeeper' || r === 'viewer');
  if (!seesAll && receipt.operatorId !== ctx.me.id) {
    throw new AppError('FORBIDDEN', '只能打印本人经办的凭证 (not your receipt)', { reason: 'not_your_receipt', redemptionId });
  }
  return receipt;
}

function layout(ctx: Ctx, receipt: Receipt, kind: ReceiptKind, width: ReceiptWidth, reprint = false): LayoutLine[] {
  return layoutReceipt(receipt.data, { width, kind, reprint, printedAt: villageDateTime(ctx.now, ctx.village.timeZone) });
}

/** What every print method answers: the job, and whether it is done (or handed to the browser to print). */
const jobResult = (o: PrintOutcome) => ({
  printed: o.state === 'done',
  jobId: o.jobId,
  state: o.state,
  copy: o.copy,
  via: o.via,
  ...(o.lines ? { lines: o.lines, width: o.width } : {}),
});

function describePrinter(p: PrinterConfig): string {
  if (p.type === 'driver') return `系统打印机 ${p.deviceName}`;
  if (p.type === 'browser') return '浏览器打印';
  return `${p.type} ${p.interface}`;
}

/** Prints a receipt or a void slip as a job; the job table decides original or 重打. */
function printRedemption(ctx: Ctx, receipt: Receipt, redemptionId: number, kind: 'receipt' | 'void', n: number | undefined) {
  const config = requirePrinterConfig(ctx.db);
  const method = kind === 'void' ? 'receipts.printVoid' : 'receipts.print';
  const label = (copy: Copy | null) =>
    kind === 'void' ? (copy === 'reprint' ? '重打作废单' : '打印作废单') : copy === 'reprint' ? '重打兑换凭证' : '打印兑换凭证';
  const count = n ?? config.copies;
  return printJob(ctx, config, {
    kind,
    redemptionId,
    receiptNo: receipt.data.receiptNo,
    copies: count,
    lines: (copy) =>
      kind === 'void'
        ? layout(ctx, receipt, 'void', config.width, copy === 'reprint')
        : layout(ctx, receipt, copy === 'reprint' ? 'reprint' : 'receipt', config.width),
    method,
    summary: (copy) => `${label(copy)} ${receipt.data.receiptNo}（户主 ${receipt.data.householdName}，${count} 联）`,
    // The old print log, kept for what reads it (sync leaves it local; reports count reprints).
    also: (copy) => recordPrint(ctx.db, redemptionId, kind === 'void' ? 'void' : copy === 'reprint' ? 'reprint' : 'receipt', ctx.me.id, ctx.nowIso),
  });
}

export const printerHandlers = {
  'printer.configure': handler({
    access: ['admin', 'shopkeeper'],
    write: true,
    input: printerConfigInput,
    run: (ctx, p): PrinterConfig => {
      if (p.type === 'driver' && !ctx.deps.printHost) {
        throw new AppError('INVALID_INPUT', '系统打印机只能在桌面版中使用 (driver printers need the desktop app)', { reason: 'driver_config_needs_desktop' });
      }
      putSetting(ctx.db, printerSettingKey, p);
      return p;
    },
    audit: (p) => `配置打印机 ${describePrinter(p)} ${p.width} 列 ${p.copies} 联`,
  }),
  'printer.get': handler({
    access: 'any',
    input: empty,
    run: (ctx) => loadPrinterConfig(ctx.db),
  }),
  'printer.systemPrinters': handler({
    access: ['admin', 'shopkeeper'],
    input: empty,
    run: async (ctx) => ({
      available: ctx.deps.printHost !== undefined,
      printers: ctx.deps.printHost ? await ctx.deps.printHost.systemPrinters() : [],
    }),
  }),
  'printer.jobs': handler({
    access: ['admin', 'shopkeeper', 'viewer'],
    input: z.strictObject({ limit: z.number().int().min(1).max(500).optional(), redemptionId: id.optional() }).optional(),
    run: (ctx, p) => ({ items: listJobs(ctx.db, { limit: p?.limit ?? 50, redemptionId: p?.redemptionId }) }),
  }),
  'printer.test': handler({
    access: ['admin', 'shopkeeper'],
    input: empty,
    run: async (ctx) => {
      const config = requirePrinterConfig(ctx.db);
      const o = await printJob(ctx, config, {
        kind: 'test',
        copies: 1,
        lines: () =>
          layoutTestPage(config.width, {
            villageName: ctx.village.name,
            type: config.type,
            target: printerTarget(config),
            time: villageDateTime(ctx.now, ctx.village.timeZone),
          }),
        method: 'printer.test',
        summary: () => `打印测试页 ${describePrinter(config)} ${config.width} 列`,
      });
      return jobResult(o);
    },
  }),
  'receipts.preview': handler({
    access: ['admin', 'shopkeeper', 'provider', 'viewer'],
    input: z.strictObject({ redemptionId: id, kind: z.enum(['receipt', 'void']).optional() }),
    run: (ctx, p) => {
      const receipt = readReceipt(ctx, p.redemptionId);
      const wanted = p.kind ?? (receipt.voided ? 'void' : 'receipt');
      if (wanted === 'void' && !receipt.voided)
        throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 未作废 (not voided)`, {
          reason: 'receipt_not_voided',
          receiptNo: receipt.data.receiptNo,
        });
      const reprint = originalClaimed(ctx.db, p.redemptionId, wanted);
      const kind: ReceiptKind = wanted === 'void' ? 'void' : reprint ? 'reprint' : 'receipt';
      const width = loadPrinterConfig(ctx.db)?.width ?? 32;
      return { kind, reprint, width, lines: layout(ctx, receipt, kind, width, reprint) };
    },
  }),
  'receipts.print': handler({
    access: ['admin', 'shopkeeper', 'provider'],
    input: z.strictObject({ redemptionId: id, copies }),
    run: async (ctx, p) => {
      const receipt = readReceipt(ctx, p.redemptionId);
      if (receipt.voided) {
        throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 已作废，只能打印作废单 (voided)`, {
          reason: 'receipt_voided',
          receiptNo: receipt.data.receiptNo,
          redemptionId: p.redemptionId,
        });
      }
      const o = await printRedemption(ctx, receipt, p.redemptionId, 'receipt', p.copies);
      return { ...jobResult(o), reprint: o.copy === 'reprint', receiptNo: receipt.data.receiptNo };
    },
  }),
  'receipts.printVoid': handler({
    access: ['admin', 'shopkeeper'],
    input: z.strictObject({ redemptionId: id, copies }),
    run: async (ctx, p) => {
      const receipt = readReceipt(ctx, p.redemptionId);
      if (!receipt.voided)
        throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 未作废 (not voided)`, {
          reason: 'receipt_not_voided',
          receiptNo: receipt.data.receiptNo,
          redemptionId: p.redemptionId,
        });
      const o = await printRedemption(ctx, receipt, p.redemptionId, 'void', p.copies);
      return { ...jobResult(o), reprint: o.copy === 'reprint', receiptNo: receipt.data.receiptNo };
    },
  }),
};
