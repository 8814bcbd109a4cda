import { z } from 'zod';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { putSetting } from '../../settings.js';
import { empty, id } from '../../validation.js';
import { layoutReceipt, layoutTestPage, type LayoutLine, type ReceiptKind } from '../../../print/receipt-layout.js';
import { villageDateTime } from '../../../print/village-time.js';
import { loadPrinterConfig, printerConfigInput, printerSettingKey, requirePrinterConfig, type PrinterConfig } from './config.js';
import { recordPrinted, sendToPrinter } from './print-job.js';
import { loadReceipt, recordPrint, wasPrinted, type Receipt } from './receipt-data.js';

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

function layout(ctx: Ctx, receipt: Receipt, kind: ReceiptKind, width: PrinterConfig['width']): LayoutLine[] {
  return layoutReceipt(receipt.data, { width, kind, printedAt: villageDateTime(ctx.now, ctx.village.timeZone) });
}

const printSummary = { receipt: '打印兑换凭证', reprint: '重打兑换凭证', void: '打印作废单' } as const;

/**
 * The print log (receipt_prints: what makes the next print a 重打) and the audit row, together: a
 * reprint is a receipt handed out twice, so who did it and when is on record.
 */
function record(ctx: Ctx, method: string, receipt: Receipt, redemptionId: number, kind: 'receipt' | 'reprint' | 'void', copies: number): void {
  recordPrinted(ctx, method, `${printSummary[kind]} ${receipt.data.receiptNo}（户主 ${receipt.data.householdName}，${copies} 联）`,
    () => recordPrint(ctx.db, redemptionId, kind, ctx.me.id, ctx.nowIso));
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
      await sendToPrinter(ctx, config, lines, 1);
      recordPrinted(ctx, 'printer.test', `打印测试页 ${config.type} ${config.interface} ${config.width} 列`);
      return { printed: true as const };
    },
  }),
  'receipts.preview': handler({
    access: ['admin', 'shopkeeper', 'provider', 'viewer'],
    input: z.strictObject({ redemptionId: id, kind: z.enum(['receipt', 'void']).optional() }),
    run: (ctx, p) => {
      const receipt = readReceipt(ctx, p.redemptionId);
      const wanted = p.kind ?? (receipt.voided ? 'void' : 'receipt');
      if (wanted === 'void' && !receipt.voided) throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 未作废 (not voided)`, { reason: 'receipt_not_voided', receiptNo: receipt.data.receiptNo });
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
        throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 已作废，只能打印作废单 (voided)`, { reason: 'receipt_voided', receiptNo: receipt.data.receiptNo, redemptionId: p.redemptionId });
      }
      const config = requirePrinterConfig(ctx.db);
      const reprint = wasPrinted(ctx.db, p.redemptionId);
      const kind = reprint ? 'reprint' : 'receipt';
      const copies = p.copies ?? config.copies;
      await sendToPrinter(ctx, config, layout(ctx, receipt, kind, config.width), copies);
      record(ctx, 'receipts.print', receipt, p.redemptionId, kind, copies);
      return { printed: true as const, reprint, receiptNo: receipt.data.receiptNo };
    },
  }),
  'receipts.printVoid': handler({
    access: ['admin', 'shopkeeper'],
    input: z.strictObject({ redemptionId: id, copies }),
    run: async (ctx, p) => {
      const receipt = readReceipt(ctx, p.redemptionId);
      if (!receipt.voided) throw new AppError('CONFLICT', `兑换单 ${receipt.data.receiptNo} 未作废 (not voided)`, { reason: 'receipt_not_voided', receiptNo: receipt.data.receiptNo, redemptionId: p.redemptionId });
      const config = requirePrinterConfig(ctx.db);
      const copies = p.copies ?? config.copies;
      await sendToPrinter(ctx, config, layout(ctx, receipt, 'void', config.width), copies);
      record(ctx, 'receipts.printVoid', receipt, p.redemptionId, 'void', copies);
      return { printed: true as const, receiptNo: receipt.data.receiptNo };
    },
  }),
};
