import type { DB } from '../../../../db/connection.js';
import { maskIdNo } from '../../rules/id-number.js';
import { exampleCard, mapHeaders, rosterColumns, type RawRow, type RosterKey, type RowError } from '../../rules/roster.js';
import { stmt } from '../../statements.js';
import { withGroupKey } from './group-order-sql.js';
import { a4, cellText, newWorkbook, SheetTooLarge, streamSheetRows, styleHeader, workbookBase64, type SheetRow } from '../../xlsx.js';

export const rosterSheetName = '农户花名册';
export const maxRosterRows = 20_000;

export class RosterFileError extends Error {
  constructor(
    message: string,
    readonly reason?: 'too_many_rows',
  ) {
    super(message);
  }
}

const tooMany = () => new RosterFileError(`一次最多导入 ${maxRosterRows} 行`, 'too_many_rows');

/**
 * Reads the roster sheet: the first sheet named 农户花名册, else the first sheet. The header row is
 * found by its text within the first 10 rows, so a title row above it or reordered columns still read.
 * Rows are streamed and the count stops at maxRosterRows, before the rest of the file is unpacked.
 */
export async function readRoster(data: Buffer): Promise<{ rows: RawRow[]; errors: RowError[] }> {
  let headerRow = 0;
  let columns: Partial<Record<RosterKey, number>> = {};
  const rows: RawRow[] = [];
  let seen = 0;
  try {
    // Eight columns a row: more distinct strings than that cannot belong to a roster within the cap.
    for await (const row of streamSheetRows(data, rosterSheetName, (maxRosterRows + 10) * rosterColumns.length)) {
      if (!headerRow) {
        if (++seen > 10) break;
        const values = row.values as unknown[];
        const mapped = mapHeaders(Array.from({ length: values.length }, (_, i) => cellText(values[i] as never)));
        if (mapped.missing.length === 0) {
          headerRow = row.number;
          columns = mapped.columns;
        }
        continue;
      }
      if (rows.length >= maxRosterRows || row.number - headerRow > maxRosterRows) throw tooMany();
      rows.push(readRow(row, columns));
    }
  } catch (e) {
    if (e instanceof RosterFileError) throw e;
    if (e instanceof SheetTooLarge) throw tooMany();
    throw new RosterFileError('无法读取该文件，请上传 Excel 工作簿 (.xlsx)');
  }
  if (!headerRow) throw new RosterFileError(`找不到表头：第一行应包含「${rosterColumns.map((c) => c.header).join('、')}」等列（请使用下载的模板）`);
  return { rows, errors: [] };
}

function readRow(row: SheetRow, columns: Partial<Record<RosterKey, number>>): RawRow {
  const cells: RawRow['cells'] = {};
  const cellProblems: string[] = [];
  for (const [key, col] of Object.entries(columns) as [RosterKey, number][]) {
    const v = row.getCell(col).value;
    // Excel keeps 15 significant digits: an ID number typed as a number has already lost its last digits.
    if (key === 'idNo' && typeof v === 'number' && v > 1e15) {
      cellProblems.push('身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为「文本」后重新填写');
      continue;
    }
    cells[key] = cellText(v);
  }
  return cellProblems.length ? { row: row.number, cells, cellProblems } : { row: row.number, cells };
}

interface ExportRow {
  card_no: string;
  head_name: string;
  grp: string;
  phone: string;
  name: string | null;
  relation: string | null;
  id_no: string | null;
  party_member: number | null;
}

/**
 * The roster as the template it is imported from: one row a member. ID numbers leave the office
 * masked; importing a masked number keeps the one on file.
 */
export async function rosterWorkbook(db: DB, group: string | undefined, opts: { template?: boolean } = {}): Promise<string> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(rosterSheetName);
  ws.columns = rosterColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const key of ['cardNo', 'phone', 'idNo'] as const) ws.getColumn(key).numFmt = '@';
  styleHeader(ws);
  a4(ws, true);
  if (opts.template) {
    ws.addRow({
      cardNo: exampleCard,
      headName: '张三丰',
      group: '第一村民小组',
      phone: '13800005678',
      memberName: '张三丰',
      relation: '户主',
      idNo: '11010519491231002X',
      partyMember: '是',
    });
    ws.addRow({
      cardNo: exampleCard,
      headName: '张三丰',
      group: '第一村民小组',
      phone: '13800005678',
      memberName: '李秀英',
      relation: '妻子',
      idNo: '',
      partyMember: '否',
    });
  } else {
    const rows = stmt(
      withGroupKey(db),
      `SELECT h.card_no, h.head_name, h.grp, h.phone, m.name, m.relation, m.id_no, m.party_member
      FROM households h LEFT JOIN members m ON m.household_id = h.id AND m.active = 1
      WHERE (@group IS NULL OR h.grp = @group) ORDER BY group_key(h.grp), h.card_no, m.id`,
    ).all({ group: group ?? null }) as ExportRow[];
    for (const r of rows) {
      ws.addRow({
        cardNo: r.card_no,
        headName: r.head_name,
        group: r.grp,
        phone: r.phone,
        memberName: r.name ?? r.head_name,
        relation: r.relation ?? '户主',
        idNo: r.id_no ? maskIdNo(r.id_no) : '',
        partyMember: r.party_member ? '是' : '否',
      });
    }
  }
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '填写说明', key: 'text', width: 100 }];
  styleHeader(help);
  for (const line of [
    '每行是一名家庭成员；同一户的各行填写相同的卡号（或相同的户主姓名和村民小组）。',
    '卡号可以不填：新农户导入时自动编号；已有卡号的农户按卡号更新。',
    '成员姓名不填时，该行即户主本人；户主本人的「与户主关系」可不填。',
    '身份证号请设为「文本」格式填写 18 位；导出文件中的身份证号已隐藏，原样导入不会改动已登记的号码。',
    '是否党员填「是」或「否」。',
    `卡号填「${exampleCard}」的行是填写示例，导入时跳过；可以删除，也可以留着。`,
    '导入前会先列出将新建和将改动的农户（逐项显示原值与新值），确认后才写入。',
    '任何一行有错时整个文件都不会导入；请按错误报告逐行改正后重新导入。',
  ])
    help.addRow({ text: line });
  return workbookBase64(wb);
}
