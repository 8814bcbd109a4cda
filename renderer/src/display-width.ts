import { charWidth } from '@shared/print/display-width';

/**
 * A line cut into runs of half-width text and single full-width characters, so the screen can give
 * each full-width character exactly two columns whatever the font (no common font is exactly 2:1).
 * Widths follow the receipt printer's own rule (electron/print/display-width, shared with the
 * renderer: it is pure): ASCII one column, every other character, × and · included, two.
 */
export function columnRuns(s: string): { text: string; wide: boolean }[] {
  const runs: { text: string; wide: boolean }[] = [];
  for (const ch of s) {
    const wide = charWidth(ch) === 2;
    const last = runs[runs.length - 1];
    if (!wide && last && !last.wide) last.text += ch;
    else runs.push({ text: ch, wide });
  }
  return runs;
}
