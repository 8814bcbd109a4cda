/**
 * The county's ingest (acceptVillagePush) straight on a real PostgreSQL: every event type goes in a
 * run at a time, set-based (events/bulk.ts). A push of many events must leave exactly what the same
 * events pushed one at a time leave, flag the same ones for the same reasons, drop repeats by uuid,
 * and refuse a fact reported again under a new uuid; one bad event in a batch is flagged while the
 * others apply. The dashboard's redemption by item and funding by source come from the totals kept here.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyMigrationsDir, migrateCounty } from '../../electron/county/db/migrate.js';
import { openPool } from '../../electron/county/db/pool.js';
import { acceptVillagePush } from '../../electron/county/ingest.js';
import type { VillageLink } from '../../electron/county/pairing.js';
import { dashboard } from '../../electron/county/queries.js';
import { createTestDatabase } from '../support/pg.js';

const county = '469030000000';
const town = '469030101000';
const codes = ['469030101201', '469030101202', '469030101203', '469030101204', '469030102201', '469030102202'];
const town2 = '469030102000';
const year = 2026;
const now = new Date('2026-12-31T12:00:00Z');

let pool: pg.Pool;
const links = new Map<string, VillageLink>();

interface Ev {
  type: string;
  payload: unknown;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** A small village's year with every event type, some of them wrong on purpose (marked `bad`). */
function history(tokenSalt: string): (Ev & { bad?: string })[] {
  const line = (entryId: number, householdId: number, date: string, points: number, heading: 'award' | 'deduction', reversal = false) => ({
    type: 'ledger.line',
    payload: { entryId, householdId, year, date, category: heading === 'award' ? '孝老爱亲' : '环境卫生', rule: `规则${entryId}`, heading, reversal, points },
  });
  const redemption = (
    lineId: number,
    receiptNo: string,
    householdId: number,
    date: string,
    kind: 'goods' | 'service',
    name: string,
    qty: number,
    points: number,
  ) => ({
    type: 'redemption.line',
    payload: { lineId, receiptNo, householdId, year, date, counterId: 'C01', itemKind: kind, itemName: name, qty, points },
  });
  const snapshot = (h: number, a: number, d: number, r: number) => ({
    type: 'household.year',
    payload: { householdId: h, year, awarded: a, deducted: d, redeemed: r, score: a - d, available: a - d - r },
  });
  return [
    ...[1, 2, 3].map((h) => ({ type: 'household', payload: { householdId: h, name: `户主${h}`, group: '1组' } })),
    { type: 'household', payload: { householdId: 2, name: '户主2改', group: '2组' } },
    line(1, 1, '2026-01-05', 10, 'award'),
    line(2, 1, '2026-02-05', -3, 'deduction'),
    { ...line(3, 2, '2026-02-06', -4, 'award'), bad: 'sign_mismatch' },
    line(4, 2, '2026-03-07', 8, 'award'),
    { ...line(5, 9, '2026-03-07', 8, 'award'), bad: 'unknown_household' },
    line(6, 2, '2026-03-08', -8, 'award', true),
    line(7, 3, '2026-04-01', 20, 'award'),
    line(8, 2, '2026-05-01', 6, 'award'),
    { ...line(8, 2, '2026-05-01', 6, 'award'), bad: 'already_reported' },
    redemption(1, 'C01-2026-000001', 1, '2026-03-15', 'goods', '洗衣粉', 2, 4),
    redemption(2, 'C01-2026-000001', 1, '2026-03-15', 'service', '理发', 1, 2),
    redemption(3, 'C01-2026-000002', 3, '2026-03-15', 'goods', '洗衣粉', 1, 2),
    redemption(4, 'C01-2026-000003', 3, '2026-04-15', 'goods', '食用油', 1, 5),
    { ...redemption(5, 'C01-2026-000004', 9, '2026-04-15', 'goods', '食用油', 1, 5), bad: 'unknown_household' },
    { type: 'redemption.void', payload: { receiptNo: 'C01-2026-000002' } },
    { type: 'redemption.void', payload: { receiptNo: 'C01-2026-000002' }, bad: 'unknown_receipt' },
    { type: 'redemption.void', payload: { receiptNo: 'C01-2026-999999' }, bad: 'unknown_receipt' },
    { type: 'day.close', payload: { counterId: 'C01', closeNo: 1, date: '2026-03-15', count: 2, points: 8, voids: 1, voidPoints: 2 } },
    {
      type: 'day.close',
      payload: { counterId: 'C01', closeNo: 2, date: '2026-04-15', count: 1, points: 4, voids: 0, voidPoints: 0 },
      bad: 'close_differs_from_lines',
    },
    { type: 'day.close', payload: { counterId: 'C01', closeNo: 3, date: '2026-04-16', count: 0, points: 3, voids: 0, voidPoints: 0 }, bad: 'close_mismatch' },
    { type: 'day.close', payload: { counterId: 'C01', closeNo: 1, date: '2026-03-15', count: 2, points: 8, voids: 1, voidPoints: 2 }, bad: 'already_reported' },
    ...[1, 2].map((q) => ({
      type: 'board',
      payload: {
        publicationId: q,
        year,
        quarter: q,
        action: 'publish',
        withdrawsId: null,
        snapshot: { red: [{ householdId: 3, name: '户主3', group: '1组', score: 20, rank: 1 }], black: [] },
        at: `2026-0${q * 3}-28T10:00:00.000Z`,
      },
    })),
    { type: 'board', payload: { publicationId: 3, year, quarter: 2, action: 'withdraw', withdrawsId: 2, snapshot: null, at: '2026-06-29T10:00:00.000Z' } },
    {
      type: 'board',
      payload: { publicationId: 3, year, quarter: 2, action: 'withdraw', withdrawsId: 2, snapshot: null, at: '2026-06-29T10:00:00.000Z' },
      bad: 'already_reported',
    },
    { type: 'award.decision', payload: { decisionId: 1, award: 'civilized_household', year, householdId: 3, decision: 'awarded', score: 20 } },
    {
      type: 'award.decision',
      payload: { decisionId: 2, award: 'civilized_household', year, householdId: 9, decision: 'awarded', score: 20 },
      bad: 'unknown_household',
    },
    { type: 'funding', payload: { movementId: 1, date: '2026-01-10', source: 'fiscal', itemName: '洗衣粉', qty: 100, unitCostFen: 850 } },
    { type: 'funding', payload: { movementId: 2, date: '2026-02-10', source: 'donation', itemName: '食用油', qty: 20, unitCostFen: 4500 } },
    { type: 'funding', payload: { movementId: 3, date: '2026-02-11', source: 'fiscal', itemName: '食用油', qty: 10, unitCostFen: 4500 } },
    {
      type: 'funding',
      payload: { movementId: 3, date: '2026-02-11', source: 'fiscal', itemName: '食用油', qty: 10, unitCostFen: 4500 },
      bad: 'already_reported',
    },
    { type: 'funding', payload: { movementId: 4, date: '2026-02-11', source: 'bank', itemName: '食用油', qty: 10, unitCostFen: 4500 }, bad: 'invalid_payload' },
    { type: 'household.token', payload: { householdId: 1, tokenHash: hash(`${tokenSalt}-1`) } },
    { type: 'household.token', payload: { householdId: 2, tokenHash: hash(`${tokenSalt}-2`) } },
    snapshot(1, 10, 3, 6),
    snapshot(2, 6, 0, 0),
    { ...snapshot(3, 20, 0, 7), bad: 'totals_differ_from_lines' },
    snapshot(3, 20, 0, 5),
    { ...snapshot(1, 10, 3, 6), payload: { householdId: 1, year, awarded: 10, deducted: 3, redeemed: 6, score: 7, available: 2 }, bad: 'available_mismatch' },
    { type: 'no.such.type', payload: {}, bad: 'unknown_type' },
  ];
}

const uuid = (village: string, i: number) => createHash('md5').update(`${village}:${i}`).digest('hex');

async function push(village: string, evs: Ev[], firstSeq: number, uuidOf: (i: number) => string = (i) => uuid(village, i)) {
  const link = links.get(village)!;
  const events = evs.map((e, k) => ({ seq: firstSeq + k, uuid: uuidOf(firstSeq + k - 1), type: e.type, payload: e.payload, at: now.toISOString() }));
  return acceptVillagePush(pool, link, { village, after: firstSeq - 1, events, sentAt: now.toISOString() }, now);
}

/** Everything the county holds for a village, without the village code (and without the token hashes, which differ on purpose). */
async function holdings(village: string) {
  const tables: [string, string][] = [
    ['households', 'household_id'],
    ['household_years', 'household_id, year'],
    ['ledger_lines', 'entry_id'],
    ['redemption_lines', 'line_id'],
    ['day_closes', 'counter_id, close_no'],
    ['boards', 'publication_id'],
    ['award_decisions', 'decision_id'],
    ['funding', 'movement_id'],
    ['household_tokens', 'household_id'],
    ['village_months', 'year, month'],
    ['village_items', 'year, month, item_kind, item_name'],
    ['participation', 'year, household_id'],
    ['village_households', 'households'],
    ['village_participation', 'year'],
  ];
  const out: Record<string, unknown[]> = {};
  for (const [t, order] of tables) {
    out[t] = (await pool.query(`SELECT * FROM ${t} WHERE village_code = $1 ORDER BY ${order}`, [village])).rows.map((r) => {
      const { village_code: _v, token_hash: _t, ...rest } = r;
      return rest;
    });
  }
  out.conflicts = (await pool.query('SELECT type, reason FROM conflicts WHERE village_code = $1 ORDER BY id', [village])).rows;
  return out;
}

beforeAll(async () => {
  pool = openPool(await createTestDatabase('ingest'), 4);
  await migrateCounty(pool);
  await pool.query("INSERT INTO areas (code, level, parent, name, created_at) VALUES ($1, 'county', NULL, '白沙县', now())", [county]);
  await pool.query("INSERT INTO areas (code, level, parent, name, created_at) VALUES ($1, 'town', $2, '叉河镇', now())", [town, county]);
  await pool.query("INSERT INTO areas (code, level, parent, name, created_at) VALUES ($1, 'town', $2, '石碌镇', now())", [town2, county]);
  for (const [i, code] of codes.entries()) {
    await pool.query("INSERT INTO areas (code, level, parent, name, created_at) VALUES ($1, 'village', $2, $3, now())", [
      code,
      `${code.slice(0, 9)}000`,
      `村${i + 1}`,
    ]);
    await pool.query("INSERT INTO village_links (terminal_id, village_code, secret, paired_at) VALUES ($1, $2, 'x', now())", [`Vt${i}`, code]);
    links.set(code, { terminal_id: `Vt${i}`, village_code: code, secret: 'x', revoked_at: null, last_seq: 0 });
  }
}, 60_000);

afterAll(async () => {
  await pool?.end();
});

describe('county ingest, a run at a time', () => {
  const [batched, single] = codes;

  it('a push of many events leaves what the same events pushed one at a time leave, and flags the same ones', async () => {
    const a = history('a');
    const b = history('b');
    const r = await push(batched, a, 1);
    const bad = a.filter((e) => e.bad).length;
    expect(r).toEqual({ acked: a.length, applied: a.length - bad, duplicates: 0, flagged: bad });
    let applied = 0;
    for (let i = 0; i < b.length; i++) applied += (await push(single, [b[i]], i + 1)).applied;
    expect(applied).toBe(b.length - bad);
    const [x, y] = [await holdings(batched), await holdings(single)];
    expect(x).toEqual(y);
    expect((x.conflicts as { reason: string }[]).map((c) => c.reason)).toEqual(a.filter((e) => e.bad).map((e) => e.bad));
    // The sums a village would report: household 1 redeemed 6 after receipt 2 (household 3's) was voided.
    expect(x.household_years).toEqual([
      { household_id: 1, year, awarded: 10, deducted: 3, redeemed: 6, score: 7, available: 1 },
      { household_id: 2, year, awarded: 6, deducted: 0, redeemed: 0, score: 6, available: 6 },
      { household_id: 3, year, awarded: 20, deducted: 0, redeemed: 5, score: 20, available: 15 },
    ]);
    expect(x.village_households).toEqual([{ households: 3 }]);
    expect((x.households as { name: string }[]).map((h) => h.name)).toEqual(['户主1', '户主2改', '户主3']);
  });

  it('grouping interleaved awards, redemptions, boards and funding by type gives what seq order gives', async () => {
    // The same history with the stretch between the households and the first void interleaved, as a
    // village's outbox has it (an award, a redemption, a board, a funding receipt, …).
    const interleave = (h: ReturnType<typeof history>) => {
      const from = h.findIndex((e) => e.type === 'ledger.line');
      const to = h.findIndex((e) => e.type === 'redemption.void');
      const mixed = [...h.slice(from, to), ...h.filter((e) => ['board', 'funding', 'award.decision'].includes(e.type))];
      const kinds = [...new Set(mixed.map((e) => e.type))].map((t) => mixed.filter((e) => e.type === t));
      const zipped: typeof h = [];
      for (let k = 0; kinds.some((q) => q.length > k); k++) for (const q of kinds) if (q[k]) zipped.push(q[k]);
      return [...h.slice(0, from), ...zipped, ...h.slice(to).filter((e) => !mixed.includes(e))];
    };
    const [x, y] = [codes[4], codes[5]];
    const a = interleave(history('x'));
    expect(a.map((e) => e.type).slice(4, 8)).toEqual(['ledger.line', 'redemption.line', 'board', 'award.decision']);
    const b = interleave(history('y'));
    const bad = a.filter((e) => e.bad).length;
    expect(await push(x, a, 1)).toEqual({ acked: a.length, applied: a.length - bad, duplicates: 0, flagged: bad });
    for (let i = 0; i < b.length; i++) await push(y, [b[i]], i + 1);
    const [hx, hy] = [await holdings(x), await holdings(y)];
    expect(hx).toEqual(hy);
    expect((hx.conflicts as { reason: string }[]).map((c) => c.reason)).toEqual(a.filter((e) => e.bad).map((e) => e.bad));
    // And the same holdings as the history in its first order.
    expect({ ...hx, conflicts: [] }).toEqual({ ...(await holdings(codes[1])), conflicts: [] });
  });

  it('drops a resent push by uuid, and refuses a fact reported again under a new uuid', async () => {
    const before = await holdings(batched);
    const a = history('a');
    const again = await push(batched, a, 1);
    expect(again).toEqual({ acked: a.length, applied: 0, duplicates: a.length, flagged: 0 });
    expect(await holdings(batched)).toEqual(before);
    expect(Number((await pool.query('SELECT duplicates FROM village_links WHERE village_code = $1', [batched])).rows[0].duplicates)).toBe(a.length);
    // The good facts once more under fresh uuids: each one that is a fact with an id is refused, nothing changes.
    const facts = a.filter((e) => !e.bad && !['household', 'household.token', 'household.year'].includes(e.type));
    const r = await push(batched, facts, a.length + 1, (i) => uuid(`${batched}-again`, i));
    expect(r.applied).toBe(0);
    expect(r.flagged).toBe(facts.length);
    const reasons = (await pool.query('SELECT reason FROM conflicts WHERE village_code = $1 ORDER BY id DESC LIMIT $2', [batched, facts.length])).rows
      .map((c) => c.reason)
      .reverse();
    expect(reasons).toEqual(facts.map((e) => (e.type === 'redemption.void' ? 'unknown_receipt' : 'already_reported')));
    const after = await holdings(batched);
    expect({ ...after, conflicts: [] }).toEqual({ ...before, conflicts: [] });
  });

  it('refuses a malformed push whole, with its reason, and changes nothing', async () => {
    const before = await holdings(batched);
    const link = links.get(batched)!;
    const ev = (seq: number, id: string) => ({
      seq,
      uuid: id,
      type: 'household',
      payload: { householdId: 1, name: '张三', group: '一组' },
      at: now.toISOString(),
    });
    const cases: [unknown, string][] = [
      [{ village: batched, after: 0, events: 'none', sentAt: now.toISOString() }, 'bad_push'],
      [{ village: batched, after: 5, events: [ev(5, uuid('bad', 1))], sentAt: now.toISOString() }, 'push_out_of_order'],
      [{ village: batched, after: 0, events: [ev(1, uuid('bad', 2)), ev(2, uuid('bad', 2))], sentAt: now.toISOString() }, 'push_uuid_repeated'],
    ];
    for (const [body, reason] of cases) {
      await expect(acceptVillagePush(pool, link, body, now), reason).rejects.toMatchObject({ code: 'INVALID_INPUT', reason });
    }
    expect(await holdings(batched)).toEqual(before);
  });

  it('flags one bad event inside a run of its type while the others of the run apply', async () => {
    const v = codes[2];
    const base = history('c').filter((e) => e.type === 'household');
    await push(v, base, 1);
    const lines = Array.from({ length: 50 }, (_, k) => ({
      type: 'ledger.line',
      payload: {
        entryId: k + 1,
        householdId: 1 + (k % 3),
        year,
        date: '2026-06-01',
        category: 'c',
        rule: 'r',
        heading: 'award',
        reversal: false,
        points: k === 25 ? -1 : 2,
      },
    }));
    const r = await push(v, lines, base.length + 1);
    expect(r).toMatchObject({ applied: 49, flagged: 1 });
    const held = (await pool.query('SELECT entry_id FROM ledger_lines WHERE village_code = $1 ORDER BY entry_id', [v])).rows.map((x) => x.entry_id);
    expect(held).toEqual(lines.map((_, k) => k + 1).filter((k) => k !== 26));
    const [conflict] = (await pool.query('SELECT uuid, reason FROM conflicts WHERE village_code = $1', [v])).rows;
    expect(conflict).toEqual({ uuid: uuid(v, base.length + 25), reason: 'sign_mismatch' });
    expect((await pool.query('SELECT status FROM inbox WHERE uuid = $1', [conflict.uuid])).rows[0].status).toBe('flagged');
    expect((await pool.query('SELECT SUM(awarded)::int AS a FROM village_months WHERE village_code = $1', [v])).rows[0].a).toBe(98);
  });
});

describe('dashboard: redemption by goods and services, stock funding by source', () => {
  it('lists each item less voids, and the funding per source, for the town and the county alike', async () => {
    // Two villages of each town hold history(): a town's figures are twice one village's, the county's four times.
    for (const [area, n] of [
      [town, 2],
      [town2, 2],
      [county, 4],
    ] as const) {
      const d = await dashboard(pool, area, year);
      expect(d.redemptionByItem).toEqual([
        { kind: 'goods', name: '食用油', qty: n, points: 5 * n, lines: n },
        { kind: 'goods', name: '洗衣粉', qty: 2 * n, points: 4 * n, lines: n },
        { kind: 'service', name: '理发', qty: n, points: 2 * n, lines: n },
      ]);
      expect(d.fundingBySource).toEqual([
        { source: 'donation', fen: n * 20 * 4500, qty: 20 * n, receipts: n },
        { source: 'fiscal', fen: n * (100 * 850 + 10 * 4500), qty: 110 * n, receipts: 2 * n },
      ]);
      expect(d.totals.redeemedGoods).toBe(9 * n);
      expect(d.totals.redeemedServices).toBe(2 * n);
    }
    const one = await dashboard(pool, codes[0], year);
    expect(one.redemptionByItem.map((i) => [i.name, i.points])).toEqual([
      ['食用油', 5],
      ['洗衣粉', 4],
      ['理发', 2],
    ]);
  });

  it('the per-item totals equal the lines themselves (what migration 002 backfills from)', async () => {
    const kept = (
      await pool.query(
        'SELECT village_code, year, month, item_kind, item_name, qty::int, points::int, lines FROM village_items WHERE lines <> 0 ORDER BY 1, 2, 3, 4, 5',
      )
    ).rows;
    const fromLines = (
      await pool.query(
        `SELECT village_code, year, substr(local_date, 6, 2)::int AS month, item_kind, item_name, SUM(qty)::int AS qty, SUM(points)::int AS points, COUNT(*)::int AS lines
        FROM redemption_lines WHERE NOT voided GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
      )
    ).rows;
    expect(kept).toEqual(fromLines);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('migration 002 fills the per-item totals of a county that ingested before it', async () => {
    const old = openPool(await createTestDatabase('ingest002'), 2);
    const dir = mkdtempSync(join(tmpdir(), 'county-001-'));
    try {
      copyFileSync(join(countyMigrationsDir, '001_init.sql'), join(dir, '001_init.sql'));
      await migrateCounty(old, dir);
      await old.query(
        `INSERT INTO redemption_lines (village_code, receipt_no, line_id, household_id, year, local_date, counter_id, item_kind, item_name, qty, points, voided)
        VALUES ('469030101201', 'R1', 1, 1, 2026, '2026-03-15', 'C01', 'goods', '洗衣粉', 2, 4, false),
               ('469030101201', 'R2', 2, 1, 2026, '2026-03-20', 'C01', 'goods', '洗衣粉', 1, 2, false),
               ('469030101201', 'R3', 3, 2, 2026, '2026-03-20', 'C01', 'goods', '洗衣粉', 5, 10, true),
               ('469030101201', 'R3', 4, 2, 2026, '2026-11-02', 'C01', 'service', '理发', 1, 3, false)`,
      );
      expect((await migrateCounty(old)).applied).toContain('002_village_items.sql');
      expect((await old.query('SELECT year, month, item_kind, item_name, qty::int, points::int, lines FROM village_items ORDER BY month')).rows).toEqual([
        { year: 2026, month: 3, item_kind: 'goods', item_name: '洗衣粉', qty: 3, points: 6, lines: 2 },
        { year: 2026, month: 11, item_kind: 'service', item_name: '理发', qty: 1, points: 3, lines: 1 },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await old.end();
    }
  });
});
