import { z } from 'zod';
import type { DB } from '../../../../db/connection.js';
import { AppError } from '../../errors.js';
import { getSetting } from '../../settings.js';
import { parsePrinterTarget } from '../../../print/printer-target.js';
import { receiptWidths } from '../../../print/receipt-layout.js';

export const printerConfigInput = z.strictObject({
  type: z.enum(['epson', 'star']),
  interface: z.string().trim().max(200).refine((s) => parsePrinterTarget(s) !== null,
    '打印机接口应为 tcp://地址:端口 或设备路径（如 /dev/usb/lp0、COM3、\\\\主机\\共享名）'),
  width: z.literal(receiptWidths, '纸宽应为 32（58 mm）、42 或 48（80 mm）列'),
  copies: z.number().int().min(1).max(5).optional().default(1),
});

export type PrinterConfig = z.output<typeof printerConfigInput>;

export const printerSettingKey = 'printer';

export function loadPrinterConfig(db: DB): PrinterConfig | null {
  return getSetting<PrinterConfig | null>(db, printerSettingKey, null);
}

export function requirePrinterConfig(db: DB): PrinterConfig {
  const config = loadPrinterConfig(db);
  if (!config) throw new AppError('PRINTER_UNAVAILABLE', '未配置打印机，请先在设置中配置小票打印机 (no printer configured)', { reason: 'printer_not_configured' });
  return config;
}
