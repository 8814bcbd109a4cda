import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width.js';
import { layoutReceipt, layoutTestPage, receiptWidths, type LayoutLine, type ReceiptData } from './receipt-layout.js';

const data: ReceiptData = {
  villageName: '示范村',
  receiptNo: 'C01-2026-000123',
  time: '2026-03-15 10:00:00',
  householdName: '张𠮷',
  cardNo: '66010001',
  lines: [
    { name: '洗衣粉', qty: 2, unit: '袋', unitPoints: 15, linePoints: 30 },
    { name: '剪头发', qty: 1, unit: '次', unitPoints: 10, linePoints: 10 },
  ],
  totalPoints: 40,
  availableAfter: 160,
  operatorName: '李店长',
};

const longData: ReceiptData = {
  ...data,
  villageName: '某某省某某市某某县某某镇某某村民委员会积分制超市',
  householdName: '𠮷䶮㐀𠮷䶮㐀𠮷䶮㐀𠮷䶮㐀𠮷䶮㐀𠮷䶮㐀𠮷䶮㐀𠮷䶮㐀',
  cardNo: '6601-0000-0000-0000-0000-0000-01',
  lines: [
    { name: '超级浓缩高效去污洗衣粉（薰衣草香型）家庭装 5000g 大包装特惠', qty: 10000, unit: '大包装袋', unitPoints: 999999, linePoints: 9999990000 },
    { name: 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ', qty: 1, unit: 'pcs', unitPoints: 1, linePoints: 1 },
  ],
  totalPoints: 9999990001,
  availableAfter: -123456789,
  operatorName: '操作员名字特别特别特别特别长长长长长长长长长长长',
  overrideBy: '王主管',
  void: {
    time: '2026-03-15 11:00:00',
    reason: '扫错商品，顾客要求退回。'.repeat(5),
    supervisorName: '王主管𠮷',
    operatorName: '李店长',
    availableAfter: 200,
  },
};

const texts = (lines: LayoutLine[]) => lines.map((l) => l.text).join('\n');

describe('receipt layout', () => {
  it('holds every required field', () => {
    const out = texts(layoutReceipt(data, { width: 32, kind: 'receipt' }));
    for (const s of [
      '示范村',
      '积分兑换凭证',
      'C01-2026-000123',
      '2026-03-15 10:00:00',
      '张𠮷',
      '66010001',
      '洗衣粉',
      '2袋 × 15',
      '30',
      '剪头发',
      '合计积分',
      '兑换后可用积分',
      '李店长',
    ]) {
      expect(out).toContain(s);
    }
    expect(out).not.toContain('重打');
  });

  it('aligns amounts flush right at the receipt width', () => {
    const lines = layoutReceipt(data, { width: 32, kind: 'receipt' });
    const total = lines.find((l) => l.text.startsWith('合计积分'))!;
    expect(total).toMatchObject({ bold: true, align: 'left' });
    expect(displayWidth(total.text)).toBe(32);
    expect(total.text).toMatch(/ 40$/);
    expect(lines.find((l) => l.text.startsWith('兑换后可用积分'))!.text).toMatch(/ 160$/);
    expect(lines.find((l) => l.text.startsWith('  2袋 × 15'))!.text).toMatch(/ 30$/);
  });

  it('marks a reprint prominently, at the top and bottom', () => {
    const lines = layoutReceipt(data, { width: 32, kind: 'reprint', printedAt: '2026-03-16 09:00:00' });
    const mark = lines.find((l) => l.text.includes('重打'))!;
    expect(mark).toEqual({ text: '**** 重打 ****', align: 'center', bold: true, tall: true });
    expect(lines.indexOf(mark)).toBeLessThan(4);
    expect(texts(lines)).toContain('重打时间：2026-03-16 09:00:00');
    expect(texts(lines.slice(-3))).toContain('重打');
  });

  it('prints a void slip naming the original receipt, reason and supervisor', () => {
    const out = texts(layoutReceipt({ ...data, void: { ...longData.void!, reason: '扫错商品' } }, { width: 32, kind: 'void' }));
    for (const s of ['作废单', '原单号：C01-2026-000123', '作废原因：扫错商品', '主管：王主管𠮷', '退回积分', '作废后可用积分']) {
      expect(out).toContain(s);
    }
    expect(out).not.toContain('积分兑换凭证');
  });

  it('refuses a void slip for a redemption that is not voided', () => {
    expect(() => layoutReceipt(data, { width: 32, kind: 'void' })).toThrow(/not voided/);
  });

  it('never lets a line overflow, whatever the width, kind or text', () => {
    for (const width of receiptWidths) {
      for (const kind of ['receipt', 'reprint', 'void'] as const) {
        for (const d of [data, longData]) {
          const lines = layoutReceipt({ ...d, void: d.void ?? longData.void }, { width, kind, printedAt: '2026-03-16 09:00:00' });
          for (const l of lines) expect(displayWidth(l.text), `${width} ${kind}: ${l.text}`).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('wraps long names without losing characters', () => {
    const out = layoutReceipt(longData, { width: 32, kind: 'receipt' })
      .map((l) => l.text)
      .join('');
    expect(out).toContain(longData.householdName.slice(0, 20));
    expect(out.replace(/\s/g, '')).toContain('超级浓缩高效去污洗衣粉（薰衣草香型）家庭装5000g大包装特惠');
  });

  it('keeps control bytes out of the lines', () => {
    const lines = layoutReceipt({ ...data, householdName: '张\x1bi\x1dV三' }, { width: 32, kind: 'receipt' });
    expect(texts(lines)).toContain('户主：张iV三');
    // eslint-disable-next-line no-control-regex -- looking for control bytes is the point of this test
    expect(texts(lines)).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
  });

  it('is plain JSON for the on-screen preview', () => {
    const lines = layoutReceipt(data, { width: 48, kind: 'receipt' });
    expect(JSON.parse(JSON.stringify(lines))).toEqual(lines);
  });
});

describe('test page', () => {
  it('fills the width exactly with the ruler and the Chinese row', () => {
    for (const width of receiptWidths) {
      const lines = layoutTestPage(width, { villageName: '示范村', type: 'epson', target: 'tcp://127.0.0.1:9100', time: '2026-03-15 10:00:00' });
      expect(lines.some((l) => l.text === '中'.repeat(width / 2))).toBe(true);
      expect(texts(lines)).toContain('𠮷');
      for (const l of lines) expect(displayWidth(l.text)).toBeLessThanOrEqual(width);
    }
  });
});
