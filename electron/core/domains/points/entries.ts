import { AppError, notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { entryMagnitude, signed, withinCap } from '../../rules/rule-points.js';
import { yearOf } from '../../rules/village-date.js';
import { stmt } from '../../statements.js';
import { requireHousehold } from '../households/households.js';
import { requireRule } from '../rules/rules.js';

export interface RecordInput {
  householdIds: number[];
  ruleId: number;
  personId?: number;
  points?: number;
  occurredOn: string;
  note?: string;
}

interface EntryRow {
  id: number;
  household_id: number;
  kind: string;
  points: number;
  recorded_by: number;
  year: number;
  rule_name: string;
  category: string;
  person_id: number | null;
  rule_id: number | null;
  occurred_on: string;
  note: string;
}

/** Magnitude already used against a rule's yearly cap: recorded entries not rejected, net of reversals. */
function usedAgainstCap(ctx: Ctx, householdId: number, ruleId: number, year: number): number {
  const row = stmt(
    ctx.db,
    `SELECT COALESCE(SUM(ABS(e.points)), 0) AS used FROM point_entries e
    LEFT JOIN point_reviews r ON r.entry_id = e.id
    WHERE e.household_id = ? AND e.rule_id = ? AND e.year = ? AND e.kind <> 'reversal'
      AND (r.decision IS NULL OR r.decision = 'approve')
      AND NOT EXISTS (SELECT 1 FROM point_entries x WHERE x.reverses_id = e.id)`,
  ).get(householdId, ruleId, year) as { used: number };
  return row.used;
}

export function recordEntries(ctx: Ctx, p: RecordInput) {
  const rule = requireRule(ctx.db, p.ruleId);
  if (!rule.active)
    throw new AppError('INVALID_INPUT', `评分条目「${rule.name}」已停用 (rule inactive)`, { reason: 'rule_inactive', ruleId: rule.id, ruleName: rule.name });
  if (p.occurredOn > ctx.today)
    throw new AppError('INVALID_INPUT', '发生日期不能晚于今天 (date is in the future)', {
      reason: 'date_in_future',
      occurredOn: p.occurredOn,
      today: ctx.today,
    });
  const magnitude = entryMagnitude(rule, p.points);
  if (!magnitude.ok)
    throw new AppError('INVALID_INPUT', magnitude.message, {
      reason: magnitude.reason,
      ruleId: rule.id,
      ruleName: rule.name,
      points: rule.points,
      min: rule.minPoints,
      max: rule.maxPoints,
    });
  if (new Set(p.householdIds).size !== p.householdIds.length)
    throw new AppError('INVALID_INPUT', '农户重复 (duplicate household)', { reason: 'duplicate_household_in_batch' });
  if (p.personId !== undefined && p.householdIds.length !== 1) {
    throw new AppError('INVALID_INPUT', '指定个人时只能选择一户 (a person belongs to one household)', { reason: 'person_needs_one_household' });
  }
  const year = yearOf(p.occurredOn);
  const insert = stmt(
    ctx.db,
    `INSERT INTO point_entries (household_id, person_id, rule_id, kind, category, rule_name, points, occurred_on, year, note, recorded_by, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const entries = p.householdIds.map((householdId) => {
    const h = requireHousehold(ctx.db, householdId);
    if (p.personId !== undefined && !stmt(ctx.db, 'SELECT 1 FROM members WHERE id = ? AND household_id = ?').get(p.personId, householdId)) {
      throw notFound('该户成员', { reason: 'unknown_member', personId: p.personId });
    }
    const used = usedAgainstCap(ctx, householdId, rule.id, year);
    if (!withinCap(rule, used, magnitude.magnitude)) {
      throw new AppError('LIMIT_EXCEEDED', `${h.head_name} 户「${rule.name}」本年已记 ${used} 分，上限 ${rule.capPerYear} 分 (yearly cap)`, {
        reason: 'rule_cap',
        householdId,
        householdName: h.head_name,
        ruleId: rule.id,
        ruleName: rule.name,
        used,
        cap: rule.capPerYear,
        requested: magnitude.magnitude,
      });
    }
    const { lastInsertRowid } = insert.run(
      householdId,
      p.personId ?? null,
      rule.id,
      rule.kind,
      rule.category,
      rule.name,
      signed(rule, magnitude.magnitude),
      p.occurredOn,
      year,
      p.note ?? '',
      ctx.me.id,
      ctx.nowIso,
    );
    return { id: Number(lastInsertRowid), householdId, status: 'pending' as const, points: signed(rule, magnitude.magnitude) };
  });
  return { entries };
}

function requireEntry(ctx: Ctx, entryId: number): EntryRow {
  const e = stmt(ctx.db, 'SELECT * FROM point_entries WHERE id = ?').get(entryId) as EntryRow | undefined;
  if (!e) throw notFound('积分记录', { reason: 'unknown_entry', entryId });
  return e;
}

/** Recorder and reviewer are different people: nobody approves points they wrote themselves. */
export function reviewEntries(ctx: Ctx, p: { entryIds: number[]; decision: 'approve' | 'reject'; reason?: string }) {
  if (p.decision === 'reject' && !p.reason)
    throw new AppError('INVALID_INPUT', '驳回须填写理由 (a rejection needs a reason)', { reason: 'reject_needs_reason' });
  const insert = stmt(ctx.db, 'INSERT INTO point_reviews (entry_id, decision, reason, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?)');
  for (const entryId of new Set(p.entryIds)) {
    const e = requireEntry(ctx, entryId);
    if (e.kind === 'reversal') throw new AppError('CONFLICT', '冲正记录无需审核 (reversals are not reviewed)', { reason: 'reversal_not_reviewed', entryId });
    if (e.recorded_by === ctx.me.id)
      throw new AppError('FORBIDDEN', '不能审核自己录入的积分 (cannot review your own entry)', { reason: 'recorder_cannot_review', entryId });
    if (stmt(ctx.db, 'SELECT 1 FROM point_reviews WHERE entry_id = ?').get(entryId)) {
      throw new AppError('CONFLICT', '该记录已审核 (already reviewed)', { reason: 'already_reviewed', entryId });
    }
    insert.run(entryId, p.decision, p.reason ?? '', ctx.me.id, ctx.nowIso);
  }
  return { reviewed: new Set(p.entryIds).size };
}

/** A mistake is corrected by a reversing row that points at the original; the original stays. */
export function reverseEntry(ctx: Ctx, p: { entryId: number; reason: string }) {
  const e = requireEntry(ctx, p.entryId);
  if (e.kind === 'reversal')
    throw new AppError('CONFLICT', '冲正记录不能再冲正 (cannot reverse a reversal)', { reason: 'cannot_reverse_reversal', entryId: e.id });
  const review = stmt(ctx.db, 'SELECT decision FROM point_reviews WHERE entry_id = ?').get(e.id) as { decision: string } | undefined;
  if (review?.decision !== 'approve')
    throw new AppError('CONFLICT', '只能冲正已通过审核的记录；未审核的请驳回 (only approved entries are reversed)', {
      reason: 'only_approved_reversed',
      entryId: e.id,
    });
  if (stmt(ctx.db, 'SELECT 1 FROM point_entries WHERE reverses_id = ?').get(e.id))
    throw new AppError('CONFLICT', '该记录已冲正 (already reversed)', { reason: 'already_reversed', entryId: e.id });
  const { lastInsertRowid } = stmt(
    ctx.db,
    `INSERT INTO point_entries (household_id, person_id, rule_id, kind, category, rule_name, points, occurred_on, year, note, reverses_id, recorded_by, recorded_at)
    VALUES (?, ?, ?, 'reversal', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.household_id, e.person_id, e.rule_id, e.category, e.rule_name, -e.points, e.occurred_on, e.year, p.reason, e.id, ctx.me.id, ctx.nowIso);
  return { id: Number(lastInsertRowid), reversesId: e.id, points: -e.points, kind: 'reversal' as const };
}
