import { describe, expect, it } from 'vitest';
import { describeChanges, noteChanges, type AuditField } from './audit-changes.js';

interface Thing {
  name: string;
  points: number | null;
  active: boolean;
  tags: number[];
  note: string;
}
const fields: AuditField<Thing>[] = [
  ['名称', (t) => t.name],
  ['积分', (t) => t.points],
  ['启用', (t) => t.active],
  ['服务商', (t) => t.tags],
  ['分类', (t) => t.note],
];
const base: Thing = { name: '大米', points: 50, active: true, tags: [3, 5], note: '' };

describe('describeChanges', () => {
  it('names each changed field with its old and new value, in the order of the fields', () => {
    expect(describeChanges(base, { ...base, points: 60, active: false }, fields)).toBe('积分 50 → 60；启用 是 → 否');
    expect(describeChanges(base, { ...base, name: '东北大米' }, fields)).toBe('名称 大米 → 东北大米');
  });

  it('words an empty value as 无, whether null, empty text or an empty list', () => {
    expect(describeChanges(base, { ...base, points: null, tags: [], note: '限购' }, fields)).toBe('积分 50 → 无；服务商 3,5 → 无；分类 无 → 限购');
  });

  it('is null when nothing changed, a list in another order included', () => {
    expect(describeChanges(base, { ...base }, fields)).toBeNull();
    expect(describeChanges(base, { ...base, tags: [5, 3] }, fields)).toBeNull();
  });

  it('notes the changes on the audit row, or 无变化', () => {
    const notes: string[] = [];
    const audit = { noteForAudit: (n: string) => void notes.push(n) };
    noteChanges(audit, base, { ...base, points: 60 }, fields);
    noteChanges(audit, base, base, fields);
    expect(notes).toEqual(['积分 50 → 60', '无变化']);
  });
});
