const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves a file through the browser's download; works the same in Electron and on a LAN browser. */
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

/** An export the server sent as base64 (an Excel workbook unless told otherwise). */
export function downloadBase64(base64: string, fileName: string, mime = xlsxMime): void {
  downloadBlob(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mime }), fileName);
}

/** Text the server made, such as a CSV export. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
