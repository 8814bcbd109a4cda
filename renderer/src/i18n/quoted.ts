/**
 * A sentence in the app's words that quotes the village's own data (an item's name, its unit, a
 * household's name): split so each quote can be marked as data, which stays as written in any
 * language. Only the given values are quoted: nothing is guessed from the script it is written in.
 */
export interface Piece {
  text: string;
  quoted: boolean;
}

export function quotePieces(text: string, quotes: readonly string[]): Piece[] {
  const wanted = [...new Set(quotes.filter((q) => q.trim()))].sort((a, b) => b.length - a.length);
  const pieces: Piece[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const q = wanted.find((w) => text.startsWith(w, i));
    if (q) {
      if (plain) pieces.push({ text: plain, quoted: false });
      plain = '';
      pieces.push({ text: q, quoted: true });
      i += q.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) pieces.push({ text: plain, quoted: false });
  return pieces;
}

/** A table column's `onCell` for a column of village data (names, notes): the cells are marked as such. */
export const userDataCell = () => ({ 'data-user-text': true }) as object;
