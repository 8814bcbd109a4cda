import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { awardSubject, filialCategory, selectCandidates, type AwardKind, type AwardSubjectTotals } from '../../rules/award-candidates.js';
import { yearPeriod } from '../../rules/period.js';
import { stmt } from '../../statements.js';
import { cutoffAt } from '../households/account-query.js';
import { householdCategory, householdScores, personScores } from '../boards/scores.js';

export interface Decision {
  id: number;
  decision: 'awarded' | 'not_awarded';
  note: string;
  at: string;
  userName: string;
  rank: number | null;
  score: number;
}

interface DecisionRow {
  id: number;
  household_id: number;
  person_id: number | null;
  decision: 'awarded' | 'not_awarded';
  note: string;
  at: string;
  user_name: string;
  rank: number | null;
  score: number;
}

const subjectKey = (householdId: number, personId: number | null | undefined) => `${householdId}:${personId ?? ''}`;

/** The standing decision per subject: the latest row wins, earlier ones stay as history. */
function latestDecisions(ctx: Ctx, award: AwardKind, year: number): Map<string, Decision> {
  const rows = stmt(
    ctx.db,
    `SELECT d.*, u.name AS user_name FROM award_decisions d JOIN users u ON u.id = d.user_id
    WHERE d.award = ? AND d.year = ? ORDER BY d.id`,
  ).all(award, year) as DecisionRow[];
  const m = new Map<string, Decision>();
  for (const r of rows) {
    m.set(subjectKey(r.household_id, r.person_id), {
      id: r.id,
      decision: r.decision,
      note: r.note,
      at: r.at,
      userName: r.user_name,
      rank: r.rank,
      score: r.score,
    });
  }
  return m;
}

function subjects(ctx: Ctx, award: AwardKind, year: number): (AwardSubjectTotals & { cardNo: string })[] {
  const { from, to } = yearPeriod(year);
  const cutoff = cutoffAt(ctx.db, ctx.now);
  if (awardSubject[award] === 'person') return personScores(ctx.db, from, to, cutoff);
  const households = householdScores(ctx.db, from, to, cutoff);
  if (award !== 'filial_family') return households;
  const filial = householdCategory(ctx.db, from, to, cutoff, filialCategory);
  return households.map((h) => ({ ...h, filialPoints: filial.get(h.householdId)?.points ?? 0, filialDeductions: filial.get(h.householdId)?.deductions ?? 0 }));
}

export function candidates(ctx: Ctx, award: AwardKind, year: number, maxRank?: number) {
  const decisions = latestDecisions(ctx, award, year);
  const items = selectCandidates(award, subjects(ctx, award, year), maxRank).map((c) => ({
    rank: c.rank,
    householdId: c.householdId,
    headName: c.headName,
    cardNo: c.cardNo,
    ...(c.personId !== undefined ? { personId: c.personId, personName: c.personName, partyMember: c.partyMember } : {}),
    score: c.score,
    ...(c.householdScore !== undefined ? { householdScore: c.householdScore } : {}),
    decision: decisions.get(subjectKey(c.householdId, c.personId)) ?? null,
  }));
  return { award, year, category: award === 'filial_family' ? filialCategory : undefined, items };
}

export interface DecideInput {
  award: AwardKind;
  year: number;
  householdId: number;
  personId?: number;
  decision: 'awarded' | 'not_awarded';
  note?: string;
}

/**
 * Records what the village decided. Anyone on the roster may be chosen (people decide, not the
 * ranking), and the points and rank the list showed at that moment are kept with the decision.
 */
export function decide(ctx: Ctx, p: DecideInput) {
  const subject = awardSubject[p.award];
  if (subject === 'person' && p.personId === undefined)
    throw new AppError('INVALID_INPUT', '该奖项评给个人，须指定成员 (personId required)', { reason: 'award_needs_person' });
  if (subject === 'household' && p.personId !== undefined)
    throw new AppError('INVALID_INPUT', '该奖项评给农户，不指定成员 (personId not allowed)', { reason: 'award_takes_no_person' });
  if (!stmt(ctx.db, 'SELECT 1 FROM households WHERE id = ?').get(p.householdId))
    throw notFound('农户', { reason: 'unknown_household', householdId: p.householdId });
  if (p.personId !== undefined && !stmt(ctx.db, 'SELECT 1 FROM members WHERE id = ? AND household_id = ?').get(p.personId, p.householdId)) {
    throw notFound('该户成员', { reason: 'unknown_member', personId: p.personId });
  }
  const shown = candidates(ctx, p.award, p.year).items.find(
    (c) => c.householdId === p.householdId && ('personId' in c ? c.personId : undefined) === p.personId,
  );
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO award_decisions (award, year, household_id, person_id, decision, rank, score, note, user_id, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(p.award, p.year, p.householdId, p.personId ?? null, p.decision, shown?.rank ?? null, shown?.score ?? 0, p.note ?? '', ctx.me.id, ctx.nowIso)
      .lastInsertRowid,
  );
  ctx.emit('award.decide', { id, ...p, rank: shown?.rank ?? null, score: shown?.score ?? 0 });
  return {
    id,
    award: p.award,
    year: p.year,
    householdId: p.householdId,
    personId: p.personId ?? null,
    decision: p.decision,
    rank: shown?.rank ?? null,
    score: shown?.score ?? 0,
  };
}

export function decisions(ctx: Ctx, award: AwardKind | undefined, year: number) {
  return (
    stmt(
      ctx.db,
      `SELECT d.*, u.name AS user_name, h.head_name, m.name AS person_name FROM award_decisions d
      JOIN users u ON u.id = d.user_id JOIN households h ON h.id = d.household_id LEFT JOIN members m ON m.id = d.person_id
      WHERE (@award IS NULL OR d.award = @award) AND d.year = @year ORDER BY d.id DESC`,
    ).all({ award: award ?? null, year }) as (DecisionRow & { award: AwardKind; head_name: string; person_name: string | null })[]
  ).map((r) => ({
    id: r.id,
    award: r.award,
    householdId: r.household_id,
    headName: r.head_name,
    personId: r.person_id,
    personName: r.person_name,
    decision: r.decision,
    rank: r.rank,
    score: r.score,
    note: r.note,
    at: r.at,
    userName: r.user_name,
  }));
}
