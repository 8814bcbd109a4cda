/**
 * Receipt layout by printed columns. In Chinese mode a thermal printer prints every multi-byte
 * (GB18030) character as a full-width glyph, and only ASCII as half-width, so the width of a
 * character follows its encoding: ASCII is 1 column, everything else 2. That also covers symbols
 * such as × and ·, which East Asian Width calls "ambiguous" but the printer prints full-width.
 * Strings are split by code point, so a surrogate pair (𠮷) is one character.
 */

export function charWidth(ch: string): 1 | 2 {
  return (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

// Controls would be sent to the printer as commands (a name holding ESC could cut the paper);
// variation selectors and zero-width marks have no glyph in a printer font and would print as junk.
// Not a /u regex on purpose: it must see lone surrogates, so it names control characters and surrogate halves one by one.
/* eslint-disable no-control-regex, no-misleading-character-class */
const unprintable =
  /[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\ufe00-\ufe0f\ufeff]|\udb40[\udd00-\uddef]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex, no-misleading-character-class */

/** Text as it may reach the printer: one line, no control bytes, no invisible characters. */
export function printable(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').replace(unprintable, '');
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/**
 * Breaks text into lines of at most `width` columns. A run of ASCII (a receipt number, a
 * barcode, "500g") moves to the next line whole when it fits there; Chinese breaks anywhere.
 */
export function wrap(s: string, width: number): string[] {
  if (width < 2) throw new RangeError('wrap width must be at least 2 columns');
  const lines: string[] = [];
  let line = '';
  for (const token of s.match(/[\x21-\x7e]+|\s+|[^\s\x21-\x7e]/gu) ?? []) {
    if (/^\s+$/.test(token)) {
      if (line && displayWidth(line) < width) line += ' ';
      continue;
    }
    const tw = displayWidth(token);
    if (displayWidth(line) + tw <= width) {
      line += token;
      continue;
    }
    if (line.trim() && tw <= width) {
      lines.push(line.trimEnd());
      line = token;
      continue;
    }
    for (const ch of token) {
      if (displayWidth(line) + charWidth(ch) > width) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * `left` and `right` on one line with `right` flush to the edge; when both do not fit, left wraps
 * over full lines and `right` goes flush right under it. Never loses text, never overflows.
 */
export function leftRight(left: string, right: string, width: number, gap = 1): string[] {
  const rw = displayWidth(right);
  const lw = displayWidth(left);
  if (lw + gap + rw <= width) return [left + ' '.repeat(width - lw - rw) + right];
  const rightLines = rw > width ? wrap(right, width) : [padStart(right, width)];
  return [...wrap(left, width), ...rightLines];
}
