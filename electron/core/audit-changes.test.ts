import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChanges, noteChanges, ownWord, readChanges, type AuditField } from './audit-changes.js';

interface Thing {
  name: string;
  points: number | null;
  active: boolean;
  providers: number[];
  roles: string[];
  kind: 'award' | 'deduction';
}
const fields: AuditField<Thing>[] = [
  ['名称', (t) => t.name],
  ['积分', (t) => t.points],
  ['启用', (t) => t.active],
  ['服务商', (t) => t.providers],
  ['角色', (t) => t.roles],
  ['类型', (t) => ownWord(t.kind === 'award' ? '加分' : '扣分')],
];
const base: Thing = { name: '大米', points: 50, active: true, providers: [3, 5], roles: ['clerk'], kind: 'award' };

describe('describeChanges', () => {
  it('names each changed field with its old and new value, in the order of the fields; text is quoted', () => {
    expect(describeChanges(base, { ...base, points: 60, active: false }, fields)).toBe('积分 50 → 60；启用 是 → 否');
    expect(describeChanges(base, { ...base, name: '东北大米', kind: 'deduction' }, fields)).toBe('名称 "大米" → "东北大米"；类型 加分 → 扣分');
    expect(describeChanges(base, { ...base, roles: ['reviewer', 'clerk'] }, fields)).toBe('角色 "clerk" → "clerk,reviewer"');
  });

  it('words an empty value as 无, whether null, empty text or an empty list', () => {
    expect(describeChanges(base, { ...base, points: null, providers: [], name: '' }, fields)).toBe('名称 "大米" → 无；积分 50 → 无；服务商 3,5 → 无');
  });

  it('is null when nothing changed, a list in another order included', () => {
    expect(describeChanges(base, { ...base }, fields)).toBeNull();
    expect(describeChanges(base, { ...base, providers: [5, 3] }, fields)).toBeNull();
  });

  it('notes the changes on the audit row, or 无变化', () => {
    const notes: string[] = [];
    const audit = { noteForAudit: (n: string) => void notes.push(n) };
    noteChanges(audit, base, { ...base, points: 60 }, fields);
    noteChanges(audit, base, base, fields);
    expect(notes).toEqual(['积分 50 → 60', '无变化']);
  });
});

describe('readChanges', () => {
  it('reads a note back: own words, quoted text and figures apart', () => {
    expect(readChanges('名称 "大米" → "东北大米"；积分 50 → 无；类型 加分 → 扣分')).toEqual([
      { label: '名称', was: { quoted: '大米' }, now: { quoted: '东北大米' } },
      { label: '积分', was: { figure: '50' }, now: { word: '无' } },
      { label: '类型', was: { word: '加分' }, now: { word: '扣分' } },
    ]);
  });

  it('a name that imitates the note stays one name, and a text 是 stays text', () => {
    const forged = describeChanges(base, { ...base, name: '油；启用 否 → 是 | 主管授权' }, fields)!;
    expect(forged).not.toContain(' | ');
    expect(readChanges(forged)).toEqual([{ label: '名称', was: { quoted: '大米' }, now: { quoted: '油；启用 否 → 是 | 主管授权' } }]);
    expect(readChanges(describeChanges(base, { ...base, name: '是' }, fields)!)![0].now).toEqual({ quoted: '是' });
  });

  it('any two texts round-trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const note = describeChanges({ ...base, name: a }, { ...base, name: b }, fields);
        if (a === b) return note === null;
        const [change] = readChanges(note!)!;
        const as = (s: string) => (s === '' ? { word: '无' } : { quoted: s });
        expect(change).toEqual({ label: '名称', was: as(a), now: as(b) });
        return !note!.includes(' | ');
      }),
    );
  });

  it('is null for a line that is not a change note', () => {
    for (const line of [
      '',
      '无变化',
      '口味 "甜" → "咸"',
      '积分 50',
      '积分 50 → ',
      '积分 50 → 60；',
      '积分 "50 → 60',
      '主管授权 supervisor: 王主任 (admin #1)',
    ]) {
      expect(readChanges(line), line).toBeNull();
    }
  });
});
