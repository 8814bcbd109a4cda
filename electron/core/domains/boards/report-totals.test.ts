/**
 * The report and board totals (kept by triggers, migration 008) must always give what the ledger
 * queries give. Random histories through the real handlers: awards and deductions in two categories
 * on dates either side of month and year ends, approved or rejected, reversed, reviews spread over
 * the day; after every step, reports.summary's point figures and the boards' household scores are
 * compared for several periods, with no notice period and with cutoffs that leave some approvals in
 * notice.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from '../../../../db/connection.js';
import { freshVillage, household, type Village } from '../../test-support.js';
import { categoryTotals, householdScores, monthTotals, participation, type HouseholdScore } from './scores.js';
import { householdScoresFromTotals, noticeLimits, pointFigures } from './totals.js';

let v: Village;
afterEach(() => v?.close());

const noNotice = '9999-12-31T23:59:59.999Z';
const dates = ['2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01', '2026-03-14', '2026-03-15'];
const periods: [string, string][] = [
  ['2026-01-01', '2026-12-31'],
  ['2026-01-01', '2026-03-31'],
  ['2026-01-01', '2026-01-31'],
  ['2026-02-01', '2026-03-14'],
  ['2026-01-31', '2026-02-01'],
  ['2026-03-15', '2026-03-15'],
  ['2025-01-01', '2025-12-31'],
  ['2025-10-01', '2025-12-31'],
];
const boardPeriods: [string, string][] = [
  ['2026-01-01', '2026-03-31'],
  ['2026-01-01', '2026-01-31'],
  ['2026-02-01', '2026-02-28'],
  ['2025-10-01', '2025-12-31'],
];

const byId = (s: HouseholdScore[]) => [...s].sort((a, b) => a.householdId - b.householdId);

function sameAsLedger(db: DB, cutoff: string) {
  for (const [from, to] of periods) {
    expect(pointFigures(db, from, to, cutoff), `${from}..${to} at ${cutoff}`).toEqual({
      byCategory: categoryTotals(db, from, to, cutoff),
      withPoints: participation(db, from, to, cutoff).withPoints,
      months: monthTotals(db, from, to, cutoff),
    });
  }
  for (const [from, to] of boardPeriods) {
    expect(byId(householdScoresFromTotals(db, from, to, cutoff)!), `board ${from}..${to} at ${cutoff}`).toEqual(byId(householdScores(db, from, to, cutoff)));
  }
}

type Op =
  | { op: 'record'; h: number; rule: number; points: number; date: number }
  | { op: 'review'; pick: number; approve: boolean }
  | { op: 'reverse'; pick: number }
  | { op: 'later' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      h: fc.nat(2),
      rule: fc.nat(2),
      points: fc.integer({ min: 1, max: 60 }),
      date: fc.nat(dates.length - 1),
    }),
  },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('review' as const), pick: fc.nat(), approve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('later' as const) }) },
);

describe('report totals (migration 008)', () => {
  it('give the ledger figures after every step of random histories, with and without approvals in notice', async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 20 }), async (ops) => {
        v?.close();
        v = await freshVillage();
        const hs = [(await household(v)).id, (await household(v, { headName: '李秀兰' })).id, (await household(v, { headName: '王建华' })).id];
        const rule = (category: string, kind: 'award' | 'deduction') =>
          v.invoke('admin', 'rules.save', { category, name: `${category}${kind}`, kind, minPoints: 1, maxPoints: 100 }).then((r) => r.id);
        const rules = [await rule('乡风文明', 'award'), await rule('环境卫生', 'deduction'), await rule('环境卫生', 'award')];
        const entries: number[] = [];
        const reviewedAt: string[] = [];
        for (const o of ops) {
          if (o.op === 'record') {
            const r = await v.invoke('clerk', 'points.record', { householdIds: [hs[o.h]], ruleId: rules[o.rule], points: o.points, occurredOn: dates[o.date] });
            entries.push(r.entries[0].id);
          } else if (o.op === 'review' && entries.length) {
            const r = await v.call('review', 'points.review', {
              entryIds: [entries[o.pick % entries.length]],
              decision: o.approve ? 'approve' : 'reject',
              reason: '随机',
            });
            if ('result' in r) reviewedAt.push(v.clock.now().toISOString());
          } else if (o.op === 'reverse' && entries.length) {
            const r = await v.call('clerk', 'points.reverse', { entryId: entries[o.pick % entries.length], reason: '随机冲正' });
            if ('result' in r) entries.push((r.result as { id: number }).id);
          } else if (o.op === 'later') {
            v.clock.set(new Date(v.clock.now().getTime() + 20 * 60_000)); // reviews at different instants (sessions last 12 h)
          }
          steps++;
          // No notice period; everything approved still in notice; and cut between the reviews made so far.
          for (const cutoff of new Set([noNotice, '2026-01-01T00:00:00.000Z', ...reviewedAt.map((t) => new Date(Date.parse(t) - 1).toISOString())]))
            sameAsLedger(v.db, cutoff);
        }
      }),
      { numRuns: Number(process.env.REPORT_TOTALS_RUNS ?? 25), seed: 20260930 },
    );
    expect(steps).toBeGreaterThan(100);
  }, 180_000);

  it('a reversal that arrives before the approval of its entry (rows replicated out of order) counts once approved', async () => {
    v = await freshVillage();
    const h = (await household(v)).id;
    const ruleId = (await v.invoke('admin', 'rules.save', { category: '环境卫生', name: '乱倒垃圾', kind: 'deduction', minPoints: 1, maxPoints: 100 })).id;
    const e = (await v.invoke('clerk', 'points.record', { householdIds: [h], ruleId, points: 9, occurredOn: '2026-02-01' })).entries[0].id;
    const row = v.db.prepare('SELECT * FROM point_entries WHERE id = ?').get(e) as Record<string, unknown>;
    v.db
      .prepare(
        `INSERT INTO point_entries (household_id, kind, category, rule_name, points, occurred_on, year, reverses_id, recorded_by, recorded_at)
      VALUES (?, 'reversal', ?, ?, 9, ?, ?, ?, ?, ?)`,
      )
      .run(h, row.category, row.rule_name, row.occurred_on, row.year, e, v.ids.clerk, '2026-03-15T02:00:00.000Z');
    sameAsLedger(v.db, noNotice);
    v.db
      .prepare("INSERT INTO point_reviews (entry_id, decision, reviewed_by, reviewed_at) VALUES (?, 'approve', ?, '2026-03-15T02:00:00.000Z')")
      .run(e, v.ids.review);
    sameAsLedger(v.db, noNotice);
    expect(pointFigures(v.db, '2026-01-01', '2026-12-31', noNotice).byCategory).toEqual([
      { category: '环境卫生', awarded: 0, deducted: 0, entries: 1, households: 1 },
    ]);
  });

  it('with more approvals in notice than it pays to take out, the ledger is summed instead', async () => {
    v = await freshVillage();
    const h = (await household(v)).id;
    const ruleId = (await v.invoke('admin', 'rules.save', { category: '乡风文明', name: '义务劳动', kind: 'award', minPoints: 1, maxPoints: 100 })).id;
    const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [h], ruleId, points: 9, occurredOn: '2026-02-01' });
    await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'approve' });
    const saved = { ...noticeLimits };
    try {
      noticeLimits.report = noticeLimits.board = 0;
      const cutoff = '2026-01-01T00:00:00.000Z'; // the approval is still in notice
      expect(householdScoresFromTotals(v.db, '2026-01-01', '2026-03-31', cutoff)).toBeNull();
      expect(householdScoresFromTotals(v.db, '2026-01-01', '2026-03-31', noNotice)).toHaveLength(1);
      expect(pointFigures(v.db, '2026-01-01', '2026-12-31', cutoff)).toMatchObject({ byCategory: [], withPoints: 0 });
      expect(pointFigures(v.db, '2026-01-01', '2026-12-31', cutoff)).toEqual({
        byCategory: categoryTotals(v.db, '2026-01-01', '2026-12-31', cutoff),
        withPoints: 0,
        months: monthTotals(v.db, '2026-01-01', '2026-12-31', cutoff),
      });
    } finally {
      Object.assign(noticeLimits, saved);
    }
  });

  it('a period that is not whole months is left to the ledger for the boards', async () => {
    v = await freshVillage();
    expect(householdScoresFromTotals(v.db, '2026-01-01', '2026-03-30', noNotice)).toBeNull();
    expect(householdScoresFromTotals(v.db, '2026-01-02', '2026-03-31', noNotice)).toBeNull();
    expect(householdScoresFromTotals(v.db, '2026-02-01', '2026-02-28', noNotice)).toEqual([]);
  });

  it('the migration fills them from rows written before it', async () => {
    v = await freshVillage();
    const [a, b] = [(await household(v)).id, (await household(v, { headName: '李秀兰' })).id];
    const rule = (category: string, kind: 'award' | 'deduction') =>
      v.invoke('admin', 'rules.save', { category, name: `${category}${kind}`, kind, minPoints: 1, maxPoints: 100 }).then((r) => r.id);
    const [civic, hygiene] = [await rule('乡风文明', 'award'), await rule('环境卫生', 'deduction')];
    const rec = async (h: number, ruleId: number, points: number, occurredOn: string) =>
      (await v.invoke('clerk', 'points.record', { householdIds: [h], ruleId, points, occurredOn })).entries[0].id;
    const ids = [
      await rec(a, civic, 40, '2026-01-31'),
      await rec(a, civic, 5, '2026-01-31'),
      await rec(b, hygiene, 7, '2026-02-01'),
      await rec(b, civic, 3, '2025-12-31'),
      await rec(a, hygiene, 2, '2026-03-01'),
    ];
    await v.invoke('review', 'points.review', { entryIds: ids.slice(0, 4), decision: 'approve' });
    await v.invoke('review', 'points.review', { entryIds: [ids[4]], decision: 'reject', reason: '不实' });
    await v.invoke('clerk', 'points.reverse', { entryId: ids[0], reason: '录错' });
    await v.invoke('clerk', 'points.reverse', { entryId: ids[2], reason: '录错' });
    const tables = ['report_day_totals', 'report_household_months'];
    const before = tables.map((t) => v.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all());
    expect(before[1]).toHaveLength(3);
    for (const t of tables) v.db.exec(`DELETE FROM ${t}`);
    // The backfill statements of 008, run again on the same rows.
    const sql = readFileSync(new URL('../../../../db/migrations/008_report_totals.sql', import.meta.url), 'utf8');
    for (const t of tables) {
      const start = sql.lastIndexOf(`INSERT INTO ${t} (`);
      v.db.exec(sql.slice(start, sql.indexOf(';', start) + 1));
    }
    expect(tables.map((t) => v.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all())).toEqual(before);
  });
});
