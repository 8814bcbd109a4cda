/**
 * CSV that Excel on a Chinese Windows opens correctly: a UTF-8 BOM (otherwise it guesses GBK and
 * shows mojibake), CRLF rows, and every field quoted. A field that starts with = + - @ is prefixed
 * with ' so a summary typed at the counter can never run as a formula in the office's Excel.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const field = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
