import { displayWidth, leftRight, printable, wrap } from './display-width.js';

/** Columns of font A: 58 mm paper holds 32, 80 mm holds 48 (42 on some 80 mm models). */
export type ReceiptWidth = 32 | 42 | 48;
export const receiptWidths = [32, 42, 48] as const;

export type ReceiptKind = 'receipt' | 'reprint' | 'void';

/**
 * One printed line. Plain JSON: the on-screen preview renders exactly these lines, the printer
 * gets them as ESC/POS. `text` never exceeds the receipt width; `tall` doubles the height only,
 * so it keeps the width.
 */
export interface LayoutLine {
  text: string;
  align: 'left' | 'center';
  bold: boolean;
  tall: boolean;
}

export interface ReceiptItemLine {
  name: string;
  qty: number;
  unit: string;
  unitPoints: number;
  linePoints: number;
}

export interface VoidInfo {
  /** Village local time, formatted for print. */
  time: string;
  reason: string;
  supervisorName: string;
  operatorName: string;
  /** The household's available points now that the void gave them back. */
  availableAfter: number;
}

export interface ReceiptData {
  villageName: string;
  receiptNo: string;
  /** Village local time of the redemption, formatted for print. */
  time: string;
  householdName: string;
  cardNo: string;
  lines: ReceiptItemLine[];
  totalPoints: number;
  /** Available points right after this redemption, as the counter showed them. */
  availableAfter: number;
  operatorName: string;
  /** Supervisor who allowed a redemption outside the redemption days. */
  overrideBy?: string;
  void?: VoidInfo;
}

export interface LayoutOptions {
  width: ReceiptWidth;
  kind: ReceiptKind;
  /** Village local time of this printing; shown on a reprint. */
  printedAt?: string;
  /** A void slip printed again: marked 重打 like a reprinted receipt. */
  reprint?: boolean;
}

export type Style = Partial<Pick<LayoutLine, 'align' | 'bold' | 'tall'>>;

/** Lines that never overflow the paper; other slips (the day summary) lay out on it too. */
export class Sheet {
  readonly lines: LayoutLine[] = [];
  constructor(readonly width: number) {}

  text(s: string, style: Style = {}): void {
    for (const t of wrap(printable(s), this.width)) this.push(t, style);
  }
  field(label: string, value: string, style: Style = {}): void {
    this.text(`${label}：${printable(value)}`, style);
  }
  amount(label: string, value: string, style: Style = {}): void {
    for (const t of leftRight(label, value, this.width)) this.push(t, style);
  }
  rule(ch: '-' | '=' = '-'): void {
    this.push(ch.repeat(this.width), {});
  }
  blank(): void {
    this.push('', {});
  }
  private push(text: string, style: Style): void {
    if (displayWidth(text) > this.width) throw new Error(`layout overflow: ${text}`);
    this.lines.push({ text, align: style.align ?? 'left', bold: style.bold ?? false, tall: style.tall ?? false });
  }
}

// Bare numbers so every amount lines up in the 积分 column; the label names the unit.
const pts = (n: number) => String(n);
const title = { align: 'center', bold: true, tall: true } as const;

function header(sheet: Sheet, villageName: string, heading: string): void {
  sheet.text(villageName, { align: 'center', bold: true });
  sheet.text(heading, title);
}

function items(sheet: Sheet, lines: ReceiptItemLine[]): void {
  sheet.amount('品名  数量×单价', '积分');
  sheet.rule();
  for (const l of lines) {
    sheet.text(l.name);
    sheet.amount(`  ${l.qty}${printable(l.unit)} × ${l.unitPoints}`, String(l.linePoints));
  }
  sheet.rule();
}

function household(sheet: Sheet, d: ReceiptData): void {
  sheet.field('户主', d.householdName);
  sheet.field('卡号', d.cardNo);
}

function receipt(sheet: Sheet, d: ReceiptData, opts: LayoutOptions): void {
  const reprint = opts.kind === 'reprint';
  header(sheet, d.villageName, '积分兑换凭证');
  if (reprint) sheet.text('**** 重打 ****', title);
  sheet.rule('=');
  sheet.field('单号', d.receiptNo);
  sheet.field('时间', d.time);
  if (reprint && opts.printedAt) sheet.field('重打时间', opts.printedAt);
  household(sheet, d);
  sheet.rule();
  items(sheet, d.lines);
  sheet.amount('合计积分', pts(d.totalPoints), { bold: true });
  sheet.amount('兑换后可用积分', pts(d.availableAfter));
  if (d.overrideBy) sheet.field('非兑换日主管授权', d.overrideBy);
  sheet.field('经办人', d.operatorName);
  sheet.rule();
  if (reprint) sheet.text('重打凭证，原单已出', { align: 'center', bold: true });
  sheet.text('请核对后妥善保管', { align: 'center' });
}

function voidSlip(sheet: Sheet, d: ReceiptData, opts: LayoutOptions): void {
  const v = d.void;
  if (!v) throw new Error(`receipt ${d.receiptNo} is not voided`);
  header(sheet, d.villageName, '作废单');
  if (opts.reprint) sheet.text('**** 重打 ****', title);
  sheet.rule('=');
  sheet.field('原单号', d.receiptNo);
  sheet.field('原兑换时间', d.time);
  sheet.field('作废时间', v.time);
  if (opts.reprint && opts.printedAt) sheet.field('重打时间', opts.printedAt);
  household(sheet, d);
  sheet.rule();
  items(sheet, d.lines);
  sheet.amount('退回积分', pts(d.totalPoints), { bold: true });
  sheet.amount('作废后可用积分', pts(v.availableAfter));
  sheet.field('作废原因', v.reason);
  sheet.field('主管', v.supervisorName);
  sheet.field('经办人', v.operatorName);
  sheet.rule();
  if (opts.reprint) sheet.text('重打作废单，原作废单已出', { align: 'center', bold: true });
  sheet.text(`原单 ${d.receiptNo} 作废`, { align: 'center', bold: true });
  sheet.text('积分与库存已退回', { align: 'center' });
}

/** The lines of a receipt, reprint or void slip. Pure: the same data always gives the same lines. */
export function layoutReceipt(data: ReceiptData, opts: LayoutOptions): LayoutLine[] {
  const sheet = new Sheet(opts.width);
  if (opts.kind === 'void') voidSlip(sheet, data, opts);
  else receipt(sheet, data, opts);
  return sheet.lines;
}

export interface TestPageInfo {
  villageName: string;
  type: string;
  target: string;
  time: string;
}

/** Shows at a glance whether the width is right (ruler, full-width row) and rare characters print. */
export function layoutTestPage(width: ReceiptWidth, info: TestPageInfo): LayoutLine[] {
  const sheet = new Sheet(width);
  header(sheet, info.villageName, '打印机测试页');
  sheet.rule('=');
  sheet.field('型号', info.type.toUpperCase());
  sheet.field('接口', info.target);
  sheet.field('宽度', `${width} 列`);
  sheet.field('时间', info.time);
  sheet.rule();
  sheet.text('1234567890'.repeat(5).slice(0, width));
  sheet.text('中'.repeat(width / 2));
  sheet.text('生僻字：𠮷 䶮 㐀 喆 堃 镕');
  sheet.text('上面两行应恰好占满一行', { align: 'center' });
  sheet.rule();
  return sheet.lines;
}
