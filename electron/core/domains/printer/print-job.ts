import type { Ctx, PrintHost } from '../../context.js';
import { writeAudit } from '../../audit.js';
import { AppError } from '../../errors.js';
import { renderEscPos } from '../../../print/escpos.js';
import type { LayoutLine } from '../../../print/receipt-layout.js';
import { receiptPage } from '../../../print/receipt-html.js';
import { defaultTransport, type SendHooks } from '../../../print/transport.js';
import { printerTarget, type PrinterConfig } from './config.js';
import { addEvent, failureReason, queueJob, withJob, type Copy, type JobKind } from './jobs.js';

export interface PrintRequest {
  kind: JobKind;
  redemptionId?: number;
  receiptNo?: string;
  copies?: number;
  /** The lines of this copy: the original or its 重打, as the job table decided. */
  lines: (copy: Copy | null) => LayoutLine[];
  /** The audit row, written once the printer has the job. */
  method: string;
  summary: (copy: Copy | null) => string;
  /** Whatever else records the print in the same transaction (the old receipt print log). */
  also?: (copy: Copy | null) => void;
}

export interface PrintOutcome {
  jobId: number;
  /** done: the printer (or the OS's spooler) has it; sent: handed to the browser's print dialog. */
  state: 'done' | 'sent';
  copy: Copy | null;
  via: PrinterConfig['type'];
  /** Browser printing: what the page prints, at what width. */
  lines?: LayoutLine[];
  width?: number;
}

/** How long the OS's print spooler may take to accept a driver job. */
const driverTimeoutMs = 30_000;

function needHost(ctx: Ctx): PrintHost {
  const host = ctx.deps.printHost;
  if (!host) {
    throw new AppError('PRINTER_UNAVAILABLE', '系统打印机只能在桌面版中使用 (driver printers need the desktop app)', { reason: 'driver_needs_desktop' });
  }
  return host;
}

/** A driver print: the OS's spooler answers through Electron; a late answer still counts, as done late. */
function printViaDriver(
  host: PrintHost,
  config: Extract<PrinterConfig, { type: 'driver' }>,
  lines: LayoutLine[],
  copies: number,
  hooks: SendHooks,
): Promise<void> {
  hooks.onSending?.();
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(
        new AppError('PRINTER_UNAVAILABLE', `系统打印机 ${config.deviceName} 无响应（超时）。兑换已保存，可稍后补打。`, {
          target: config.deviceName,
          reason: 'printer_timeout',
        }),
      );
    }, driverTimeoutMs);
    const page = receiptPage(lines, config.width);
    host.printHtml({ deviceName: config.deviceName, html: page.html, widthMicrons: page.widthMicrons, heightMicrons: page.heightMicrons, copies }).then(
      () => {
        clearTimeout(timer);
        if (timedOut) hooks.onLateDone?.();
        else resolve();
      },
      (e: unknown) => {
        clearTimeout(timer);
        if (timedOut) return;
        reject(
          new AppError(
            'PRINTER_UNAVAILABLE',
            `系统打印机 ${config.deviceName} 打印失败：${e instanceof Error ? e.message : String(e)}。兑换已保存，可稍后补打。`,
            { target: config.deviceName, reason: 'driver_failed' },
          ),
        );
      },
    );
  });
}

async function deliver(ctx: Ctx, config: PrinterConfig, lines: LayoutLine[], copies: number, hooks: SendHooks): Promise<'done' | 'sent'> {
  switch (config.type) {
    case 'epson':
    case 'star':
      await (ctx.deps.printer ?? defaultTransport).send(config.interface, renderEscPos(lines, { type: config.type, copies }), hooks);
      return 'done';
    case 'driver':
      await printViaDriver(needHost(ctx), config, lines, copies, hooks);
      return 'done';
    case 'browser':
      // The counter's page prints it (window.print); nothing here can learn whether paper came out.
      hooks.onSending?.();
      return 'sent';
  }
}

/**
 * One print, as a job: queued (the copy decided), sent (its bytes may reach paper from here on),
 * then done or failed with a reason. Runs outside any transaction but its own short ones, so a slow
 * printer never holds the database. A job that failed on a timeout and completes later is recorded
 * as done, late; the claim on the original it took when it was sent makes every retry a 重打.
 */
export async function printJob(ctx: Ctx, config: PrinterConfig, req: PrintRequest): Promise<PrintOutcome> {
  if (config.type === 'driver') needHost(ctx);
  const copies = req.copies ?? config.copies;
  const { jobId, copy } = queueJob(ctx, {
    kind: req.kind,
    redemptionId: req.redemptionId,
    receiptNo: req.receiptNo,
    via: config.type,
    target: printerTarget(config),
    copies,
  });
  const lines = req.lines(copy);
  let sent = false;
  const now = () => ctx.deps.clock.now().toISOString();
  const hooks: SendHooks = {
    onSending: () => {
      if (sent) return;
      sent = true;
      addEvent(ctx.db, jobId, 'sent', now());
    },
    onLateDone: () => {
      try {
        addEvent(ctx.db, jobId, 'done', now(), { late: true });
      } catch {
        // the database was restored from a backup meanwhile; the job is not in it
      }
    },
  };
  let state: 'done' | 'sent';
  try {
    state = await deliver(ctx, config, lines, copies, hooks);
  } catch (e) {
    const reason = failureReason(e);
    addEvent(ctx.db, jobId, 'failed', now(), { reason });
    throw withJob(e, jobId, reason);
  }
  ctx.db
    .transaction(() => {
      if (!sent) addEvent(ctx.db, jobId, 'sent', ctx.nowIso);
      if (state === 'done') addEvent(ctx.db, jobId, 'done', now());
      req.also?.(copy);
      writeAudit(ctx.db, ctx.nowIso, ctx.me.id, req.method, req.summary(copy));
    })
    .immediate();
  return { jobId, state, copy, via: config.type, ...(config.type === 'browser' ? { lines, width: config.width } : {}) };
}
