import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

// exceljs is hundreds of files (a quarter of a second to load here, more on a slow disk or under
// tsx) and only exports and imports use it: it is loaded with the first workbook, not with the app
// (server start, every soak child). A synchronous require keeps newWorkbook() synchronous, so no
// caller changes and nothing can start awaiting inside a write transaction; exceljs is CommonJS, so
// require loads exactly what `import` did.
let excel: typeof ExcelJS | undefined;
function exceljs(): typeof ExcelJS {
  return (excel ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS);
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new (exceljs().Workbook)();
  wb.creator = '积分超市';
  return wb;
}

export async function readWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new (exceljs().Workbook)();
  // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
  await wb.xlsx.load(data as never);
  return wb;
}

export async function workbookBase64(wb: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** A cell as the text a person typed, whatever Excel made of it (number, rich text, formula, link). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** Header row: bold on a light fill, frozen, so a long sheet stays readable when scrolled or printed. */
export function styleHeader(ws: ExcelJS.Worksheet, row = 1): void {
  const r = ws.getRow(row);
  r.font = { bold: true };
  r.alignment = { vertical: 'middle', horizontal: 'center' };
  r.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
    c.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: row }];
}

/** A4 portrait, fit to width: the office prints these. */
export function a4(ws: ExcelJS.Worksheet, landscape = false): void {
  ws.pageSetup = { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
