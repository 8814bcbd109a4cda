/**
 * The names an edit's audit row gives the fields it compares, with their English for the audit page
 * (renderer/…/audit-summary.ts reads a change back by these names).
 */
export const changeLabels = {
  名称: 'name',
  条码: 'barcode',
  单位: 'unit',
  积分: 'points',
  现场定价: 'open price',
  最低分: 'min points',
  最高分: 'max points',
  每户每年限兑: 'limit per household a year',
  分类: 'category',
  启用: 'active',
  低库存提醒线: 'low-stock line',
  服务商: 'providers',
  类型: 'kind',
  分值: 'points',
  每年上限: 'yearly cap',
  村名: 'village name',
  时区: 'time zone',
  公示天数: 'notice days',
  卡号前缀: 'card prefix',
  姓名: 'name',
  角色: 'roles',
} as const;

export type ChangeLabel = keyof typeof changeLabels;

/** The app's own words for a value in a change, with their English. */
export const changeWords = { 无: 'none', 是: 'yes', 否: 'no', 加分: 'award', 扣分: 'deduction' } as const;
export type ChangeWord = keyof typeof changeWords;

/** A value the app names in its own words (a rule's kind), rather than quoting the record. */
export const ownWord = (word: ChangeWord) => ({ word });

/** One field an audit row compares: its name in the log, and how to read it from the record. */
export type AuditField<T> = readonly [label: ChangeLabel, read: (record: T) => unknown];

/** Between an audit row's summary and each of its notes (core/audit.ts writes it, the audit page splits at it). */
export const auditNoteSeparator = ' | ';

/** Between the parts of a change note, and between a field's old and new value. */
export const changeSeparator = '；';
export const changeArrow = ' → ';

// Text is quoted as JSON, so a name cannot pose as the note's separators or own words (an item
// renamed "油；启用 否 → 是" stays one name); '|' is escaped too, as a row's notes are split at " | "
// (auditNoteSeparator).
const quote = (s: string) => JSON.stringify(s).replace(/\|/g, '\\u007c');

function shown(v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '无';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && 'word' in v) return String(v.word);
  if (Array.isArray(v)) {
    const sorted = [...(v as (string | number)[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return sorted.every((x) => typeof x === 'number') ? sorted.join(',') : quote(sorted.join(','));
  }
  return quote(String(v));
}

/**
 * What an edit changed, as '名称 "食用油" → "花生油"；积分 50 → 60；启用 是 → 否', or null when it changed
 * nothing. An audit row that gave only the new values could not answer the question it is read for:
 * what was it before?
 */
export function describeChanges<T>(before: T, after: T, fields: readonly AuditField<T>[]): string | null {
  const parts: string[] = [];
  for (const [label, read] of fields) {
    const was = shown(read(before));
    const now = shown(read(after));
    if (was !== now) parts.push(`${label} ${was}${changeArrow}${now}`);
  }
  return parts.length ? parts.join(changeSeparator) : null;
}

/** Puts on an edit's audit row what it changed, or 无变化: a save that changed nothing says so too. */
export function noteChanges<T>(audit: { noteForAudit(note: string): void }, before: T, after: T, fields: readonly AuditField<T>[]): void {
  audit.noteForAudit(describeChanges(before, after, fields) ?? '无变化');
}

/** A value read back from a note: the app's own word, text quoted from the record, or a figure. */
export type ChangeValue = { word: ChangeWord } | { quoted: string } | { figure: string };
export interface Change {
  label: ChangeLabel;
  was: ChangeValue;
  now: ChangeValue;
}

const valueAt = /"(?:[^"\\]|\\.)*"|-?\d+(?:,-?\d+)*|无|是|否|加分|扣分/y;

function readValue(line: string, at: number): [ChangeValue, number] | null {
  valueAt.lastIndex = at;
  const raw = valueAt.exec(line)?.[0];
  if (raw === undefined) return null;
  const end = at + raw.length;
  if (raw.startsWith('"')) return [{ quoted: JSON.parse(raw) as string }, end];
  return Object.hasOwn(changeWords, raw) ? [{ word: raw as ChangeWord }, end] : [{ figure: raw }, end];
}

/** A change note read back (the audit page words it in English), or null if the line is not one. */
export function readChanges(line: string): Change[] | null {
  const changes: Change[] = [];
  let at = 0;
  do {
    if (changes.length) {
      if (!line.startsWith(changeSeparator, at)) return null;
      at += changeSeparator.length;
    }
    const space = line.indexOf(' ', at);
    const label = line.slice(at, space);
    if (space < 0 || !Object.hasOwn(changeLabels, label)) return null;
    const was = readValue(line, space + 1);
    if (!was || !line.startsWith(changeArrow, was[1])) return null;
    const now = readValue(line, was[1] + changeArrow.length);
    if (!now) return null;
    changes.push({ label: label as ChangeLabel, was: was[0], now: now[0] });
    at = now[1];
  } while (at < line.length);
  return changes;
}
