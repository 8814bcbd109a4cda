import type { Ctx } from '../../context.js';
import { writeAudit } from '../../audit.js';
import { renderEscPos } from '../../../print/escpos.js';
import type { LayoutLine } from '../../../print/receipt-layout.js';
import { defaultTransport } from '../../../print/transport.js';
import type { PrinterConfig } from './config.js';

/** Sends laid-out lines to the configured printer, outside any transaction: a slow or dead printer never holds the database. */
export async function sendToPrinter(ctx: Ctx, config: PrinterConfig, lines: LayoutLine[], copies = config.copies): Promise<void> {
  await (ctx.deps.printer ?? defaultTransport).send(config.interface, renderEscPos(lines, { type: config.type, copies }));
}

/**
 * Records a print once the printer took the job, so a failed print leaves no trace of having printed:
 * the audit row, and with it whatever else the print writes (`also`, e.g. the receipt print log),
 * in one short transaction of its own.
 */
export function recordPrinted(ctx: Ctx, method: string, summary: string, also?: () => void): void {
  ctx.db.transaction(() => {
    also?.();
    writeAudit(ctx.db, ctx.nowIso, ctx.me.id, method, summary);
  }).immediate();
}
