/**
 * account_totals (kept by triggers, migration 007) must always equal the account summed from the
 * ledger rows. Random sequences of everything that moves an account, through the real handlers:
 * awards and deductions recorded, approved or rejected, reversed before or after approval,
 * redemptions and voids; after every step both are compared for every household.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { freshVillage, goods, household, recordPending, users, type Village } from '../../test-support.js';
import { loadAccount, loadAccountFromLedger } from './account-query.js';

let v: Village;
afterEach(() => v?.close());

type Op =
  | { op: 'record'; h: number; kind: 'award' | 'deduction'; points: number }
  | { op: 'review'; pick: number; approve: boolean }
  | { op: 'reverse'; pick: number }
  | { op: 'redeem'; h: number; qty: number }
  | { op: 'void'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      h: fc.nat(1),
      kind: fc.constantFrom('award' as const, 'deduction' as const),
      points: fc.integer({ min: 1, max: 60 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('review' as const), pick: fc.nat(), approve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('redeem' as const), h: fc.nat(1), qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
);

describe('account_totals', () => {
  it('equals the ledger sum after every step of random histories', async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 18 }), async (ops) => {
        v?.close();
        v = await freshVillage();
        const hs = [(await household(v)).id, (await household(v, { headName: '李秀兰' })).id];
        const soap = await goods(v, { points: 7, stock: 200 });
        const entries: number[] = [];
        const redemptions: number[] = [];
        let voids = 0;
        for (const o of ops) {
          if (o.op === 'record') entries.push(await recordPending(v, hs[o.h], o.kind, o.points));
          else if (o.op === 'review' && entries.length)
            await v.call('review', 'points.review', {
              entryIds: [entries[o.pick % entries.length]],
              decision: o.approve ? 'approve' : 'reject',
              reason: '随机',
            });
          else if (o.op === 'reverse' && entries.length) {
            const r = await v.call('clerk', 'points.reverse', { entryId: entries[o.pick % entries.length], reason: '随机冲正' });
            if ('result' in r) entries.push((r.result as { id: number }).id);
          } else if (o.op === 'redeem') {
            const r = await v.call('shop', 'redemptions.create', {
              householdId: hs[o.h],
              lines: [{ itemId: soap.id, qty: o.qty }],
              requestId: `acct-${steps}-${redemptions.length}-x`,
            });
            if ('result' in r) redemptions.push((r.result as { id: number }).id);
          } else if (o.op === 'void' && redemptions.length && voids < 2) {
            voids++; // a supervisor PIN costs a scrypt: a couple per history is plenty
            await v.call('shop', 'redemptions.void', {
              id: redemptions[o.pick % redemptions.length],
              reason: '随机作废',
              supervisorUsername: 'admin',
              supervisorPin: users.admin.pin,
            });
          }
          steps++;
          for (const h of hs) expect(loadAccount(v.db, h, 2026, v.clock.now())).toEqual(loadAccountFromLedger(v.db, h, 2026, v.clock.now()));
        }
      }),
      { numRuns: Number(process.env.ACCOUNT_RUNS ?? 25), seed: 20260315 },
    );
    expect(steps).toBeGreaterThan(100);
  }, 120_000);

  it('a reversal that arrives before the approval of its entry (rows replicated out of order) counts once approved', async () => {
    v = await freshVillage();
    const h = (await household(v)).id;
    const e = await recordPending(v, h, 'deduction', 9);
    const row = v.db.prepare('SELECT * FROM point_entries WHERE id = ?').get(e) as Record<string, unknown>;
    v.db
      .prepare(
        `INSERT INTO point_entries (household_id, kind, category, rule_name, points, occurred_on, year, reverses_id, recorded_by, recorded_at)
      VALUES (?, 'reversal', ?, ?, 9, ?, ?, ?, ?, ?)`,
      )
      .run(h, row.category, row.rule_name, row.occurred_on, row.year, e, v.ids.clerk, '2026-03-15T02:00:00.000Z');
    const same = () => expect(loadAccount(v.db, h, 2026, v.clock.now())).toEqual(loadAccountFromLedger(v.db, h, 2026, v.clock.now()));
    same();
    v.db
      .prepare("INSERT INTO point_reviews (entry_id, decision, reviewed_by, reviewed_at) VALUES (?, 'approve', ?, '2026-03-15T02:00:00.000Z')")
      .run(e, v.ids.review);
    same();
    expect(loadAccount(v.db, h, 2026, v.clock.now())).toMatchObject({ awarded: 0, deducted: 0, score: 0 });
  });

  it('the migration fills it from rows written before it', async () => {
    v = await freshVillage();
    const h = (await household(v)).id;
    const e = await recordPending(v, h, 'award', 40);
    await v.invoke('review', 'points.review', { entryIds: [e], decision: 'approve' });
    const before = v.db.prepare('SELECT * FROM account_totals').all();
    v.db.exec('DELETE FROM account_totals');
    // The backfill statement of 007, run again on the same rows.
    const sql = (await import('node:fs')).readFileSync(new URL('../../../../db/migrations/007_performance.sql', import.meta.url), 'utf8');
    const start = sql.indexOf('INSERT INTO account_totals (household_id, year, awarded, deducted, redeemed)');
    v.db.exec(sql.slice(start, sql.indexOf(';', start) + 1));
    expect(v.db.prepare('SELECT * FROM account_totals').all()).toEqual(before);
  });
});
