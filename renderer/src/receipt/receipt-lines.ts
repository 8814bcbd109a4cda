import { leftRight } from '../display-width';

/** A line as receipts.preview sends it (the receipt layout's LayoutLine); bare strings are accepted too. */
export interface PreviewLine {
  text: string;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  tall?: boolean;
}

/** A line of the on-screen "paper": the same text the printer gets, styled the same way. */
export interface PaperLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  tall: boolean;
}

export function normalizeLines(lines: readonly (PreviewLine | string)[] | undefined | null): PaperLine[] {
  return (lines ?? []).map((l) => (typeof l === 'string'
    ? { text: l, align: 'left', bold: false, tall: false }
    : { text: l.text ?? '', align: l.align ?? 'left', bold: !!l.bold, tall: !!l.tall }));
}

/** The paper box's text content: one line per printed line. */
export const paperText = (lines: readonly PaperLine[]): string => lines.map((l) => l.text).join('\n');

export interface ReceiptSource {
  receiptNo: string;
  time: string;
  headName: string;
  cardNo: string;
  operatorName: string;
  totalPoints: number;
  lines: { name: string; qty: number; unit: string; unitPoints: number; linePoints: number }[];
}

/**
 * Used only when the server cannot lay the receipt out (an older server without receipts.preview):
 * a plain rendering of the same facts, so the shopkeeper still sees what was redeemed.
 */
export function fallbackReceipt(r: ReceiptSource, opts: { villageName: string; width: number; availableAfter?: number }): PaperLine[] {
  const w = opts.width;
  const out: PaperLine[] = [];
  const push = (text: string, style: Partial<PaperLine> = {}) => out.push({ text, align: 'left', bold: false, tall: false, ...style });
  push(opts.villageName, { align: 'center', bold: true });
  push('积分兑换凭证', { align: 'center', bold: true, tall: true });
  push('='.repeat(w));
  push(`单号：${r.receiptNo}`);
  push(`时间：${r.time}`);
  push(`户主：${r.headName}`);
  push(`卡号：${r.cardNo}`);
  push('-'.repeat(w));
  push(leftRight('品名  数量×单价', '积分', w));
  push('-'.repeat(w));
  for (const l of r.lines) {
    push(l.name);
    push(leftRight(`  ${l.qty}${l.unit} × ${l.unitPoints}`, String(l.linePoints), w));
  }
  push('-'.repeat(w));
  push(leftRight('合计积分', String(r.totalPoints), w), { bold: true });
  if (opts.availableAfter !== undefined) push(leftRight('兑换后可用积分', String(opts.availableAfter), w));
  push(`经办人：${r.operatorName}`);
  push('-'.repeat(w));
  push('请核对后妥善保管', { align: 'center' });
  return out;
}
