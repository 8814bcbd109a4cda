import { createHash } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../core/errors.js';
import { areaPrefix, levelOf } from './areas.js';

export const tokenHash = (token: string): string => createHash('sha256').update(`villager:${token}`).digest('hex');

export interface VillageRow {
  code: string;
  name: string;
  town: string;
  townName: string;
  households: number;
  participating: number;
  awarded: number;
  deducted: number;
  redeemedGoods: number;
  redeemedServices: number;
  asOf: string | null;
  paired: boolean;
}

/** Every registered village in the area, with its year's figures up to and including month `toMonth`. */
export async function villageRows(pool: pg.Pool, areaCode: string, year: number, toMonth = 12): Promise<VillageRow[]> {
  const prefix = areaPrefix(areaCode);
  const rows = (
    await pool.query(
      `
    SELECT a.code, a.name, t.code AS town, t.name AS town_name,
      COALESCE(vh.households, 0) AS households, COALESCE(vp.households, 0) AS participating,
      COALESCE(m.awarded, 0) AS awarded, COALESCE(m.deducted, 0) AS deducted, COALESCE(m.goods, 0) AS goods, COALESCE(m.services, 0) AS services,
      l.as_of, l.paired
    FROM areas a JOIN areas t ON t.code = a.parent
    LEFT JOIN village_households vh ON vh.village_code = a.code
    LEFT JOIN village_participation vp ON vp.village_code = a.code AND vp.year = $2
    LEFT JOIN (SELECT village_code, SUM(awarded) AS awarded, SUM(deducted) AS deducted, SUM(redeemed_goods) AS goods, SUM(redeemed_services) AS services
      FROM village_months WHERE year = $2 AND month <= $3 AND village_code LIKE $1 || '%' GROUP BY village_code) m ON m.village_code = a.code
    LEFT JOIN (SELECT village_code, MAX(as_of) AS as_of, bool_or(revoked_at IS NULL) AS paired FROM village_links GROUP BY village_code) l ON l.village_code = a.code
    WHERE a.level = 'village' AND a.code LIKE $1 || '%'
    ORDER BY a.code`,
      [prefix, year, toMonth],
    )
  ).rows;
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    town: r.town,
    townName: r.town_name,
    households: r.households,
    participating: r.participating,
    awarded: r.awarded,
    deducted: r.deducted,
    redeemedGoods: r.goods,
    redeemedServices: r.services,
    asOf: r.as_of ? (r.as_of as Date).toISOString() : null,
    paired: r.paired ?? false,
  }));
}

export async function dashboard(pool: pg.Pool, areaCode: string, year: number) {
  const prefix = areaPrefix(areaCode);
  const area = (await pool.query('SELECT code, name, level FROM areas WHERE code = $1', [areaCode])).rows[0];
  if (!area) throw new AppError('NOT_FOUND', '地区未登记 (area not registered)', { areaCode });
  const [villages, months, funding, items, boards] = await Promise.all([
    villageRows(pool, areaCode, year),
    pool.query(
      `SELECT month, SUM(awarded) AS awarded, SUM(deducted) AS deducted, SUM(redeemed_goods) AS goods, SUM(redeemed_services) AS services
      FROM village_months WHERE year = $2 AND village_code LIKE $1 || '%' GROUP BY month ORDER BY month`,
      [prefix, year],
    ),
    pool.query(
      `SELECT source, SUM(qty::bigint * unit_cost_fen) AS fen FROM funding WHERE year = $2 AND village_code LIKE $1 || '%' GROUP BY source ORDER BY source`,
      [prefix, year],
    ),
    pool.query(
      `SELECT item_kind AS kind, item_name AS name, SUM(qty)::int AS qty, SUM(points)::int AS points FROM redemption_lines
      WHERE year = $2 AND NOT voided AND village_code LIKE $1 || '%' GROUP BY item_kind, item_name ORDER BY SUM(points) DESC, item_name LIMIT 30`,
      [prefix, year],
    ),
    latestBoards(pool, prefix, year),
  ]);
  const sum = (k: 'households' | 'participating' | 'awarded' | 'deducted' | 'redeemedGoods' | 'redeemedServices') => villages.reduce((s, v) => s + v[k], 0);
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const m = months.rows.find((r) => r.month === i + 1);
    return { month: i + 1, awarded: m?.awarded ?? 0, deducted: m?.deducted ?? 0, redeemedGoods: m?.goods ?? 0, redeemedServices: m?.services ?? 0 };
  });
  return {
    area: { code: area.code as string, name: area.name as string, level: area.level as string },
    year,
    totals: {
      villages: villages.length,
      households: sum('households'),
      participating: sum('participating'),
      awarded: sum('awarded'),
      deducted: sum('deducted'),
      redeemedGoods: sum('redeemedGoods'),
      redeemedServices: sum('redeemedServices'),
    },
    villages,
    byMonth,
    fundingBySource: funding.rows.map((r) => ({ source: r.source as string, fen: r.fen as number })),
    /** Non-voided redemption lines by item, the 30 with the most points. */
    redemptionByItem: items.rows as { kind: 'goods' | 'service'; name: string; qty: number; points: number }[],
    boards,
  };
}

interface BoardRowOut {
  householdId: number;
  name: string;
  group: string;
  score: number;
  rank: number;
}

/** Each village's latest standing board of the year (a withdrawn one does not stand), and the area's red board across villages. */
async function latestBoards(pool: pg.Pool, prefix: string, year: number) {
  const rows = (
    await pool.query(
      `
    SELECT DISTINCT ON (b.village_code) b.village_code, a.name, b.quarter, b.snapshot FROM boards b JOIN areas a ON a.code = b.village_code
    WHERE b.year = $2 AND b.action = 'publish' AND b.village_code LIKE $1 || '%'
      AND NOT EXISTS (SELECT 1 FROM boards w WHERE w.village_code = b.village_code AND w.withdraws_id = b.publication_id)
    ORDER BY b.village_code, b.quarter DESC, b.publication_id DESC`,
      [prefix, year],
    )
  ).rows as { village_code: string; name: string; quarter: number; snapshot: { red: BoardRowOut[]; black: BoardRowOut[] } }[];
  const perVillage = rows.map((r) => ({ villageCode: r.village_code, villageName: r.name, quarter: r.quarter, red: r.snapshot.red, black: r.snapshot.black }));
  const areaRed = perVillage
    .flatMap((v) => v.red.map((x) => ({ ...x, villageCode: v.villageCode, villageName: v.villageName })))
    .sort((a, b) => b.score - a.score || a.villageCode.localeCompare(b.villageCode) || a.householdId - b.householdId)
    .slice(0, 20);
  return { perVillage, areaRed };
}

export const periodMonth = { jun: 6, sep: 9, dec: 12 } as const;
export type ReportPeriod = keyof typeof periodMonth;

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

/**
 * The progress report (6月底, 9月底, 12月底): every village's figures to the period's end, whether
 * it has reported up to then (its last push, by its own clock, at or after the period's last day),
 * and each village beside its town's and the county's medians.
 */
export async function progressReport(pool: pg.Pool, areaCode: string, period: ReportPeriod, year: number) {
  const toMonth = periodMonth[period];
  const periodEnd = `${year}-${String(toMonth).padStart(2, '0')}-${toMonth === 6 ? 30 : toMonth === 9 ? 30 : 31}`;
  const county = `${areaCode.slice(0, 6)}000000`;
  const all = await villageRows(pool, county, year, toMonth);
  const measure = (v: VillageRow) => ({
    participationPct: rate(v.participating, v.households),
    awardedPerHousehold: v.households ? Math.round((v.awarded / v.households) * 10) / 10 : 0,
    redeemedPerHousehold: v.households ? Math.round(((v.redeemedGoods + v.redeemedServices) / v.households) * 10) / 10 : 0,
  });
  const medians = (vs: VillageRow[]) => {
    const ms = vs.map(measure);
    return {
      participationPct: median(ms.map((m) => m.participationPct)),
      awardedPerHousehold: median(ms.map((m) => m.awardedPerHousehold)),
      redeemedPerHousehold: median(ms.map((m) => m.redeemedPerHousehold)),
    };
  };
  const countyMedians = medians(all);
  const townMedians = new Map<string, ReturnType<typeof medians>>();
  for (const t of new Set(all.map((v) => v.town))) townMedians.set(t, medians(all.filter((v) => v.town === t)));
  const prefix = areaPrefix(areaCode);
  const inArea = all.filter((v) => v.code.startsWith(prefix));
  const villages = inArea.map((v) => ({
    ...v,
    ...measure(v),
    reported: v.asOf !== null && v.asOf.slice(0, 10) >= periodEnd,
    townMedians: townMedians.get(v.town)!,
  }));
  return {
    areaCode,
    level: levelOf(areaCode),
    period,
    year,
    periodEnd,
    villages,
    notReported: villages.filter((v) => !v.reported).map((v) => ({ code: v.code, name: v.name, asOf: v.asOf })),
    countyMedians,
    totals: {
      households: inArea.reduce((s, v) => s + v.households, 0),
      participating: inArea.reduce((s, v) => s + v.participating, 0),
      awarded: inArea.reduce((s, v) => s + v.awarded, 0),
      deducted: inArea.reduce((s, v) => s + v.deducted, 0),
      redeemed: inArea.reduce((s, v) => s + v.redeemedGoods + v.redeemedServices, 0),
    },
  };
}

/** The villager's page: what the token's household may see of itself, and nothing identifying anyone else. */
export async function villagerPage(pool: pg.Pool, token: string, year: number) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new AppError('NOT_FOUND', '二维码无效或已更换 (unknown or reissued code)');
  const h = (
    await pool.query(
      `SELECT t.village_code, t.household_id, h.name, a.name AS village_name
    FROM household_tokens t JOIN households h ON h.village_code = t.village_code AND h.household_id = t.household_id
    JOIN areas a ON a.code = t.village_code WHERE t.token_hash = $1`,
      [tokenHash(token)],
    )
  ).rows[0] as { village_code: string; household_id: number; name: string; village_name: string } | undefined;
  if (!h) throw new AppError('NOT_FOUND', '二维码无效或已更换 (unknown or reissued code)');
  const [totals, lines, rank] = await Promise.all([
    pool.query('SELECT awarded, deducted, redeemed, score, available FROM household_years WHERE village_code = $1 AND household_id = $2 AND year = $3', [
      h.village_code,
      h.household_id,
      year,
    ]),
    pool.query(
      `SELECT occurred_on AS date, rule, points FROM ledger_lines WHERE village_code = $1 AND household_id = $2 AND year = $3
      ORDER BY occurred_on DESC, entry_id DESC LIMIT 500`,
      [h.village_code, h.household_id, year],
    ),
    pool.query(
      `SELECT COUNT(*) FILTER (WHERE y.score > me.score)::int AS above, COUNT(*)::int AS n
      FROM household_years y, (SELECT COALESCE((SELECT score FROM household_years WHERE village_code = $1 AND household_id = $2 AND year = $3), 0) AS score) me
      WHERE y.village_code = $1 AND y.year = $3`,
      [h.village_code, h.household_id, year],
    ),
  ]);
  const t = totals.rows[0] ?? { awarded: 0, deducted: 0, redeemed: 0, score: 0, available: 0 };
  const { above, n } = rank.rows[0] as { above: number; n: number };
  const share = n ? (above + 1) / n : 1;
  const band: 'top10' | 'top25' | 'top50' | 'rest' | null = n === 0 ? null : share <= 0.1 ? 'top10' : share <= 0.25 ? 'top25' : share <= 0.5 ? 'top50' : 'rest';
  return {
    village: h.village_name,
    household: h.name,
    year,
    score: t.score as number,
    redeemed: t.redeemed as number,
    available: t.available as number,
    lines: lines.rows as { date: string; rule: string; points: number }[],
    rankBand: band,
  };
}
