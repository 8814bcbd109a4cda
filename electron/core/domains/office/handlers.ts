import { z } from 'zod';
import { handler } from '../../handler.js';
import { isValidTimeZone } from '../../rules/village-date.js';
import { defaultCounter, defaultVillage, getSetting, putSetting, type CounterSettings, type VillageSettings } from '../../settings.js';
import { stmt } from '../../statements.js';
import { requiredText, year } from '../../validation.js';
import { cutoffAt, loadAccounts } from '../households/account-query.js';
import { withGroupKey } from '../households/group-order-sql.js';
import type { Ctx } from '../../context.js';
import { noteChanges, type AuditField } from '../../audit-changes.js';
import { officeSettings } from './office-settings.js';
import { counts, noticeCutoff, noticeMove } from '../../rules/notice.js';

function currentSettings(ctx: Ctx) {
  const village = getSetting<VillageSettings>(ctx.db, 'village', defaultVillage);
  const counter = getSetting<CounterSettings>(ctx.db, 'counter', defaultCounter);
  return { villageName: village.name, timeZone: village.timeZone, noticeDays: officeSettings(ctx.db).noticeDays, cardPrefix: counter.cardPrefix };
}

const settingsAuditFields: readonly AuditField<ReturnType<typeof currentSettings>>[] = [
  ['村名', (s) => s.villageName],
  ['时区', (s) => s.timeZone],
  ['公示天数', (s) => s.noticeDays],
  ['卡号前缀', (s) => s.cardPrefix],
];

/** What the office sees first: the review queue, the year so far, and who has not been scored at all. */
function officeHome(ctx: Ctx, yr: number) {
  const db = ctx.db;
  const cutoff = cutoffAt(db, ctx.now);
  const pending = stmt(
    db,
    `SELECT COUNT(*) AS n, MIN(e.recorded_at) AS oldest, COUNT(CASE WHEN e.recorded_by = @me THEN 1 END) AS mine,
      COALESCE(SUM(CASE WHEN e.points > 0 THEN e.points END), 0) AS awards, COALESCE(SUM(CASE WHEN e.points < 0 THEN -e.points END), 0) AS deductions
    FROM point_entries e WHERE e.kind <> 'reversal' AND NOT EXISTS (SELECT 1 FROM point_reviews r WHERE r.entry_id = e.id)`,
  ).get({ me: ctx.me.id }) as { n: number; oldest: string | null; mine: number; awards: number; deductions: number };
  const inNotice = (
    stmt(
      db,
      `SELECT COUNT(*) AS n FROM point_entries e JOIN point_reviews r ON r.entry_id = e.id
    WHERE e.kind <> 'reversal' AND e.year = @year AND r.decision = 'approve' AND r.reviewed_at > @cutoff`,
    ).get({ year: yr, cutoff }) as { n: number }
  ).n;
  const entries = stmt(
    db,
    `SELECT COUNT(*) AS n, COUNT(CASE WHEN r.decision = 'reject' THEN 1 END) AS rejected,
      (SELECT COUNT(*) FROM point_entries x WHERE x.kind = 'reversal' AND x.year = @year) AS reversed
    FROM point_entries e LEFT JOIN point_reviews r ON r.entry_id = e.id WHERE e.kind <> 'reversal' AND e.year = @year`,
  ).get({ year: yr }) as { n: number; rejected: number; reversed: number };
  let awarded = 0;
  let deducted = 0;
  let redeemed = 0;
  let owing = 0;
  for (const a of loadAccounts(db, yr, ctx.now).values()) {
    awarded += a.awarded;
    deducted += a.deducted;
    redeemed += a.redeemed;
    if (a.owed > 0) owing++;
  }
  const households = (stmt(db, 'SELECT COUNT(*) AS n FROM households').get() as { n: number }).n;
  // Scored: any entry this year that was not rejected, pending ones included (they are on their way).
  const neverScoredSql = `FROM households h WHERE NOT EXISTS (SELECT 1 FROM point_entries e LEFT JOIN point_reviews r ON r.entry_id = e.id
    WHERE e.household_id = h.id AND e.year = @year AND e.kind <> 'reversal' AND (r.decision IS NULL OR r.decision = 'approve'))`;
  const neverScoredCount = (stmt(db, `SELECT COUNT(*) AS n ${neverScoredSql}`).get({ year: yr }) as { n: number }).n;
  const neverScored = (
    stmt(withGroupKey(db), `SELECT h.id, h.card_no, h.head_name, h.grp ${neverScoredSql} ORDER BY group_key(h.grp), h.card_no LIMIT 200`).all({ year: yr }) as {
      id: number;
      card_no: string;
      head_name: string;
      grp: string;
    }[]
  ).map((h) => ({ id: h.id, cardNo: h.card_no, headName: h.head_name, group: h.grp }));
  return {
    year: yr,
    today: ctx.today,
    noticeDays: officeSettings(db).noticeDays,
    pending: { count: pending.n, oldestAt: pending.oldest, mine: pending.mine, awardPoints: pending.awards, deductionPoints: pending.deductions },
    inNotice,
    totals: {
      households,
      scoredHouseholds: households - neverScoredCount,
      awarded,
      deducted,
      score: awarded - deducted,
      redeemed,
      available: awarded - deducted - redeemed,
      owingHouseholds: owing,
      entries: entries.n,
      rejected: entries.rejected,
      reversed: entries.reversed,
    },
    neverScored: { count: neverScoredCount, items: neverScored },
  };
}

/**
 * What setting the notice period to `to` days would move right now, this year: how many households
 * and points go back into notice (a longer period) or start to count (a shorter one), and how many
 * households would then owe points. Read-only: the settings page shows it before office.settings.set.
 */
function noticePreview(ctx: Ctx, to: number) {
  const from = officeSettings(ctx.db).noticeDays;
  const rows = stmt(
    ctx.db,
    `SELECT e.household_id AS householdId, e.points, r.reviewed_at AS reviewedAt FROM point_entries e
    JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id)
    WHERE e.year = @year AND r.decision = 'approve' AND r.reviewed_at > @since`,
  ).all({ year: ctx.year, since: noticeCutoff(ctx.now, Math.max(from, to)) }) as { householdId: number; points: number; reviewedAt: string }[];
  const move = noticeMove(rows, ctx.now, from, to);
  // Per household, the change to what is available: into notice takes points away, a release gives them.
  const delta = new Map<number, number>();
  for (const r of rows) {
    const before = counts(r.reviewedAt, ctx.now, from);
    if (before === counts(r.reviewedAt, ctx.now, to)) continue;
    delta.set(r.householdId, (delta.get(r.householdId) ?? 0) + (before ? -r.points : r.points));
  }
  const accounts = loadAccounts(ctx.db, ctx.year, ctx.now);
  let owingAfter = 0;
  for (const [h, d] of delta) {
    const available = accounts.get(h)?.available ?? 0;
    if (available >= 0 && available + d < 0) owingAfter++;
  }
  return { year: ctx.year, from, to, ...move, owingAfter };
}

export const officeHandlers = {
  'office.settings.noticePreview': handler({
    access: ['admin'],
    input: z.strictObject({ noticeDays: z.number().int('公示天数必须是整数').min(0).max(90) }),
    run: (ctx, p) => noticePreview(ctx, p.noticeDays),
  }),
  'office.settings.get': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: (ctx) => currentSettings(ctx),
  }),
  'office.settings.set': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({
      villageName: requiredText(32).optional(),
      timeZone: z.string().refine(isValidTimeZone, '时区无效，例如 Asia/Shanghai').optional(),
      noticeDays: z.number().int('公示天数必须是整数').min(0).max(90).optional(),
      cardPrefix: z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z]{0,8}$/, '卡号前缀最多 8 位数字或字母')
        .optional(),
    }),
    run(ctx, p) {
      const before = currentSettings(ctx);
      const village = getSetting<VillageSettings>(ctx.db, 'village', defaultVillage);
      if (p.villageName !== undefined || p.timeZone !== undefined) {
        putSetting(ctx.db, 'village', { ...village, name: p.villageName ?? village.name, timeZone: p.timeZone ?? village.timeZone });
      }
      if (p.cardPrefix !== undefined) {
        putSetting(ctx.db, 'counter', { ...getSetting<CounterSettings>(ctx.db, 'counter', defaultCounter), cardPrefix: p.cardPrefix });
      }
      if (p.noticeDays !== undefined) putSetting(ctx.db, 'office', { ...officeSettings(ctx.db), noticeDays: p.noticeDays });
      const after = currentSettings(ctx);
      noteChanges(ctx, before, after, settingsAuditFields);
      return after;
    },
    audit: () => '村务设置',
  }),
  'office.home': handler({
    access: ['clerk', 'reviewer', 'viewer'],
    input: z.strictObject({ year: year.optional() }).optional().default({}),
    run: (ctx, p) => officeHome(ctx, p.year ?? ctx.year),
  }),
};
