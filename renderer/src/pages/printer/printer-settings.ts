import type { Params } from '@shared/core/contract';

export type PrinterSettings = Params<'printer.configure'>;
export type PrinterType = PrinterSettings['type'];
export type ReceiptWidth = PrinterSettings['width'];

/** Raw ESC/POS printers, then a printer installed with its OS driver (desktop), then the browser's print dialog. */
export const printerTypes: readonly { value: PrinterType; label: string }[] = [
  { value: 'epson', label: 'EPSON (ESC/POS)' },
  { value: 'star', label: 'STAR' },
  { value: 'driver', label: 'Windows / 系统打印机' },
  { value: 'browser', label: '浏览器打印 / Browser' },
];
export const receiptWidths: readonly ReceiptWidth[] = [32, 42, 48];
/** Pages (driver, browser) come in 58 and 80 mm only. */
export const pageWidths: readonly ReceiptWidth[] = [32, 48];

export const defaultPrinter = { type: 'epson', interface: 'tcp://192.168.1.87:9100', width: 32, copies: 1 } as const;

/** printer.get may answer the settings, { printer: settings }, or null when none are saved yet. */
export function normalizePrinter(raw: unknown): PrinterSettings | null {
  const obj = raw && typeof raw === 'object' && 'printer' in raw ? (raw as { printer: unknown }).printer : raw;
  if (!obj || typeof obj !== 'object') return null;
  const o = obj as Record<string, unknown>;
  const copies = Number.isInteger(o.copies) && (o.copies as number) > 0 ? (o.copies as number) : 1;
  const type = String(o.type).toLowerCase();
  if (type === 'driver' || type === 'browser') {
    const width = Number(o.width) === 48 ? 48 : 32;
    if (type === 'browser') return { type, width, copies };
    return typeof o.deviceName === 'string' ? { type, deviceName: o.deviceName, width, copies } : null;
  }
  const iface = typeof o.interface === 'string' ? o.interface : typeof o.target === 'string' ? o.target : null;
  if (!iface) return null;
  const width = receiptWidths.includes(Number(o.width) as ReceiptWidth) ? (Number(o.width) as ReceiptWidth) : 32;
  return { type: type === 'star' ? 'star' : 'epson', interface: iface, width, copies };
}

// The same rules as the server's printer target (electron/print/printer-target.ts); the server decides.
const tcp = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\d{1,5}))?\/?$/;
const devicePaths = [/^\/dev\/(?!.*\.\.)[A-Za-z0-9_./-]+$/, /^(COM[1-9]\d{0,2}|LPT[1-9])$/i, /^\\\\[A-Za-z0-9._-]+\\[^\\/:*?"<>|]+$/];

/** A network printer (tcp://host[:port], port 9100 by default), a device (/dev/usb/lp0, COM3) or a shared printer (\\host\name). */
export function checkInterface(s: string): boolean {
  const v = s.trim();
  const m = tcp.exec(v);
  if (m) return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 65535);
  return devicePaths.some((re) => re.test(v));
}

export function parseCopies(raw: string): number | null {
  if (!/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= 1 && n <= 5 ? n : null;
}
