import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
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

/** A sheet's row as the streaming reader gives it: its number and its cells. */
export type SheetRow = ExcelJS.Row;

export class SheetTooLarge extends Error {}

interface ZipEntry {
  path: string;
  stream(): NodeJS.ReadableStream;
}
interface ExcelStreamReader {
  sharedStrings?: unknown[];
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<{ index: number; text: unknown }>;
  _parseWorksheet(rows: AsyncIterable<unknown>, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<SheetRow> }>;
}

/**
 * The rows of one sheet, read as they are inflated, so a file that unpacks to millions of rows
 * costs no more than the rows the caller takes before it stops. exceljs's own WorkbookReader reads
 * the zip front to back and parks every sheet that comes before the shared strings (where exceljs
 * itself writes them) in a temporary file, whole; so the zip is opened by its directory instead, the
 * small parts (relations, workbook, shared strings, at most maxStrings of them) are read first, and
 * only then the sheet, through exceljs's sheet reader with backpressure. The sheet named `prefer`
 * is read, else the first. Throws SheetTooLarge past maxStrings; anything unreadable throws.
 */
export async function* streamSheetRows(data: Buffer, prefer: string, maxStrings: number): AsyncGenerator<SheetRow> {
  const require = createRequire(import.meta.url);
  const excelRequire = createRequire(require.resolve('exceljs'));
  const unzipper = excelRequire('unzipper') as { Open: { buffer(b: Buffer): Promise<{ files: ZipEntry[] }> } };
  const { files } = await unzipper.Open.buffer(data);
  const entry = (path: string) => files.find((f) => f.path === path);
  const needed = (path: string) => {
    const e = entry(path);
    if (!e) throw new Error(`not a workbook: no ${path}`);
    return e.stream();
  };
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(undefined as never, {
    sharedStrings: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  }) as unknown as ExcelStreamReader;
  await reader._parseRels(needed('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(needed('xl/workbook.xml'));
  const strings: unknown[] = [];
  const sharedStrings = entry('xl/sharedStrings.xml');
  if (sharedStrings) {
    for await (const s of reader._parseSharedStrings(sharedStrings.stream())) {
      if (strings.push(s.text) > maxStrings) throw new SheetTooLarge(`more than ${maxStrings} shared strings`);
    }
  }
  reader.sharedStrings = strings;
  const sheets = reader.model?.sheets ?? [];
  const sheet = sheets.find((x) => x.name === prefer) ?? sheets[0];
  const target = reader.workbookRels?.find((r) => r.Id === sheet?.rId)?.Target.replace(/^\/?(xl\/)?/, '');
  const sheetNo = target && /^worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
  if (!sheetNo) throw new Error('no worksheet');
  // A Node stream is async-iterable with backpressure: the inflater waits while the parser catches up.
  const inflated = needed(`xl/worksheets/sheet${sheetNo}.xml`).pipe(new PassThrough());
  try {
    for (const { eventType, value } of reader._parseWorksheet(inflated, sheetNo)) {
      if (eventType === 'worksheet') yield* value;
    }
  } finally {
    inflated.destroy();
  }
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
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
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
