import { idNoProblem, normalizeIdNo } from './id-number.js';
import { hasControlCharacter } from '../validation.js';

/** The roster's columns, in the template's order. One row is one member of a household. */
export const rosterColumns = [
  { key: 'cardNo', header: '卡号', width: 14, aliases: ['积分卡号', '卡号(可空)', '存折号'] },
  { key: 'headName', header: '户主姓名', width: 12, aliases: ['户主'] },
  { key: 'group', header: '村民小组', width: 14, aliases: ['小组', '组别', '所属小组'] },
  { key: 'phone', header: '联系电话', width: 15, aliases: ['电话', '手机', '手机号', '联系方式'] },
  { key: 'memberName', header: '成员姓名', width: 12, aliases: ['姓名', '家庭成员'] },
  { key: 'relation', header: '与户主关系', width: 12, aliases: ['关系', '与户主的关系'] },
  { key: 'idNo', header: '身份证号', width: 22, aliases: ['身份证号码', '公民身份号码'] },
  { key: 'partyMember', header: '是否党员', width: 10, aliases: ['党员', '政治面貌'] },
] as const;

export type RosterKey = (typeof rosterColumns)[number]['key'];

/** A row as read from the sheet: trimmed text, or a problem found while reading a cell. */
export interface RawRow {
  row: number;
  cells: Partial<Record<RosterKey, string>>;
  cellProblems?: string[];
}

export interface RosterMember {
  row: number;
  name: string;
  relation: string;
  idNo: string;
  partyMember: boolean;
}
export interface RosterHousehold {
  row: number;
  cardNo: string;
  headName: string;
  group: string;
  phone: string;
  members: RosterMember[];
}
export interface RowError {
  row: number;
  message: string;
}

const cardPattern = /^[0-9A-Za-z-]{4,32}$/;
const phonePattern = /^[0-9+\- ]{0,20}$/;
const yes = new Set(['是', 'y', 'yes', 'true', '1', '党员', '中共党员', '预备党员', '中共预备党员', '√']);
const no = new Set(['', '否', 'n', 'no', 'false', '0', '群众', '非党员', '共青团员', '团员', '×']);

/**
 * What the template puts in the card column of its example rows. A card number can never contain it
 * (cardPattern), so the example is skipped on import instead of matching a real household by head and group.
 */
export const exampleCard = '示例';

/** An ID number as exports show it (**************002X): "keep the one on file". */
export const isMaskedIdNo = (idNo: string): boolean => /^\*{10,17}[0-9X]{1,4}$/.test(idNo);

export function parsePartyMember(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (yes.has(t)) return true;
  if (no.has(t)) return false;
  return null;
}

/** Which column holds which field, from the header row's text; unknown headers are ignored. */
export function mapHeaders(headers: string[]): { columns: Partial<Record<RosterKey, number>>; missing: string[] } {
  const columns: Partial<Record<RosterKey, number>> = {};
  headers.forEach((h, i) => {
    const t = h.replace(/\s+/g, '').replace(/[*＊]/g, '');
    const col = rosterColumns.find((c) => c.header === t || (c.aliases as readonly string[]).includes(t));
    if (col && columns[col.key] === undefined) columns[col.key] = i;
  });
  const missing = rosterColumns.filter((c) => ['headName'].includes(c.key) && columns[c.key] === undefined).map((c) => c.header);
  return { columns, missing };
}

/**
 * Groups member rows into households and checks each row. Rows of one household share a card number,
 * or, without one, the head's name and group; a row with no card, head or group continues the row above
 * (as rosters with merged cells read). A blank member name means the head himself.
 */
export function groupRoster(rows: RawRow[]): { households: RosterHousehold[]; errors: RowError[]; examples: number } {
  const errors: RowError[] = [];
  let examples = 0;
  const byKey = new Map<string, RosterHousehold>();
  const idNos = new Map<string, number>();
  let previous: RosterHousehold | null = null;
  for (const r of rows) {
    const c = r.cells;
    const problems = [...(r.cellProblems ?? [])];
    for (const col of rosterColumns) {
      if (hasControlCharacter(c[col.key] ?? '')) problems.push(`「${col.header}」含控制字符（不可见字符），请删除后重新填写`);
    }
    const cardNo = (c.cardNo ?? '').replace(/\s+/g, '');
    if (cardNo === exampleCard) {
      examples++;
      continue;
    }
    let headName = (c.headName ?? '').trim();
    const text = (k: RosterKey) => (c[k] ?? '').trim();
    if (Object.values(c).every((v) => !v || !v.trim()) && problems.length === 0) continue; // a blank line

    let household: RosterHousehold | null;
    if (!cardNo && !headName && !text('group')) {
      if (!previous) {
        errors.push({ row: r.row, message: '缺少户主姓名' });
        continue;
      }
      household = previous;
      headName = household.headName;
    } else {
      if (!headName) problems.push('缺少户主姓名');
      if (headName.length > 32) problems.push('户主姓名超过 32 个字');
      if (cardNo && !cardPattern.test(cardNo)) problems.push(`卡号「${cardNo}」只能含数字、字母和 -，4–32 位`);
      const group = text('group');
      const key = cardNo ? `card:${cardNo}` : `head:${headName}|${group}`;
      household = byKey.get(key) ?? null;
      if (household && cardNo && household.headName !== headName) {
        problems.push(`卡号 ${cardNo} 在第 ${household.row} 行的户主是「${household.headName}」，此行是「${headName}」`);
      }
      if (!household && problems.length === 0) {
        household = { row: r.row, cardNo, headName, group, phone: '', members: [] };
        byKey.set(key, household);
      }
    }

    const phone = text('phone');
    if (!phonePattern.test(phone)) problems.push(`联系电话「${phone}」格式有误`);
    if (text('group').length > 32) problems.push('村民小组超过 32 个字');
    const name = text('memberName') || headName;
    if (name.length > 32) problems.push('成员姓名超过 32 个字');
    const relation = text('relation') || (name === headName ? '户主' : '');
    if (relation.length > 16) problems.push('与户主关系超过 16 个字');
    const idNo = normalizeIdNo(text('idNo'));
    if (isMaskedIdNo(idNo)) {
      // An exported roster read back: the number on file stays, checked when the member is matched.
    } else if (idNo) {
      const bad = idNoProblem(idNo);
      if (bad) problems.push(bad);
      else if (idNos.has(idNo)) problems.push(`身份证号与第 ${idNos.get(idNo)} 行重复`);
      else idNos.set(idNo, r.row);
    }
    const party = parsePartyMember(text('partyMember'));
    if (party === null) problems.push(`是否党员应填「是」或「否」，此行是「${text('partyMember')}」`);
    if (household?.members.some((m) => m.name === name)) problems.push(`成员「${name}」在本户已有一行`);

    if (problems.length > 0 || !household) {
      errors.push({ row: r.row, message: problems.join('；') || '无法识别此行' });
      previous = household;
      continue;
    }
    if (!household.phone && phone) household.phone = phone;
    household.members.push({ row: r.row, name, relation, idNo, partyMember: party! });
    previous = household;
  }
  return { households: [...byKey.values()], errors, examples };
}
