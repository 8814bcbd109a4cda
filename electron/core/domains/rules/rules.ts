import type { DB } from '../../../../db/connection.js';
import { ownWord, type AuditField } from '../../audit-changes.js';
import { notFound } from '../../errors.js';
import type { RuleShape } from '../../rules/rule-points.js';
import { stmt } from '../../statements.js';

interface RuleRow {
  id: number;
  category: string;
  name: string;
  kind: 'award' | 'deduction';
  points: number | null;
  min_points: number | null;
  max_points: number | null;
  cap_per_year: number | null;
  active: number;
}

export type Rule = RuleShape & { id: number; category: string; name: string; active: boolean };

const toRule = (r: RuleRow): Rule => ({
  id: r.id,
  category: r.category,
  name: r.name,
  kind: r.kind,
  points: r.points,
  minPoints: r.min_points,
  maxPoints: r.max_points,
  capPerYear: r.cap_per_year,
  active: r.active === 1,
});

export function listRules(db: DB, includeInactive: boolean): Rule[] {
  return (stmt(db, `SELECT * FROM rules WHERE active = 1 OR ? ORDER BY category, kind, id`).all(includeInactive ? 1 : 0) as RuleRow[]).map(toRule);
}

export function requireRule(db: DB, id: number): Rule {
  const r = stmt(db, 'SELECT * FROM rules WHERE id = ?').get(id) as RuleRow | undefined;
  if (!r) throw notFound('评分条目', { reason: 'unknown_rule', ruleId: id });
  return toRule(r);
}

/** What an edit's audit row compares: what an item of conduct is worth, before and after. */
export const ruleAuditFields: readonly AuditField<Rule>[] = [
  ['分类', (r) => r.category],
  ['名称', (r) => r.name],
  ['类型', (r) => ownWord(r.kind === 'award' ? '加分' : '扣分')],
  ['分值', (r) => r.points],
  ['最低分', (r) => r.minPoints],
  ['最高分', (r) => r.maxPoints],
  ['每年上限', (r) => r.capPerYear],
  ['启用', (r) => r.active],
];

export interface RuleInput {
  id?: number;
  category: string;
  name: string;
  kind: 'award' | 'deduction';
  points?: number;
  minPoints?: number;
  maxPoints?: number;
  capPerYear?: number | null;
  active?: boolean;
}

/** Entries copy the rule's name, category and points when recorded, so editing a rule never rewrites history. */
export function saveRule(db: DB, p: RuleInput): Rule {
  const values = [p.category, p.name, p.kind, p.points ?? null, p.minPoints ?? null, p.maxPoints ?? null, p.capPerYear ?? null, p.active === false ? 0 : 1];
  if (p.id !== undefined) {
    requireRule(db, p.id);
    stmt(db, `UPDATE rules SET category = ?, name = ?, kind = ?, points = ?, min_points = ?, max_points = ?, cap_per_year = ?, active = ? WHERE id = ?`).run(
      ...values,
      p.id,
    );
    return requireRule(db, p.id);
  }
  const { lastInsertRowid } = stmt(
    db,
    `INSERT INTO rules (category, name, kind, points, min_points, max_points, cap_per_year, active)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...values);
  return requireRule(db, Number(lastInsertRowid));
}
