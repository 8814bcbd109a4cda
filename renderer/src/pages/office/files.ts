/** Saves a file the server sent as base64 (an Excel workbook) through the browser's download. */
export function downloadBase64(base64: string, fileName: string, mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  downloadBlob(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mime }), fileName);
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
