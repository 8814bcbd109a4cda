import { describe, expect, it } from 'vitest';
import { displayWidth } from '@shared/print/display-width';
import { fallbackReceipt, normalizeLines, type PaperLine } from './receipt-lines';

const paperText = (lines: readonly PaperLine[]): string => lines.map((l) => l.text).join('\n');

describe('receipt lines', () => {
  it('accepts layout lines or bare strings', () => {
    const lines = normalizeLines([{ text: '红阳村', align: 'center', bold: true, tall: false }, 'plain']);
    expect(lines).toEqual([
      { text: '红阳村', align: 'center', bold: true, tall: false },
      { text: 'plain', align: 'left', bold: false, tall: false },
    ]);
    expect(paperText(lines)).toBe('红阳村\nplain');
    expect(normalizeLines(undefined)).toEqual([]);
  });
  it('lays out a fallback receipt within the width', () => {
    const lines = fallbackReceipt(
      {
        villageName: '红阳村',
        receiptNo: 'C01-2026-000001',
        time: '2026-11-29 10:00:00',
        householdName: '刘䶮',
        cardNo: '66010002',
        operatorName: '李芳',
        totalPoints: 68,
        lines: [
          { name: '食用油 5L', qty: 1, unit: '桶', unitPoints: 60, linePoints: 60 },
          { name: '牙膏', qty: 1, unit: '支', unitPoints: 8, linePoints: 8 },
        ],
        availableAfter: 1,
      },
      32,
    );
    for (const l of lines) expect(displayWidth(l.text)).toBeLessThanOrEqual(32);
    const text = paperText(lines);
    expect(text).toContain('C01-2026-000001');
    expect(text).toContain('刘䶮');
    expect(text).toMatch(/合计积分 +68/);
  });
});
