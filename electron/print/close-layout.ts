import type { CloseTotals } from '../core/domains/day/close-summary.js';
import { Sheet, type LayoutLine, type ReceiptWidth } from './receipt-layout.js';

/** A close's totals (the same figures the office reconciles) and what the slip adds around them. */
export interface DayCloseSlip extends CloseTotals {
  villageName: string;
  counterId: string;
  closeNo: number;
  /** Village local times, formatted for print. */
  from: string;
  to: string;
  printedAt: string;
  operatorName: string;
  reprint: boolean;
}

const title = { align: 'center', bold: true, tall: true } as const;

/** 日结号 as printed and shown: the counter, then the close number in four digits (C02-0007). */
export const formatCloseNo = (counterId: string, closeNo: number): string => `${counterId}-${String(closeNo).padStart(4, '0')}`;

/** The 日结单: a numbered close that the shopkeeper signs and files with the day's receipts. */
export function layoutDayClose(d: DayCloseSlip, width: ReceiptWidth): LayoutLine[] {
  const sheet = new Sheet(width);
  sheet.text(d.villageName, { align: 'center', bold: true });
  sheet.text('日结单', title);
  if (d.reprint) sheet.text('**** 重打 ****', title);
  sheet.rule('=');
  sheet.field('日结号', formatCloseNo(d.counterId, d.closeNo));
  sheet.field('起', d.from);
  sheet.field('止', d.to);
  sheet.rule();
  sheet.amount('兑换笔数（笔）', String(d.count), { bold: true });
  sheet.amount('兑换积分', String(d.points), { bold: true });
  sheet.amount('作废笔数（笔）', String(d.voids));
  sheet.amount('作废退回积分', String(d.voidPoints));
  sheet.amount('净兑换积分', String(d.points - d.voidPoints), { bold: true });
  sheet.rule();
  sheet.field('首单', d.firstReceiptNo ?? '（无）');
  sheet.field('末单', d.lastReceiptNo ?? '（无）');
  sheet.field('经办人', d.operatorName);
  sheet.field('打印时间', d.printedAt);
  sheet.blank();
  sheet.text('经办人签字：', {});
  sheet.blank();
  sheet.text('核对人签字：', {});
  sheet.blank();
  return sheet.lines;
}
