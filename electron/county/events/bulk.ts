import type pg from 'pg';
import { checkLineSign, checkYearAgainstLines, checkYearArithmetic, type Finding } from './checks.js';
import type { UpwardPayload } from './schemas.js';

/**
 * The busy event types applied a run at a time (consecutive events of one type, in seq order), a
 * few statements per run instead of several per event: the same rules as apply.ts's one-at-a-time
 * writers, which the rarer types still use. Each returns the findings by index; a flagged event
 * writes nothing. Reads see the earlier runs of the same push (one transaction, in order).
 */
export type Run<T extends 'household' | 'household.year' | 'ledger.line' | 'redemption.line' | 'household.token'> = UpwardPayload<T>[];
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
  for (const { i, p } of ok) {
    if (!inserted.has(p.lineId))
      findings.set(i, { reason: 'already_reported', detail: `兑换明细 ${p.lineId} 已报送过，内容不同的重复报送不予采用 (reported before)` });
    else months.add(p.year, month(p.date), p.itemKind === 'goods' ? 'goods' : 'services', p.points);
  }
  await addMonths(c, v, months.adds);
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

export const bulkAppliers = {
  'household.token': householdTokens,
  household: households,
  'ledger.line': ledgerLines,
  'redemption.line': redemptionLines,
  'household.year': householdYears,
} as const;
