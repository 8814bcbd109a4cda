import type { Lang } from '../i18n/messages';

/** Why a print failed, from PRINTER_UNAVAILABLE's reason (electron/print/transport.ts, print-job.ts). */
export type PrintFailureReason =
  'paper_out' | 'cover_open' | 'printer_timeout' | 'printer_unreachable' | 'printer_not_configured' | 'driver_failed' | 'driver_needs_desktop' | 'other';

const known = new Set<PrintFailureReason>([
  'paper_out',
  'cover_open',
  'printer_timeout',
  'printer_unreachable',
  'printer_not_configured',
  'driver_failed',
  'driver_needs_desktop',
]);

export function printFailureReason(e: unknown): PrintFailureReason {
  const reason = typeof e === 'object' && e !== null && 'reason' in e ? (e as { reason?: unknown }).reason : undefined;
  return typeof reason === 'string' && known.has(reason as PrintFailureReason) ? (reason as PrintFailureReason) : 'other';
}

const texts: Record<Lang, Record<Exclude<PrintFailureReason, 'other'>, string>> = {
  zh: {
    paper_out: '打印机缺纸，请装好纸卷',
    cover_open: '打印机纸仓盖未合上，请合上',
    printer_timeout: '打印机没有响应（超时），小票可能已打出，重试将打印"重打"凭证',
    printer_unreachable: '连不上打印机，请检查电源和连线',
    printer_not_configured: '还没有设置打印机',
    driver_failed: '系统打印机打印失败，请检查 Windows 打印机',
    driver_needs_desktop: '系统打印机只能在桌面版中使用',
  },
  en: {
    paper_out: 'the printer is out of paper; load a roll',
    cover_open: 'the printer cover is open; close it',
    printer_timeout: 'the printer did not answer (timeout); the receipt may have printed, a retry prints a copy marked 重打 (reprint)',
    printer_unreachable: 'cannot reach the printer; check its power and cable',
    printer_not_configured: 'no printer is set up yet',
    driver_failed: 'the system printer failed; check the printer in Windows',
    driver_needs_desktop: 'system printers work in the desktop app only',
  },
};

/** The banner's reason text; `fallback` (the server's message) for anything not known here. */
export function printFailureText(reason: PrintFailureReason, lang: Lang, fallback: string): string {
  return reason === 'other' ? fallback : texts[lang][reason];
}
