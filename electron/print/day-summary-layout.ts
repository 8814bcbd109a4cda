import { printable } from './display-width.js';
import { Sheet, type LayoutLine, type ReceiptWidth } from './receipt-layout.js';

export interface DaySummaryData {
  villageName: string;
  date: string;
  /** Village local time of printing. */
  printedAt: string;
  counterId: string;
  bulkDay: boolean;
  households: number;
  redemptions: number;
  points: number;
  voids: number;
  voidPoints: number;
  firstReceiptNo: string | null;
  lastReceiptNo: string | null;
  items: { name: string; unit: string; qty: number; points: number }[];
  /** Stock left of the bundle's goods, so the shelf can be checked against the slip. */
  stockLeft: { name: string; unit: string; stock: number }[];
  operatorName: string;
}

const title = { align: 'center', bold: true, tall: true } as const;

/** The end-of-day slip of a (bulk) redemption day: totals, what left the shelf, what is left. */
export function layoutDaySummary(d: DaySummaryData, width: ReceiptWidth): LayoutLine[] {
  const sheet = new Sheet(width);
  sheet.text(d.villageName, { align: 'center', bold: true });
  sheet.text(d.bulkDay ? '集中兑换日汇总' : '兑换日汇总', title);
  sheet.rule('=');
  sheet.field('日期', d.date);
  sheet.field('柜台', d.counterId);
  sheet.field('打印时间', d.printedAt);
  sheet.rule();
  sheet.amount('服务农户（户）', String(d.households), { bold: true });
  sheet.amount('兑换笔数（笔）', String(d.redemptions));
  sheet.amount('兑换积分', String(d.points), { bold: true });
  if (d.voids > 0) sheet.amount(`作废 ${d.voids} 笔，退回积分`, String(d.voidPoints));
  sheet.rule();
  sheet.amount('品名  数量', '积分');
  sheet.rule();
  if (d.items.length === 0) sheet.text('（无兑换）', { align: 'center' });
  for (const i of d.items) {
    sheet.text(i.name);
    sheet.amount(`  ${i.qty}${printable(i.unit)}`, String(i.points));
  }
  if (d.stockLeft.length > 0) {
    sheet.rule();
    sheet.text('兑换套餐剩余库存', { bold: true });
    for (const s of d.stockLeft) sheet.amount(s.name, `${s.stock}${printable(s.unit)}`);
  }
  sheet.rule();
  if (d.firstReceiptNo) sheet.field('首单', d.firstReceiptNo);
  if (d.lastReceiptNo) sheet.field('末单', d.lastReceiptNo);
  sheet.field('经办人', d.operatorName);
  sheet.blank();
  sheet.text('核对人签字：', {});
  sheet.blank();
  return sheet.lines;
}
