import { z } from 'zod';
import type { DB } from '../../../../db/connection.js';
import { AppError } from '../../errors.js';
import { getSetting } from '../../settings.js';
import { printable } from '../../../print/display-width.js';
import { parsePrinterTarget } from '../../../print/printer-target.js';
import { receiptWidths } from '../../../print/receipt-layout.js';

const copies = z.number().int().min(1).max(5).optional().default(1);
/** Driver and browser printing lay the page out in millimetres: 58 mm paper holds 32 columns, 80 mm 48. */
const pageWidth = z.literal([32, 48], '纸宽应为 32（58 mm）或 48（80 mm）列');

/** Raw ESC/POS: a network printer (tcp://), a device path, a COM/LPT port or a Windows share. */
const rawPrinter = z.strictObject({
  type: z.enum(['epson', 'star']),
  interface: z
    .string()
    .trim()
    .max(200)
    .refine((s) => parsePrinterTarget(s) !== null, '打印机接口应为 tcp://地址:端口 或设备路径（如 /dev/usb/lp0、COM3、\\\\主机\\共享名）'),
  width: z.literal(receiptWidths, '纸宽应为 32（58 mm）、42 或 48（80 mm）列'),
  copies,
});

/** A printer installed in the OS with its driver (a USB XP-58 on Windows), printed to as a page. */
const driverPrinter = z.strictObject({
  type: z.literal('driver'),
  deviceName: z
    .string()
    .trim()
    .min(1, '请选择系统打印机')
    .max(200)
    .refine((s) => printable(s) === s, '打印机名称含不可见字符'),
  width: pageWidth,
  copies,
});

/** Browser mode: the counter's page prints the receipt through the browser's print dialog. */
const browserPrinter = z.strictObject({ type: z.literal('browser'), width: pageWidth, copies });

export const printerConfigInput = z.discriminatedUnion('type', [rawPrinter, driverPrinter, browserPrinter]);

export type PrinterConfig = z.output<typeof printerConfigInput>;

export const printerSettingKey = 'printer';

/** Where a job goes, for the job list and the audit log. */
export function printerTarget(config: PrinterConfig): string {
  if (config.type === 'driver') return config.deviceName;
  if (config.type === 'browser') return 'browser';
  return config.interface;
}

export function loadPrinterConfig(db: DB): PrinterConfig | null {
  return getSetting<PrinterConfig | null>(db, printerSettingKey, null);
}

export function requirePrinterConfig(db: DB): PrinterConfig {
  const config = loadPrinterConfig(db);
  if (!config)
    throw new AppError('PRINTER_UNAVAILABLE', '未配置打印机，请先在设置中配置小票打印机 (no printer configured)', { reason: 'printer_not_configured' });
  return config;
}
