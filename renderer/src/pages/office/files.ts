/** A picked file as base64 without the data: prefix, as the API takes it. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => fail(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** A row-by-row error report as a CSV the office can open next to the roster (BOM: Excel reads UTF-8). */
export function errorReportCsv(errors: { row: number; message: string }[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `\uFEFF${['行号,问题', ...errors.map((e) => `${e.row},${q(e.message)}`)].join('\r\n')}\r\n`;
}
