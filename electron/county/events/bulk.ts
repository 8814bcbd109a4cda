import type pg from 'pg';
import { checkDayClose, checkDayCloseAgainstLines, checkLineSign, checkYearAgainstLines, checkYearArithmetic, type Finding } from './checks.js';
import type { UpwardPayload, UpwardType } from './schemas.js';

/**
 * The one writer per upward event type, applied a run at a time (consecutive events of one type, in
 * seq order): a few set-based statements per run instead of several per event, with the result one
 * at a time would give (an event repeated inside a run is refused as a repeat, as the second of two
 * pushes would be). Each returns the findings by index; a flagged event writes nothing. Reads see
 * the earlier runs of the same push (one transaction, in order). `v` is always the village of the
 * link that signed the push, never a code from a payload.
 */
export type Run<T extends UpwardType> = UpwardPayload<T>[];
export type Findings = Map<number, Finding>;

const month = (date: string) => Number(date.slice(5, 7));

async function knownHouseholds(c: pg.PoolClient, v: string, ids: number[]): Promise<Set<number>> {
  const rows = (await c.query('SELECT household_id FROM households WHERE village_code = $1 AND household_id = ANY($2::int[])', [v, [...new Set(ids)]])).rows;
  return new Set(rows.map((r) => r.household_id as number));
}

const unknown = (id: number): Finding => ({ reason: 'unknown_household', detail: `本村未报送过户 ${id} (household never reported by this village)` });

/** Adds to village_months: one row per (year, month) the run touched. */
async function addMonths(c: pg.PoolClient, v: string, adds: Map<string, { awarded: number; deducted: number; goods: number; services: number }>) {
  if (!adds.size) return;
  const keys = [...adds.keys()];
  await c.query(
    `INSERT INTO village_months (village_code, year, month, awarded, deducted, redeemed_goods, redeemed_services)
    SELECT $1, y, m, a, d, g, s FROM unnest($2::int[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[]) AS t(y, m, a, d, g, s)
    ON CONFLICT (village_code, year, month) DO UPDATE SET awarded = village_months.awarded + EXCLUDED.awarded, deducted = village_months.deducted + EXCLUDED.deducted,
      redeemed_goods = village_months.redeemed_goods + EXCLUDED.redeemed_goods, redeemed_services = village_months.redeemed_services + EXCLUDED.redeemed_services`,
    [
      v,
      keys.map((k) => Number(k.split('-')[0])),
      keys.map((k) => Number(k.split('-')[1])),
      keys.map((k) => adds.get(k)!.awarded),
      keys.map((k) => adds.get(k)!.deducted),
      keys.map((k) => adds.get(k)!.goods),
      keys.map((k) => adds.get(k)!.services),
    ],
  );
}

/** Per-item redemption figures a run adds (or a void takes back), keyed by year, month, kind and name. */
export interface ItemAdd {
  year: number;
  month: number;
  kind: 'goods' | 'service';
  name: string;
  qty: number;
  points: number;
  lines: number;
}

/** Adds to village_items: one row per (year, month, kind, item) the run touched. */
export async function addItems(c: pg.PoolClient, v: string, adds: ItemAdd[]) {
  const merged = new Map<string, ItemAdd>();
  for (const a of adds) {
    const k = JSON.stringify([a.year, a.month, a.kind, a.name]);
    const m = merged.get(k);
    if (m) {
      m.qty += a.qty;
      m.points += a.points;
      m.lines += a.lines;
    } else merged.set(k, { ...a });
  }
  if (!merged.size) return;
  const xs = [...merged.values()];
  await c.query(
    `INSERT INTO village_items (village_code, year, month, item_kind, item_name, qty, points, lines)
    SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::int[])
    ON CONFLICT (village_code, year, month, item_kind, item_name) DO UPDATE SET qty = village_items.qty + EXCLUDED.qty,
      points = village_items.points + EXCLUDED.points, lines = village_items.lines + EXCLUDED.lines`,
    [v, ...(['year', 'month', 'kind', 'name', 'qty', 'points', 'lines'] as const).map((k) => xs.map((x) => x[k]))],
  );
}

function monthAdder() {
  const adds = new Map<string, { awarded: number; deducted: number; goods: number; services: number }>();
  return {
    adds,
    add(year: number, m: number, k: 'awarded' | 'deducted' | 'goods' | 'services', n: number) {
      const key = `${year}-${m}`;
      const a = adds.get(key) ?? { awarded: 0, deducted: 0, goods: 0, services: 0 };
      a[k] += n;
      adds.set(key, a);
    },
  };
}

export async function households(c: pg.PoolClient, v: string, run: Run<'household'>): Promise<Findings> {
  // The last word per household wins, as it would one at a time.
  const last = new Map(run.map((p) => [p.householdId, p]));
  const ps = [...last.values()];
  const added = (
    await c.query(
      `INSERT INTO households (village_code, household_id, name, grp) SELECT $1, h, n, g FROM unnest($2::int[], $3::text[], $4::text[]) AS t(h, n, g)
    ON CONFLICT (village_code, household_id) DO UPDATE SET name = EXCLUDED.name, grp = EXCLUDED.grp RETURNING (xmax = 0) AS added`,
      [v, ps.map((p) => p.householdId), ps.map((p) => p.name), ps.map((p) => p.group)],
    )
  ).rows.filter((r) => r.added).length;
  if (added) {
    await c.query(
      `INSERT INTO village_households (village_code, households) VALUES ($1, $2)
      ON CONFLICT (village_code) DO UPDATE SET households = village_households.households + EXCLUDED.households`,
      [v, added],
    );
  }
  return new Map();
}

export async function ledgerLines(c: pg.PoolClient, v: string, run: Run<'ledger.line'>): Promise<Findings> {
  const findings: Findings = new Map();
  const known = await knownHouseholds(
    c,
    v,
    run.map((p) => p.householdId),
  );
  const ok: { i: number; p: UpwardPayload<'ledger.line'> }[] = [];
  const seen = new Set<number>();
  run.forEach((p, i) => {
    const f =
      checkLineSign(p) ??
      (known.has(p.householdId) ? null : unknown(p.householdId)) ??
      (seen.has(p.entryId) ? { reason: 'already_reported', detail: `记分条目 ${p.entryId} 已报送过` } : null);
    if (f) findings.set(i, f);
    else {
      seen.add(p.entryId);
      ok.push({ i, p });
    }
  });
  if (!ok.length) return findings;
  const inserted = new Set(
    (
      await c.query(
        `INSERT INTO ledger_lines (village_code, entry_id, household_id, year, occurred_on, category, rule, heading, reversal, points)
    SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::int[])
    ON CONFLICT DO NOTHING RETURNING entry_id`,
        [v, ...(['entryId', 'householdId', 'year', 'date', 'category', 'rule', 'heading', 'reversal', 'points'] as const).map((k) => ok.map((x) => x.p[k]))],
      )
    ).rows.map((r) => r.entry_id as number),
  );
  const months = monthAdder();
  const joined: { h: number; y: number }[] = [];
  for (const { i, p } of ok) {
    if (!inserted.has(p.entryId)) {
      findings.set(i, { reason: 'already_reported', detail: `记分条目 ${p.entryId} 已报送过，内容不同的重复报送不予采用 (reported before)` });
      continue;
    }
    months.add(p.year, month(p.date), p.heading === 'award' ? 'awarded' : 'deducted', p.heading === 'award' ? p.points : -p.points);
    if (!p.reversal) joined.push({ h: p.householdId, y: p.year });
  }
  await addMonths(c, v, months.adds);
  if (joined.length) {
    const years = (
      await c.query(
        `INSERT INTO participation (village_code, year, household_id) SELECT DISTINCT $1, y, h FROM unnest($2::int[], $3::int[]) AS t(y, h)
      ON CONFLICT DO NOTHING RETURNING year`,
        [v, joined.map((j) => j.y), joined.map((j) => j.h)],
      )
    ).rows.map((r) => r.year as number);
    const per = new Map<number, number>();
    for (const y of years) per.set(y, (per.get(y) ?? 0) + 1);
    if (per.size) {
      await c.query(
        `INSERT INTO village_participation (village_code, year, households) SELECT $1, y, n FROM unnest($2::int[], $3::int[]) AS t(y, n)
        ON CONFLICT (village_code, year) DO UPDATE SET households = village_participation.households + EXCLUDED.households`,
        [v, [...per.keys()], [...per.values()]],
      );
    }
  }
  return findings;
}

export async function redemptionLines(c: pg.PoolClient, v: string, run: Run<'redemption.line'>): Promise<Findings> {
  const findings: Findings = new Map();
  const known = await knownHouseholds(
    c,
    v,
    run.map((p) => p.householdId),
  );
  const ok: { i: number; p: UpwardPayload<'redemption.line'> }[] = [];
  const seen = new Set<number>();
  run.forEach((p, i) => {
    const f = known.has(p.householdId)
      ? seen.has(p.lineId)
        ? { reason: 'already_reported', detail: `兑换明细 ${p.lineId} 已报送过` }
        : null
      : unknown(p.householdId);
    if (f) findings.set(i, f);
    else {
      seen.add(p.lineId);
      ok.push({ i, p });
    }
  });
  if (!ok.length) return findings;
  const inserted = new Set(
    (
      await c.query(
        `INSERT INTO redemption_lines (village_code, line_id, receipt_no, household_id, year, local_date, counter_id, item_kind, item_name, qty, points)
    SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[])
    ON CONFLICT DO NOTHING RETURNING line_id`,
        [
          v,
          ...(['lineId', 'receiptNo', 'householdId', 'year', 'date', 'counterId', 'itemKind', 'itemName', 'qty', 'points'] as const).map((k) =>
            ok.map((x) => x.p[k]),
          ),
        ],
      )
    ).rows.map((r) => r.line_id as number),
  );
  const months = monthAdder();
  const items: ItemAdd[] = [];
  for (const { i, p } of ok) {
    if (!inserted.has(p.lineId))
      findings.set(i, { reason: 'already_reported', detail: `兑换明细 ${p.lineId} 已报送过，内容不同的重复报送不予采用 (reported before)` });
    else {
      months.add(p.year, month(p.date), p.itemKind === 'goods' ? 'goods' : 'services', p.points);
      items.push({ year: p.year, month: month(p.date), kind: p.itemKind, name: p.itemName, qty: p.qty, points: p.points, lines: 1 });
    }
  }
  await addMonths(c, v, months.adds);
  await addItems(c, v, items);
  return findings;
}

export async function householdYears(c: pg.PoolClient, v: string, run: Run<'household.year'>): Promise<Findings> {
  const findings: Findings = new Map();
  const known = await knownHouseholds(
    c,
    v,
    run.map((p) => p.householdId),
  );
  const ids = [...new Set(run.map((p) => p.householdId))];
  const sums = new Map<string, { awarded: number; deducted: number; redeemed: number }>();
  const key = (h: number, y: number) => `${h}-${y}`;
  for (const r of (
    await c.query(
      `SELECT household_id AS h, year AS y, COALESCE(SUM(points) FILTER (WHERE heading = 'award'), 0) AS a,
      COALESCE(-SUM(points) FILTER (WHERE heading = 'deduction'), 0) AS d FROM ledger_lines WHERE village_code = $1 AND household_id = ANY($2::int[]) GROUP BY 1, 2`,
      [v, ids],
    )
  ).rows) {
    sums.set(key(r.h, r.y), { awarded: r.a, deducted: r.d, redeemed: 0 });
  }
  for (const r of (
    await c.query(
      `SELECT household_id AS h, year AS y, COALESCE(SUM(points) FILTER (WHERE NOT voided), 0) AS r FROM redemption_lines
      WHERE village_code = $1 AND household_id = ANY($2::int[]) GROUP BY 1, 2`,
      [v, ids],
    )
  ).rows) {
    sums.set(key(r.h, r.y), { ...(sums.get(key(r.h, r.y)) ?? { awarded: 0, deducted: 0, redeemed: 0 }), redeemed: r.r });
  }
  const ok = new Map<string, UpwardPayload<'household.year'>>();
  run.forEach((p, i) => {
    const f =
      checkYearArithmetic(p) ??
      (known.has(p.householdId) ? null : unknown(p.householdId)) ??
      checkYearAgainstLines(p, sums.get(key(p.householdId, p.year)) ?? { awarded: 0, deducted: 0, redeemed: 0 });
    if (f) findings.set(i, f);
    else ok.set(key(p.householdId, p.year), p);
  });
  const ps = [...ok.values()];
  if (ps.length) {
    await c.query(
      `INSERT INTO household_years (village_code, household_id, year, awarded, deducted, redeemed, score, available)
      SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])
      ON CONFLICT (village_code, household_id, year) DO UPDATE SET awarded = EXCLUDED.awarded, deducted = EXCLUDED.deducted, redeemed = EXCLUDED.redeemed,
        score = EXCLUDED.score, available = EXCLUDED.available`,
      [v, ...(['householdId', 'year', 'awarded', 'deducted', 'redeemed', 'score', 'available'] as const).map((k) => ps.map((p) => p[k]))],
    );
  }
  return findings;
}

/** One live token per household: the run's last word per household stands; a hash held by another household is refused. */
export async function householdTokens(c: pg.PoolClient, v: string, run: Run<'household.token'>): Promise<Findings> {
  const findings: Findings = new Map();
  const last = new Map<number, number>();
  run.forEach((p, i) => last.set(p.householdId, i));
  await c.query('DELETE FROM household_tokens WHERE village_code = $1 AND household_id = ANY($2::int[])', [v, [...last.keys()]]);
  const live = [...last.values()].filter((i) => run[i].tokenHash !== null);
  const inserted = new Set(
    (
      await c.query(
        `INSERT INTO household_tokens (token_hash, village_code, household_id) SELECT t, $1, h FROM unnest($2::text[], $3::int[]) AS x(t, h)
    ON CONFLICT DO NOTHING RETURNING household_id`,
        [v, live.map((i) => run[i].tokenHash), live.map((i) => run[i].householdId)],
      )
    ).rows.map((r) => r.household_id as number),
  );
  for (const i of live)
    if (!inserted.has(run[i].householdId)) findings.set(i, { reason: 'token_taken', detail: '二维码令牌已被占用 (token hash already in use)' });
  return findings;
}

const alreadyReported = (what: string): Finding => ({ reason: 'already_reported', detail: `${what} 已报送过，内容不同的重复报送不予采用 (reported before)` });

/**
 * A fact the village reports once under its own id: the first event of each key in the run goes to
 * `sql` (an INSERT … ON CONFLICT DO NOTHING that returns the key as `k`); a repeat, later in the run
 * or of an earlier push, is refused, as the second of two pushes would be. Events already in
 * `findings` (failed checks) are left out.
 */
async function insertOnce<P>(
  c: pg.PoolClient,
  run: P[],
  findings: Findings,
  fact: { key: (p: P) => string; what: (p: P) => string; sql: string; params: (ps: P[]) => unknown[] },
) {
  const seen = new Set<string>();
  const ok: { i: number; p: P }[] = [];
  run.forEach((p, i) => {
    if (findings.has(i)) return;
    const k = fact.key(p);
    if (seen.has(k)) findings.set(i, alreadyReported(fact.what(p)));
    else {
      seen.add(k);
      ok.push({ i, p });
    }
  });
  if (!ok.length) return findings;
  const inserted = new Set((await c.query(fact.sql, fact.params(ok.map((x) => x.p)))).rows.map((r) => String(r.k)));
  for (const { i, p } of ok) if (!inserted.has(fact.key(p))) findings.set(i, alreadyReported(fact.what(p)));
  return findings;
}

const column = <P, K extends keyof P>(ps: P[], ...keys: K[]) => keys.map((k) => ps.map((p) => p[k]));

/** A void takes back its receipt's lines from the month and item totals; a receipt unknown or already void is refused (a repeat in the run too). */
export async function redemptionVoids(c: pg.PoolClient, v: string, run: Run<'redemption.void'>): Promise<Findings> {
  const findings: Findings = new Map();
  const first = new Map<string, number>();
  run.forEach((p, i) => {
    if (!first.has(p.receiptNo)) first.set(p.receiptNo, i);
  });
  const lines = (
    await c.query(
      `UPDATE redemption_lines SET voided = true WHERE village_code = $1 AND receipt_no = ANY($2::text[]) AND NOT voided
      RETURNING receipt_no, year, local_date, item_kind, item_name, qty, points`,
      [v, [...first.keys()]],
    )
  ).rows as { receipt_no: string; year: number; local_date: string; item_kind: 'goods' | 'service'; item_name: string; qty: number; points: number }[];
  const voided = new Set(lines.map((l) => l.receipt_no));
  run.forEach((p, i) => {
    if (first.get(p.receiptNo) !== i || !voided.has(p.receiptNo))
      findings.set(i, { reason: 'unknown_receipt', detail: `作废的小票 ${p.receiptNo} 未报送或已作废 (receipt unknown or already void)` });
  });
  const months = monthAdder();
  for (const l of lines) months.add(l.year, month(l.local_date), l.item_kind === 'goods' ? 'goods' : 'services', -l.points);
  await addMonths(c, v, months.adds);
  await addItems(
    c,
    v,
    lines.map((l) => ({ year: l.year, month: month(l.local_date), kind: l.item_kind, name: l.item_name, qty: -l.qty, points: -l.points, lines: -1 })),
  );
  return findings;
}

/** A day close must add up by itself and, where the county holds all its receipts, equal their lines. */
export async function dayCloses(c: pg.PoolClient, v: string, run: Run<'day.close'>): Promise<Findings> {
  const findings: Findings = new Map();
  run.forEach((p, i) => {
    const f = checkDayClose(p);
    if (f) findings.set(i, f);
  });
  const pairs = [...new Set(run.map((p) => JSON.stringify([p.counterId, p.date])))].map((k) => JSON.parse(k) as [string, string]);
  const sums = new Map<string, { receipts: number; points: number }>();
  for (const r of (
    await c.query(
      `SELECT k.counter_id, k.local_date, COUNT(DISTINCT l.receipt_no)::int AS receipts, COALESCE(SUM(l.points), 0) AS points
      FROM unnest($2::text[], $3::text[]) AS k(counter_id, local_date)
      LEFT JOIN redemption_lines l ON l.village_code = $1 AND l.counter_id = k.counter_id AND l.local_date = k.local_date
      GROUP BY 1, 2`,
      [v, pairs.map((x) => x[0]), pairs.map((x) => x[1])],
    )
  ).rows)
    sums.set(JSON.stringify([r.counter_id, r.local_date]), { receipts: r.receipts, points: r.points });
  run.forEach((p, i) => {
    if (findings.has(i)) return;
    const f = checkDayCloseAgainstLines(p, sums.get(JSON.stringify([p.counterId, p.date]))!);
    if (f) findings.set(i, f);
  });
  return insertOnce(c, run, findings, {
    key: (p) => `${p.counterId}\n${p.closeNo}`,
    what: (p) => `日结 ${p.counterId}-${p.closeNo}`,
    sql: `INSERT INTO day_closes (village_code, counter_id, close_no, local_date, count, points, voids, void_points)
      SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[])
      ON CONFLICT DO NOTHING RETURNING counter_id || E'\\n' || close_no AS k`,
    params: (ps) => [v, ...column(ps, 'counterId', 'closeNo', 'date', 'count', 'points', 'voids', 'voidPoints')],
  });
}

export async function boards(c: pg.PoolClient, v: string, run: Run<'board'>): Promise<Findings> {
  return insertOnce(c, run, new Map(), {
    key: (p) => String(p.publicationId),
    what: (p) => `红黑榜 ${p.publicationId}`,
    sql: `INSERT INTO boards (village_code, publication_id, year, quarter, action, withdraws_id, snapshot, at)
      SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::int[], $7::jsonb[], $8::text[])
      ON CONFLICT DO NOTHING RETURNING publication_id AS k`,
    params: (ps) => [
      v,
      ...column(ps, 'publicationId', 'year', 'quarter', 'action', 'withdrawsId'),
      ps.map((p) => (p.snapshot === null ? null : JSON.stringify(p.snapshot))),
      ps.map((p) => p.at),
    ],
  });
}

export async function awardDecisions(c: pg.PoolClient, v: string, run: Run<'award.decision'>): Promise<Findings> {
  const findings: Findings = new Map();
  const known = await knownHouseholds(
    c,
    v,
    run.map((p) => p.householdId),
  );
  run.forEach((p, i) => {
    if (!known.has(p.householdId)) findings.set(i, unknown(p.householdId));
  });
  return insertOnce(c, run, findings, {
    key: (p) => String(p.decisionId),
    what: (p) => `评选结果 ${p.decisionId}`,
    sql: `INSERT INTO award_decisions (village_code, decision_id, award, year, household_id, decision, score)
      SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::int[])
      ON CONFLICT DO NOTHING RETURNING decision_id AS k`,
    params: (ps) => [v, ...column(ps, 'decisionId', 'award', 'year', 'householdId', 'decision', 'score')],
  });
}

export async function fundings(c: pg.PoolClient, v: string, run: Run<'funding'>): Promise<Findings> {
  return insertOnce(c, run, new Map(), {
    key: (p) => String(p.movementId),
    what: (p) => `入库 ${p.movementId}`,
    sql: `INSERT INTO funding (village_code, movement_id, year, month, source, item_name, qty, unit_cost_fen)
      SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[])
      ON CONFLICT DO NOTHING RETURNING movement_id AS k`,
    params: (ps) => [
      v,
      ps.map((p) => p.movementId),
      ps.map((p) => Number(p.date.slice(0, 4))),
      ps.map((p) => month(p.date)),
      ...column(ps, 'source', 'itemName', 'qty', 'unitCostFen'),
    ],
  });
}

type Appliers = { [T in UpwardType]: (c: pg.PoolClient, v: string, run: Run<T>) => Promise<Findings> };

export const bulkAppliers: Appliers = {
  'household.token': householdTokens,
  household: households,
  'ledger.line': ledgerLines,
  'redemption.line': redemptionLines,
  'household.year': householdYears,
  'redemption.void': redemptionVoids,
  'day.close': dayCloses,
  board: boards,
  'award.decision': awardDecisions,
  funding: fundings,
};
