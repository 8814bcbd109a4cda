// npm run soak:crash [-- --kills 200]: power-cut safety, measured. A child process redeems (and now and
// then voids or receives stock) in a tight loop through the real dispatcher on a real database file,
// printing each committed receipt; it is SIGKILLed at a random instant, and the reopened database is
// checked: integrity_check, gapless receipt numbers, balances and stock equal to the sums of their
// rows, and every redemption the child reported as committed is there. Repeated `kills` times.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DB } from '../db/connection.js';
import { systemClock } from '../electron/core/clock.js';
import { createDispatcher } from '../electron/core/dispatcher.js';
import { handlers } from '../electron/app-contract.js';
import { insertUser } from '../electron/core/domains/auth/bootstrap.js';
import { villageYear } from '../electron/core/rules/village-date.js';

const here = fileURLToPath(import.meta.url);
const repoRoot = resolve(here, '..', '..');
const households = 40;
const adminPin = '918273';

export interface SoakResult {
  kills: number;
  checks: number;
  violations: string[];
  committed: number;
  voids: number;
  seconds: number;
}

/** Random but reproducible: a soak that found a violation can be run again with the same seed. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

// ---------------------------------------------------------------- child: redeem until killed

async function child(file: string, token: string, seed: number): Promise<void> {
  const db = openDatabase(file);
  const d = createDispatcher({ db, clock: systemClock }, handlers);
  const rand = rng(seed);
  const items = (db.prepare("SELECT id FROM catalog_items WHERE kind = 'goods'").all() as { id: number }[]).map((r) => r.id);
  const hh = (db.prepare('SELECT id FROM households').all() as { id: number }[]).map((r) => r.id);
  const mine: number[] = [];
  const out = (line: string) => process.stdout.write(`${line}\n`); // a pipe is written synchronously on POSIX
  out('READY');
  for (let n = 0; ; n++) {
    const r = rand();
    if (r < 0.08 && mine.length) {
      const id = mine[Math.floor(rand() * mine.length)];
      const reply = await d.call('redemptions.void', { id, reason: '浸泡测试作废', supervisorUsername: 'admin', supervisorPin: adminPin }, token);
      if ('result' in reply) out(`V ${id}`);
    } else if (r < 0.12) {
      const itemId = items[Math.floor(rand() * items.length)];
      const reply = await d.call('stock.receive', { itemId, qty: 5, fundingSource: 'fiscal' }, token);
      if ('result' in reply) out(`S ${itemId}`);
    } else {
      const lines = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
        itemId: items[Math.floor(rand() * items.length)],
        qty: 1 + Math.floor(rand() * 2),
      }));
      const requestId = `soak-${seed}-${n}`;
      const reply = await d.call('redemptions.create', { householdId: hh[Math.floor(rand() * hh.length)], lines, requestId }, token);
      if ('result' in reply) {
        const res = reply.result as { id: number; receiptNo: string };
        mine.push(res.id);
        out(`C ${res.id} ${res.receiptNo} ${requestId}`);
      } else if (!['INSUFFICIENT_POINTS', 'OUT_OF_STOCK'].includes(reply.error.code)) {
        out(`E ${reply.error.code} ${reply.error.message}`);
      }
    }
  }
}

// ---------------------------------------------------------------- parent: set up, kill, check

async function setUp(file: string): Promise<{ token: string; adminToken: string }> {
  const db = openDatabase(file);
  const now = new Date();
  const year = villageYear(now, 'Asia/Shanghai');
  const admin = insertUser(db, { username: 'admin', name: '王主任', pin: adminPin, roles: ['admin'] }, now);
  insertUser(db, { username: 'shop', name: '李店长', pin: '827364', roles: ['shopkeeper'] }, now);
  const d = createDispatcher({ db, clock: systemClock }, handlers);
  const adminToken = (await d.invoke('auth.login', { username: 'admin', pin: adminPin })).token;
  const token = (await d.invoke('auth.login', { username: 'shop', pin: '827364' })).token;
  await d.invoke('calendar.set', { mode: 'any' }, adminToken);
  for (const [name, points] of [
    ['香皂', 3],
    ['洗衣粉', 5],
    ['食用油', 12],
    ['大米', 20],
    ['毛巾', 4],
  ] as const) {
    const item = await d.invoke('catalog.save', { kind: 'goods', name, unit: '个', points }, adminToken);
    await d.invoke('stock.receive', { itemId: item.id, qty: 400, fundingSource: 'fiscal' }, adminToken);
  }
  // Points are written as approved rows reviewed long ago (as the bench does), so any public-notice
  // period has passed and every household can redeem from the first second.
  const insertH = db.prepare("INSERT INTO households (card_no, head_name, name_initials, created_at) VALUES (?, ?, 'cs', '2026-01-01T00:00:00Z')");
  const insertE = db.prepare(`INSERT INTO point_entries (household_id, kind, category, rule_name, points, occurred_on, year, recorded_by, recorded_at)
    VALUES (?, 'award', '浸泡', '测试积分', ?, ?, ?, ?, '2000-01-01T00:00:00Z')`);
  const insertR = db.prepare("INSERT INTO point_reviews (entry_id, decision, reviewed_by, reviewed_at) VALUES (?, 'approve', ?, '2000-01-01T00:00:00Z')");
  db.transaction(() => {
    for (let i = 0; i < households; i++) {
      const h = Number(insertH.run(`S${String(i + 1).padStart(6, '0')}`, `测试户${i + 1}`).lastInsertRowid);
      // Uneven wealth, so INSUFFICIENT_POINTS refusals happen too.
      insertR.run(insertE.run(h, 200 + (i % 8) * 400, `${year}-01-02`, year, admin).lastInsertRowid, admin);
    }
  })();
  db.close();
  return { token, adminToken };
}

interface Reported {
  committed: Map<number, { receiptNo: string; requestId: string }>;
  voids: Set<number>;
  errors: string[];
}

function parse(stdout: string, into: Reported): void {
  // A line cut by the kill was never fully reported, so only complete lines count.
  for (const line of stdout.split('\n').slice(0, -1)) {
    const [tag, ...rest] = line.split(' ');
    if (tag === 'C') into.committed.set(Number(rest[0]), { receiptNo: rest[1], requestId: rest[2] });
    else if (tag === 'V') into.voids.add(Number(rest[0]));
    else if (tag === 'E') into.errors.push(rest.join(' '));
  }
}

function runChild(file: string, token: string, seed: number, killAfterMs: number): Promise<string> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', here, '--child', file, token, String(seed)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '',
      err = '',
      timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (!timer && out.startsWith('READY\n')) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') ok(out);
      else fail(new Error(`soak child exited on its own (code ${code}, signal ${signal}):\n${err.slice(-2000)}`));
    });
    setTimeout(() => {
      if (!timer) proc.kill('SIGKILL');
    }, 60_000).unref();
  });
}

type Row = Record<string, number | string | null>;

/** Everything that must hold after any crash. Returns one message per violation. */
export async function checkDatabase(file: string, seen: Reported, adminToken: string): Promise<{ checks: number; violations: string[] }> {
  const v: string[] = [];
  let checks = 0;
  const check = (ok: boolean, message: () => string) => {
    checks++;
    if (!ok) v.push(message());
  };
  const db: DB = openDatabase(file);
  try {
    const ic = db.pragma('integrity_check') as { integrity_check: string }[];
    check(ic.length === 1 && ic[0].integrity_check === 'ok', () => `integrity_check: ${JSON.stringify(ic.slice(0, 5))}`);
    check((db.pragma('foreign_key_check') as unknown[]).length === 0, () => 'foreign_key_check found orphans');

    // Receipt numbers: 1..n per counter and year, and the counter row agrees.
    const series = db.prepare('SELECT counter_id, year, receipt_no FROM redemptions ORDER BY counter_id, year, receipt_no').all() as {
      counter_id: string;
      year: number;
      receipt_no: string;
    }[];
    const byKey = new Map<string, number[]>();
    for (const s of series) {
      const key = `${s.counter_id}-${s.year}`;
      byKey.set(key, [...(byKey.get(key) ?? []), Number(s.receipt_no.split('-').pop())]);
    }
    for (const [key, nos] of byKey) {
      nos.sort((a, b) => a - b);
      check(
        nos.every((n, i) => n === i + 1),
        () => `receipt numbers of ${key} have a gap or duplicate: …${nos.slice(-5).join(',')}`,
      );
      const [counter, year] = [key.slice(0, key.lastIndexOf('-')), Number(key.slice(key.lastIndexOf('-') + 1))];
      const last = db.prepare('SELECT last_no FROM receipt_counters WHERE counter_id = ? AND year = ?').get(counter, year) as { last_no: number } | undefined;
      check(last?.last_no === nos.length, () => `receipt_counters ${key} says ${last?.last_no}, redemptions hold ${nos.length}`);
    }

    // Each redemption is whole: its lines add up, and its audit row and sync event exist with it.
    const torn = db
      .prepare(
        `SELECT d.id FROM redemptions d WHERE d.total_points <> COALESCE((SELECT SUM(line_points) FROM redemption_lines l WHERE l.redemption_id = d.id), 0)`,
      )
      .all();
    check(torn.length === 0, () => `redemptions whose lines do not add up: ${JSON.stringify(torn.slice(0, 5))}`);
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const redemptions = n('SELECT COUNT(*) AS n FROM redemptions');
    check(n("SELECT COUNT(*) AS n FROM audit WHERE method = 'redemptions.create'") === redemptions, () => 'audit rows ≠ redemptions');
    // A standalone machine's own events go straight to the feed the counters would pull (Ctx.emit).
    check(n("SELECT COUNT(*) AS n FROM sync_feed WHERE origin = 'office' AND type = 'redemption.create'") === redemptions, () => 'sync events ≠ redemptions');
    check(
      n("SELECT COUNT(*) AS n FROM audit WHERE method = 'redemptions.void'") === n('SELECT COUNT(*) AS n FROM redemption_voids'),
      () => 'audit rows ≠ voids',
    );
    check(
      n("SELECT COUNT(*) AS n FROM stock_movements WHERE kind = 'redeem'") ===
        n(`SELECT COUNT(*) AS n FROM redemption_lines l JOIN catalog_items c ON c.id = l.item_id WHERE c.kind = 'goods'`),
      () => 'redeem movements ≠ goods lines',
    );

    // Stock: the level is the sum of its movements, never below zero.
    const stock = db
      .prepare(
        `SELECT c.id, COALESCE(s.qty, 0) AS level, COALESCE((SELECT SUM(delta) FROM stock_movements m WHERE m.item_id = c.id), 0) AS moved
      FROM catalog_items c LEFT JOIN stock_levels s ON s.item_id = c.id WHERE c.kind = 'goods'`,
      )
      .all() as { id: number; level: number; moved: number }[];
    for (const s of stock) check(s.level === s.moved && s.level >= 0, () => `stock of item ${s.id}: level ${s.level}, movements sum ${s.moved}`);

    // Balances: what the app reports (households.get) equals the ledger rows summed here, and no one overspent.
    const d = createDispatcher({ db, clock: systemClock }, handlers);
    const sums = db
      .prepare(
        `SELECT h.id,
        COALESCE((SELECT SUM(e.points) FROM point_entries e JOIN point_reviews r ON r.entry_id = e.id AND r.decision = 'approve' WHERE e.household_id = h.id AND e.year = @year), 0) AS score,
        COALESCE((SELECT SUM(d.total_points) FROM redemptions d WHERE d.household_id = h.id AND d.year = @year
          AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)), 0) AS redeemed
      FROM households h`,
      )
      .all({ year: villageYear(new Date(), 'Asia/Shanghai') }) as Row[];
    for (const s of sums) {
      const reply = await d.call('households.get', { id: s.id }, adminToken);
      if ('error' in reply) {
        check(false, () => `households.get ${s.id}: ${reply.error.code}`);
        continue;
      }
      const account = (reply.result as { account: { score: number; redeemed: number; available: number } }).account;
      check(
        account.score === s.score && account.redeemed === s.redeemed,
        () => `household ${s.id}: app says ${JSON.stringify(account)}, rows say score ${s.score} redeemed ${s.redeemed}`,
      );
      check(account.available >= 0, () => `household ${s.id} overspent: available ${account.available}`);
    }

    // Nothing reported as committed is missing.
    const find = db.prepare('SELECT receipt_no, request_id FROM redemptions WHERE id = ?');
    for (const [id, r] of seen.committed) {
      const row = find.get(id) as { receipt_no: string; request_id: string } | undefined;
      check(
        row?.receipt_no === r.receiptNo && row?.request_id === r.requestId,
        () => `reported redemption ${id} ${r.receiptNo} is ${row ? `different: ${JSON.stringify(row)}` : 'missing'}`,
      );
    }
    const voided = db.prepare('SELECT 1 FROM redemption_voids WHERE redemption_id = ?');
    for (const id of seen.voids) check(!!voided.get(id), () => `reported void of redemption ${id} is missing`);
    for (const e of seen.errors) check(false, () => `child saw an unexpected error: ${e}`);
    seen.errors.length = 0;
  } finally {
    db.close();
  }
  return { checks, violations: v };
}

export async function runSoak(opts: { kills: number; seed?: number; log?: (line: string) => void }): Promise<SoakResult> {
  const started = Date.now();
  const seed = opts.seed ?? Date.now() % 1_000_000;
  const rand = rng(seed);
  const dir = mkdtempSync(join(tmpdir(), 'pts-soak-'));
  const file = join(dir, 'points.db');
  const seen: Reported = { committed: new Map(), voids: new Set(), errors: [] };
  const result: SoakResult = { kills: 0, checks: 0, violations: [], committed: 0, voids: 0, seconds: 0 };
  try {
    const { token, adminToken } = await setUp(file);
    for (let k = 0; k < opts.kills; k++) {
      // Mostly short runs (the kill lands in the first transactions, during WAL growth) and some long ones (checkpoints).
      const after = rand() < 0.7 ? 5 + Math.floor(rand() * 150) : 150 + Math.floor(rand() * 600);
      parse(await runChild(file, token, seed * 1000 + k, after), seen);
      result.kills++;
      const { checks, violations } = await checkDatabase(file, seen, adminToken);
      result.checks += checks;
      result.violations.push(...violations.map((m) => `kill ${k + 1}: ${m}`));
      if (opts.log && (k + 1) % 20 === 0) opts.log(`  ${k + 1} kills, ${seen.committed.size} committed, ${result.violations.length} violations`);
    }
    result.committed = seen.committed.size;
    result.voids = seen.voids.size;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await child(args[1], args[2], Number(args[3]));
} else if (process.argv[1] && resolve(process.argv[1]) === here) {
  const kills = Number(args[args.indexOf('--kills') + 1] || 200) || 200;
  const seedArg = args.indexOf('--seed');
  const r = await runSoak({ kills, seed: seedArg >= 0 ? Number(args[seedArg + 1]) : undefined, log: (l) => console.log(l) });
  console.log(
    `kills: ${r.kills}   checks: ${r.checks}   violations: ${r.violations.length}   (${r.committed} redemptions and ${r.voids} voids reported committed, ${r.seconds.toFixed(0)} s)`,
  );
  for (const m of r.violations.slice(0, 50)) console.log(`  ✗ ${m}`);
  process.exit(r.violations.length ? 1 : 0);
}
