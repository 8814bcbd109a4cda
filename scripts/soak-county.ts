/**
 * `npm run soak:county [-- --villages 3 --ops 400 --households 60 --seed 7]`
 *
 * A real PostgreSQL, the county server and village offices as processes, the offices reaching the
 * county through the sync soak's fault proxy (drops, duplicates, delays, reorders, cut bodies). Each
 * office records and approves points, redeems goods and services, voids and closes the day while the
 * link is bad, then while it is down for a while (an outage of "days": the outbox only grows), then
 * while it comes back; one village is SIGKILLed in the middle of a push and restarted; the county
 * is stopped and restarted. At the end every event the villages wrote must be at the county exactly
 * once, and the county's figures must equal each village's own.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { FaultProxy, prng, villageLink, type Faults, type ProxyStats } from '../tests/sync/fault-proxy.js';
import { freePort, prepareOffice, ServerProcess, sleep, staff, type PreparedVillage } from '../tests/sync/harness.js';
import { createTestDatabase } from '../tests/support/pg.js';
import { CountyProcess, countyFigures, villageFigures } from '../tests/county/harness.js';

export interface CountySoakOptions {
  villages: number;
  ops: number;
  households: number;
  seed: number;
  faults?: Faults;
  log: (line: string) => void;
}

export interface CountySoakResult {
  villages: number;
  sent: number;
  applied: number;
  flagged: number;
  duplicates: number;
  lost: number;
  seconds: number;
  totalsEqual: boolean;
  differences: string[];
  kills: number;
  countyRestarts: number;
  proxy: ProxyStats;
}

const fastCounty = { POS_COUNTY_INTERVAL_MS: '150', POS_COUNTY_TIMEOUT_MS: '2500', POS_COUNTY_MAX_BACKOFF_MS: '1000', POS_COUNTY_PUSH_BATCH: '100' };

interface Village {
  code: string;
  prepared: PreparedVillage;
  office: ServerProcess;
  /** Set while the office is being brought back, so the loops and the main flow restart it once. */
  restarting?: Promise<void>;
  terminalId: string;
  tokens: Record<'admin' | 'shop' | 'clerk' | 'review', string>;
  receipts: number[];
  ruleId: number;
  deductionRuleId: number;
  seq: number;
}

/** Brings a village's office back up once, however many places notice it is down. */
function ensureUp(v: Village): Promise<void> {
  if (v.office.alive) return Promise.resolve();
  v.restarting ??= v.office.restart().finally(() => {
    v.restarting = undefined;
  });
  return v.restarting;
}

async function activity(v: Village, random: () => number, today: string): Promise<void> {
  const r = random();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const h = pick(v.prepared.households);
  if (r < 0.45) {
    const lines = [{ itemId: pick([...v.prepared.goods, ...v.prepared.services]), qty: 1 + Math.floor(random() * 2) }];
    const res = await v.office.call('redemptions.create', { householdId: h, lines, requestId: `soak${v.code}x${++v.seq}` }, v.tokens.shop);
    if (res.result) v.receipts.push(res.result.id);
  } else if (r < 0.85) {
    const ruleId = random() < 0.8 ? v.ruleId : v.deductionRuleId;
    const rec = await v.office.call('points.record', { householdIds: [h], ruleId, points: 1 + Math.floor(random() * 9), occurredOn: today }, v.tokens.clerk);
    if (rec.result)
      await v.office.call(
        'points.review',
        { entryIds: rec.result.entries.map((e: { id: number }) => e.id), decision: random() < 0.9 ? 'approve' : 'reject', reason: '核实' },
        v.tokens.review,
      );
  } else if (r < 0.93 && v.receipts.length) {
    const id = v.receipts.splice(Math.floor(random() * v.receipts.length), 1)[0];
    await v.office.call('redemptions.void', { id, reason: '顾客退回', supervisorUsername: 'admin', supervisorPin: staff.admin.pin }, v.tokens.shop);
  } else if (r < 0.97) {
    await v.office.call('county.qrToken', { householdId: h, reissue: true }, v.tokens.admin);
  } else {
    await v.office.call('day.close', {}, v.tokens.shop);
  }
}

export async function runCountySoak(o: CountySoakOptions): Promise<CountySoakResult> {
  const t0 = performance.now();
  const pgUrl = await createTestDatabase('soak');
  const countyPort = await freePort();
  const county = await CountyProcess.start(pgUrl, { port: countyPort });
  const proxy = new FaultProxy({ host: '127.0.0.1', port: countyPort }, { seed: o.seed, faults: o.faults ?? villageLink });
  const proxyUrl = await proxy.listen();
  const random = prng(o.seed);
  const villages: Village[] = [];
  let kills = 0;
  let countyRestarts = 0;
  try {
    const admin = await county.login();
    await county.ok('county.areas.add', { code: '469030101000', name: '叉河镇' }, admin);
    await county.ok('county.areas.add', { code: '469030102000', name: '石碌镇' }, admin);
    for (let i = 0; i < o.villages; i++) {
      const code = `4690301${i % 2 ? '02' : '01'}${String(201 + i).padStart(3, '0')}`;
      await county.ok('county.areas.add', { code, name: `村${i + 1}` }, admin);
      const prepared = await prepareOffice({ households: o.households, goods: 3, services: 1, pointsPerHousehold: 200, stockPerItem: 5000 });
      const office = await ServerProcess.start('office', { dataDir: prepared.dataDir, env: fastCounty });
      const tokens = {
        admin: await office.login('admin'),
        shop: await office.login('shop'),
        clerk: await office.login('clerk'),
        review: await office.login('review'),
      };
      const { code: pairing } = await county.ok('county.villages.pairingCode', { villageCode: code }, admin);
      await office.ok('county.pair', { countyUrl: proxyUrl, code: pairing, villageCode: code }, tokens.admin);
      const db = new Database(`${prepared.dataDir}/points.db`, { readonly: true });
      const terminalId = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'local.county.link'").get() as { value: string }).value)
        .terminalId as string;
      db.close();
      const ruleId = (await office.ok('rules.save', { category: '村规', name: '环境卫生', kind: 'award', minPoints: 1, maxPoints: 100 }, tokens.admin)).id;
      const deductionRuleId = (
        await office.ok('rules.save', { category: '村规', name: '乱扔垃圾', kind: 'deduction', minPoints: 1, maxPoints: 100 }, tokens.admin)
      ).id;
      villages.push({ code, prepared, office, terminalId, tokens, receipts: [], ruleId, deductionRuleId, seq: 0 });
      o.log(`village ${code} paired (${o.households} households)`);
    }
    const today = (await villages[0].office.ok('calendar.get', {}, villages[0].tokens.admin)).today as string;
    const run = async (n: number) => {
      await Promise.all(
        villages.map(async (v) => {
          for (let k = 0; k < n; k++) {
            await ensureUp(v);
            try {
              await activity(v, random, today);
            } catch (e) {
              // The office was SIGKILLed under this call (phase 3): what it committed is in its database,
              // and the soak compares databases, so the loop goes on once the office is back.
              if (!(e instanceof TypeError && e.message.includes('fetch failed'))) throw e;
              for (let i = 0; i < 100 && v.office.alive; i++) await sleep(50);
              if (v.office.alive) throw e;
            }
          }
        }),
      );
    };
    const third = Math.ceil(o.ops / 3);

    proxy.mode = 'faulty';
    o.log('phase 1: faulty link');
    await run(third);

    proxy.mode = 'down';
    o.log('phase 2: outage (the county unreachable; outboxes grow)');
    await run(third);
    // A short phase can end before any agent's timer fires; each village then tries once by hand, so
    // the outage is really met (and refused) whatever the machine's speed.
    for (const v of villages) {
      await ensureUp(v);
      await v.office.ok('county.sync', {}, v.tokens.admin);
    }

    // Back up, and the first village's office dies the moment the county has taken its push but before it hears so.
    const victim = villages[0];
    let armed = true;
    proxy.onForwarded = async (path, headers) => {
      if (!armed || path !== '/county/push' || headers['x-pos-terminal'] !== victim.terminalId) return;
      armed = false;
      await victim.office.kill();
      kills++;
    };
    proxy.mode = 'faulty';
    o.log('phase 3: link back (faulty); one village SIGKILLed mid-push; the county restarted');
    const work = run(third);
    for (let i = 0; i < 200 && armed; i++) await sleep(50);
    await ensureUp(victim);
    await county.stop();
    await sleep(500);
    await county.restart();
    countyRestarts++;
    await work;

    proxy.mode = 'clean';
    o.log('draining');
    for (const v of villages) {
      await ensureUp(v);
      for (let i = 0; ; i++) {
        const s = await v.office.ok('county.sync', {}, v.tokens.admin);
        if (s.pending === 0 && !s.lastError) break;
        if (i > 200) throw new Error(`village ${v.code} did not drain: ${JSON.stringify(s)}`);
        await sleep(100);
      }
    }

    const differences: string[] = [];
    let sent = 0,
      applied = 0,
      flagged = 0,
      lost = 0;
    for (const v of villages) {
      const vf = villageFigures(v.prepared.dataDir);
      const cf = await countyFigures(pgUrl, v.code);
      const inbox = new Map(cf.inbox.map((e) => [e.uuid, e.status]));
      sent += vf.uuids.length;
      for (const u of vf.uuids) {
        const s = inbox.get(u);
        if (s === undefined) lost++;
        else if (s === 'applied') applied++;
        else flagged++;
      }
      if (JSON.stringify(vf.years) !== JSON.stringify(cf.years)) differences.push(`${v.code}: household years differ`);
      for (const c of cf.conflicts) differences.push(`${v.code}: conflict ${c.type} ${c.reason} ${c.detail}`);
    }
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    const duplicates = Number((await c.query('SELECT COALESCE(SUM(duplicates), 0) AS n FROM village_links')).rows[0].n);
    // The dashboard's area totals against the villages' own sums.
    const year = Number(today.slice(0, 4));
    const d = await county.ok('county.dashboard', { areaCode: '469030000000', year }, await county.login());
    let awarded = 0,
      deducted = 0,
      redeemed = 0;
    for (const v of villages)
      for (const y of villageFigures(v.prepared.dataDir).years.filter((x) => x.y === year)) {
        awarded += y.a;
        deducted += y.d;
        redeemed += y.r;
      }
    if (d.totals.awarded !== awarded || d.totals.deducted !== deducted || d.totals.redeemedGoods + d.totals.redeemedServices !== redeemed) {
      differences.push(`dashboard ${JSON.stringify(d.totals)} vs villages awarded ${awarded} deducted ${deducted} redeemed ${redeemed}`);
    }
    await c.end();
    return {
      villages: villages.length,
      sent,
      applied,
      flagged,
      duplicates,
      lost,
      seconds: (performance.now() - t0) / 1000,
      totalsEqual: differences.length === 0,
      differences,
      kills,
      countyRestarts,
      proxy: { ...proxy.stats },
    };
  } finally {
    await proxy.close();
    for (const v of villages) await v.office.dispose();
    await county.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      villages: { type: 'string', default: '3' },
      ops: { type: 'string', default: '1500' },
      households: { type: 'string', default: '300' },
      seed: { type: 'string', default: '7' },
    },
  });
  const r = await runCountySoak({
    villages: Number(values.villages),
    ops: Number(values.ops),
    households: Number(values.households),
    seed: Number(values.seed),
    log: (l) => console.log(`[soak:county] ${(performance.now() / 1000).toFixed(1)}s ${l}`),
  });
  console.log(
    `villages ${r.villages}, events sent ${r.sent} / applied ${r.applied} / duplicates ${r.duplicates} / lost ${r.lost}, flagged ${r.flagged}, seconds ${r.seconds.toFixed(1)}`,
  );
  console.log(`SIGKILLs ${r.kills}, county restarts ${r.countyRestarts}, link ${JSON.stringify(r.proxy)}`);
  for (const d of r.differences) console.log(`  difference: ${d}`);
  console.log(`county totals equal village totals: ${r.totalsEqual ? 'yes' : 'no'}`);
  process.exit(r.totalsEqual && r.lost === 0 && r.flagged === 0 ? 0 : 1);
}
