import { charWidth } from './display-width.js';
import type { LayoutLine } from './receipt-layout.js';

/**
 * The receipt as one HTML page, for printers installed with their OS driver (webContents.print):
 * the same lines as the ESC/POS receipt and the on-screen preview, in the same columns. Every
 * full-width character gets a box exactly two columns wide (no font is exactly 2:1), so amounts
 * line up as they do on a raw ESC/POS printer.
 */

/** 58 mm paper prints about 48 mm; 80 mm about 72 mm. */
const printableMm = { 58: 48, 80: 72 } as const;
/** Height of one line in em; a tall line is twice as high. */
const lineEm = 1.25;
const marginMm = 3;

// Monospace fonts with Chinese: NSimSun (新宋体) ships with every Chinese Windows and has exactly
// half-width Latin; the others are what UOS/Kylin and Linux boxes have.
const fonts = `"NSimSun", "新宋体", "SimSun", "WenQuanYi Micro Hei Mono", "WenQuanYi Zen Hei Mono", "Sarasa Mono SC", "Noto Sans Mono CJK SC", monospace`;

export interface ReceiptPage {
  html: string;
  /** For webContents.print's pageSize, in microns. */
  widthMicrons: number;
  heightMicrons: number;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => escapes[c]);

function lineHtml(l: LayoutLine): string {
  let out = '',
    narrow = '';
  for (const ch of l.text) {
    if (charWidth(ch) === 1) {
      narrow += ch;
      continue;
    }
    out += escapeHtml(narrow) + `<span class="w">${escapeHtml(ch)}</span>`;
    narrow = '';
  }
  out += escapeHtml(narrow);
  const cls = ['l', l.align, l.bold ? 'b' : '', l.tall ? 't' : ''].filter(Boolean).join(' ');
  return `<div class="${cls}">${out || '&nbsp;'}</div>`;
}

/** The page for `lines` laid out `width` columns wide, on 58 mm (32 columns) or 80 mm (48) paper. */
export function receiptPage(lines: readonly LayoutLine[], width: 32 | 48): ReceiptPage {
  const paper = width === 32 ? 58 : 80;
  // One column is 1ch; monospace fonts make 1ch about 0.6em, so the font size that fills the
  // printable width is this (2.5 mm ≈ 7 pt on 58 mm paper).
  const fontMm = Math.round((printableMm[paper] / width / 0.6) * 100) / 100;
  const rows = lines.reduce((n, l) => n + (l.tall ? 2 : 1), 0);
  const heightMm = Math.ceil(rows * lineEm * fontMm + 2 * marginMm + 10);
  const css = [
    `@page { size: ${paper}mm ${heightMm}mm; margin: 0; }`,
    `html, body { margin: 0; padding: 0; background: #fff; color: #000; }`,
    `.paper { width: ${width}ch; margin: ${marginMm}mm auto; font-family: ${fonts}; font-size: ${fontMm}mm; line-height: ${lineEm}; white-space: pre; }`,
    `.w { display: inline-block; width: 2ch; text-align: center; }`,
    `.l { display: block; height: ${lineEm}em; overflow: visible; }`,
    `.center { text-align: center; }`,
    `.b { font-weight: 700; }`,
    // Double height only, like ESC/POS's tall print: the width (columns) stays the same.
    `.t { height: ${2 * lineEm}em; line-height: ${2 * lineEm}; transform: scaleY(2); transform-origin: center; }`,
  ].join('\n');
  const html =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>receipt</title><style>${css}</style></head>` +
    `<body><div class="paper">${lines.map(lineHtml).join('')}</div></body></html>`;
  return { html, widthMicrons: paper * 1000, heightMicrons: heightMm * 1000 };
}
