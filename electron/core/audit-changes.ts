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

/** One field an audit row compares: its name in the log, and how to read it from the record. */
export type AuditField<T> = readonly [label: ChangeLabel, read: (record: T) => unknown];

function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '无';
  if (v === true) return '是';
  if (v === false) return '否';
  if (Array.isArray(v)) return v.length ? [...(v as (string | number)[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',') : '无';
  return String(v);
}

/** Between the parts of a change note, and between a field's old and new value. */
export const changeSeparator = '；';
export const changeArrow = ' → ';

/**
 * What an edit changed, as "积分 50 → 60；启用 是 → 否", or null when it changed nothing. An audit row
 * that gave only the new values could not answer the question it is read for: what was it before?
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
