import { describe, expect, it } from 'vitest';
import { escapeHtml, receiptPage } from './receipt-html.js';
import { layoutReceipt, type LayoutLine } from './receipt-layout.js';

const line = (text: string, style: Partial<LayoutLine> = {}): LayoutLine => ({ text, align: 'left', bold: false, tall: false, ...style });

/** The page's lines as text, tags removed and entities decoded. */
function pageText(html: string): string[] {
  const body = /<div class="paper">(.*)<\/div><\/body>/.exec(html)![1];
  return [...body.matchAll(/<div class="([^"]*)">(.*?)<\/div>/g)].map((m) =>
    m[2]
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

describe('receiptPage', () => {
  it('escapes what could be markup', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    const { html } = receiptPage([line('户主：<img src=x onerror=alert(1)>&amp;')], 32);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
    expect(pageText(html)).toEqual(['户主：<img src=x onerror=alert(1)>&amp;']);
  });

  it('holds exactly the layout lines, the 重打 line included', () => {
    const lines = layoutReceipt(
      {
        villageName: '示范村',
        receiptNo: 'C01-2026-000123',
        time: '2026-03-15 10:00:00',
        householdName: '张𠮷',
        cardNo: '66010001',
        lines: [{ name: '洗衣粉', qty: 2, unit: '袋', unitPoints: 15, linePoints: 30 }],
        totalPoints: 30,
        availableAfter: 70,
        operatorName: '李店长',
      },
      { width: 32, kind: 'reprint', printedAt: '2026-03-16 09:00:00' },
    );
    const { html } = receiptPage(lines, 32);
    expect(pageText(html)).toEqual(lines.map((l) => l.text));
    expect(pageText(html)).toContain('**** 重打 ****');
  });

  it('gives every full-width character a two-column box, in a monospace font with Chinese', () => {
    const { html } = receiptPage([line('合计 40')], 32);
    expect(html).toContain('<span class="w">合</span><span class="w">计</span> 40');
    expect(html).toContain('.w { display: inline-block; width: 2ch;');
    expect(html).toMatch(/font-family: "NSimSun", "新宋体", "SimSun", [^;]*monospace;/);
    // A surrogate pair is one character, one box.
    expect(receiptPage([line('𠮷')], 32).html).toContain('<span class="w">𠮷</span>');
  });

  it('sizes the page: 58 mm for 32 columns, 80 mm for 48, as tall as its lines', () => {
    const short = receiptPage([line('a')], 32);
    const long = receiptPage(
      Array.from({ length: 40 }, () => line('a')),
      32,
    );
    expect(short.widthMicrons).toBe(58000);
    expect(receiptPage([line('a')], 48).widthMicrons).toBe(80000);
    expect(long.heightMicrons).toBeGreaterThan(short.heightMicrons);
    expect(short.html).toContain('.paper { width: 32ch;');
    expect(receiptPage([line('a')], 48).html).toContain('.paper { width: 48ch;');
    expect(short.html).toContain(`@page { size: 58mm ${short.heightMicrons / 1000}mm; margin: 0; }`);
    // A tall line takes two rows.
    expect(receiptPage([line('a', { tall: true })], 32).heightMicrons).toBeGreaterThan(short.heightMicrons);
  });

  it('marks bold, tall and centred lines', () => {
    const { html } = receiptPage([line('积分兑换凭证', { align: 'center', bold: true, tall: true }), line('x', { bold: true }), line('')], 32);
    expect(html).toContain('<div class="l center b t">');
    expect(html).toContain('<div class="l left b">x</div>');
    expect(html).toContain('<div class="l left">&nbsp;</div>');
    expect(html).toContain('.b { font-weight: 700; }');
    expect(html).toMatch(/\.t \{[^}]*transform: scaleY\(2\)/);
  });
});
