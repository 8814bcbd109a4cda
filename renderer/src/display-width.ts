/**
 * Printed columns, by the same rule as the receipt printer module (electron/print/display-width):
 * in Chinese mode a thermal printer prints ASCII half-width and every multi-byte (GB18030)
 * character full-width — CJK, rare characters (𠮷 䶮), and symbols such as × and ·.
 */
export function charWidth(cp: number): 1 | 2 {
  return cp < 0x80 ? 1 : 2;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Label on the left, value on the right, padded to exactly `width` columns (when it fits). */
export function leftRight(left: string, right: string, width: number): string {
  const gap = width - displayWidth(left) - displayWidth(right);
  return gap >= 1 ? `${left}${' '.repeat(gap)}${right}` : `${left} ${right}`;
}

/**
 * A line cut into runs of half-width text and single full-width characters, so the screen can give
 * each full-width character exactly two columns whatever the font (no common font is exactly 2:1).
 */
export function columnRuns(s: string): { text: string; wide: boolean }[] {
  const runs: { text: string; wide: boolean }[] = [];
  for (const ch of s) {
    const wide = charWidth(ch.codePointAt(0)!) === 2;
    const last = runs[runs.length - 1];
    if (!wide && last && !last.wide) last.text += ch;
    else runs.push({ text: ch, wide });
  }
  return runs;
}
