import { describe, expect, it } from 'vitest';
import { decodeText } from '../../e2e/support/fake-printer.js';
import { renderEscPos } from './escpos.js';
import type { LayoutLine } from './receipt-layout.js';

const line = (text: string, style: Partial<LayoutLine> = {}): LayoutLine => ({ text, align: 'left', bold: false, tall: false, ...style });

const lines = [line('积分兑换凭证', { align: 'center', bold: true, tall: true }), line('户主：张𠮷'), line('合计积分      40', { bold: true })];

const hex = (...b: number[]) => Buffer.from(b).toString('hex');
describe('ESC/POS bytes (EPSON)', () => {
  const bytes = renderEscPos(lines, { type: 'epson' });
  const h = bytes.toString('hex');

  it('starts by resetting the printer and entering Chinese mode', () => {
    expect(h.startsWith(hex(0x1b, 0x40, 0x1c, 0x26))).toBe(true);
  });

  it('styles the title centred, bold and tall, for ASCII and Chinese characters', () => {
    expect(h).toContain(hex(0x1b, 0x61, 0x01) + hex(0x1b, 0x45, 0x01) + hex(0x1b, 0x21, 0x10) + hex(0x1c, 0x21, 0x08));
  });

  it('sends names as GB18030, four bytes for 𠮷, each line ended by LF', () => {
    // 张 = D5C5, 𠮷 = 9534B235 (GB18030 four-byte), then LF.
    expect(h).toContain('d5c5' + '9534b235' + '0a');
  });

  it('ends with feed, full cut and a reset', () => {
    expect(h.endsWith(hex(0x1b, 0x64, 0x04, 0x1b, 0x64, 0x04, 0x1d, 0x56, 0x00, 0x1b, 0x40))).toBe(true);
  });

  it('decodes back to the layout text', () => {
    expect(decodeText(bytes)).toBe(`${lines.map((l) => l.text).join('\n')}\n`);
  });

  it('repeats the whole receipt, cut included, for each copy', () => {
    const two = renderEscPos(lines, { type: 'epson', copies: 2 });
    expect(two).toEqual(Buffer.concat([bytes, bytes]));
    expect(decodeText(two).match(/张𠮷/g)).toHaveLength(2);
  });
});

describe('ESC/POS bytes (STAR)', () => {
  const bytes = renderEscPos(lines, { type: 'star' });
  const h = bytes.toString('hex');

  it('uses STAR line-mode commands', () => {
    expect(h.startsWith(hex(0x1b, 0x40, 0x1b, 0x24, 0x31))).toBe(true);
    expect(h).toContain(hex(0x1b, 0x1d, 0x61, 0x01) + hex(0x1b, 0x45) + hex(0x1b, 0x69, 0x01, 0x00));
    expect(h.endsWith(hex(0x1b, 0x64, 0x02, 0x1b, 0x40))).toBe(true);
  });

  it('decodes back to the layout text', () => {
    expect(decodeText(bytes, 'star')).toBe(`${lines.map((l) => l.text).join('\n')}\n`);
  });
});
