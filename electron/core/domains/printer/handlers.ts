import { z } from 'zod';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { putSetting } from '../../settings.js';
import { empty, id } from '../../validation.js';
import { renderEscPos } from '../../../print/escpos.js';
import { layoutReceipt, layoutTestPage, type LayoutLine, type ReceiptKind } from '../../../print/receipt-layout.js';
import { defaultTransport } from '../../../print/transport.js';
import { villageDateTime } from '../../../print/village-time.js';
import { loadPrinterConfig, printerConfigInput, printerSettingKey, requirePrinterConfig, type PrinterConfig } from './config.js';
import { loadReceipt, recordPrint, wasPrinted, type Receipt } from './receipt-data.js';

const copies = z.number().int().min(1).max(5).optional();

function readReceipt(ctx: Ctx, redemptionId: number): Receipt {
  const receipt = loadReceipt(ctx.db, redemptionId, ctx.village, ctx.now);
  // A service provider may print its own services' receipts, not browse every household's.
  const seesAll = ctx.me.roles.some((r) => r === 'admin' || r === 'shopkeeper' || r === 'viewer');
  if (!seesAll && receipt.operatorId !== ctx.me.id) {
    throw new AppError('FORBIDDEN', '只能打印本人经办的凭证 (not your receipt)', { redemptionId });
  }
  return receipt;
}

function layout(ctx: Ctx, receipt: Receipt, kind: ReceiptKind, width: PrinterConfig['width']): LayoutLine[] {
  return layoutReceipt(receipt.data, { width, kind, printedAt: villageDateTime(ctx.now, ctx.village.timeZone) });
}

/** Awaits the printer outside any transaction: a slow or dead printer never holds the database. */
async function send(ctx: Ctx, config: PrinterConfig, lines: LayoutLine[], n?: number): Promise<void> {
  const bytes = renderEscPos(lines, { type: config.type, copies: n ?? config.copies });
  await (ctx.deps.printer ?? defaultTransport).send(config.interface, bytes);
}

/** Recorded only once the printer took the job, so a failed print leaves no trace of having printed. */
function record(ctx: Ctx, redemptionId: number, kind: 'receipt' | 'reprint' | 'void'): void {
  ctx.db.transaction(() => recordPrint(ctx.db, redemptionId, kind, ctx.me.id, ctx.nowIso)).immediate();
}

export const printerHandlers = {
  'printer.configure': handler({
    access: ['admin', 'shopkeeper'],
    write: true,
    input: printerConfigInput,
    run: (ctx, p): PrinterConfig => {
      putSetting(ctx.db, printerSettingKey, p);
      return p;
    },
    audit: (p) => `配置打印机 ${p.type} ${p.interface} ${p.width} 列 ${p.copies} 联`,
  }),
  'printer.get': handler({
    access: 'any',
    input: empty,
    run: (ctx) => loadPrinterConfig(ctx.db),
  }),
  'printer.test': handler({
    access: ['admin', 'shopkeeper'],
    input: empty,
    run: async (ctx) => {
      const config = requirePrinterConfig(ctx.db);
      const lines = layoutTestPage(config.width, {
        villageName: ctx.village.name, type: config.type, target: config.interface, time: villageDateTime(ctx.now, ctx.village.timeZone),
      });
      await send(ctx, config, lines, 1);
      return { printed: true as const };
    },
  }),
  'receipts.preview': handler({
    access: ['admin', 'shopkeeper', 'provider', 'viewer'],
    input: z.strictObject({ redemptionId: id, kind: z.enum(['receipt', 'void']).optional() }),
    run: (ctx, p) => {
      const receipt = readReceipt(ctx, p.redemptionId);
      const wanted = p.kind ?? (receipt.voided ? 'void' : 'receipt');
      if (wanted === 'void' && !receipt.voided) throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 未作废 (not voided)`);
      const kind: ReceiptKind = wanted === 'void' ? 'void' : wasPrinted(ctx.db, p.redemptionId) ? 'reprint' : 'receipt';
      const width = loadPrinterConfig(ctx.db)?.width ?? 32;
      return { kind, width, lines: layout(ctx, receipt, kind, width) };
    },
  }),
  'receipts.print': handler({
    access: ['admin', 'shopkeeper', 'provider'],
    input: z.strictObject({ redemptionId: id, copies }),
    run: async (ctx, p) => {
      const receipt = readReceipt(ctx, p.redemptionId);
      if (receipt.voided) {
        throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 已作废，只能打印作废单 (voided)`, { redemptionId: p.redemptionId });
      }
      const config = requirePrinterConfig(ctx.db);
      const reprint = wasPrinted(ctx.db, p.redemptionId);
      await send(ctx, config, layout(ctx, receipt, reprint ? 'reprint' : 'receipt', config.width), p.copies);
      record(ctx, p.redemptionId, reprint ? 'reprint' : 'receipt');
      return { printed: true as const, reprint, receiptNo: receipt.data.receiptNo };
    },
  }),
  'receipts.printVoid': handler({
    access: ['admin', 'shopkeeper'],
    input: z.strictObject({ redemptionId: id, copies }),
    run: async (ctx, p) => {
      const receipt = readReceipt(ctx, p.redemptionId);
      if (!receipt.voided) throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 未作废 (not voided)`, { redemptionId: p.redemptionId });
      const config = requirePrinterConfig(ctx.db);
      await send(ctx, config, layout(ctx, receipt, 'void', config.width), p.copies);
      record(ctx, p.redemptionId, 'void');
      return { printed: true as const, receiptNo: receipt.data.receiptNo };
    },
  }),
};
