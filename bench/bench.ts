// npm run bench [-- --quick]: lookups, households.get and redemptions through the real dispatcher,
// each against a bare better-sqlite3 baseline measured in the same process on the same file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection.js';
import { FixedClock } from '../electron/core/clock.js';
import { createDispatcher } from '../electron/core/dispatcher.js';
import { insertUser } from '../electron/core/domains/auth/bootstrap.js';
import { generate, type Scale } from './generate.js';
import { measure, type Stats } from './measure.js';

const quick = process.argv.includes('--quick');
const scales: [string, Scale][] = quick
  ? [['village', { households: 3_000, entries: 100_000 }]]
  : [['village', { households: 3_000, entries: 100_000 }], ['county', { households: 300_000, entries: 10_000_000 }]];

const fmt = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const rows: string[] = [];
const row = (scale: string, what: string, s: Stats, base: Stats) =>
  rows.push(`| ${scale} | ${what} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${(s.p50 / base.p50).toFixed(1)}× | ${base === baseSelect ? 'indexed SELECT' : 'INSERT tx'} |`);
let baseSelect: Stats;

for (const [name, scale] of scales) {
  const dir = mkdtempSync(join(tmpdir(), `pts-bench-${name}-`));
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    const clock = new FixedClock(new Date('2026-11-20T10:00:00+08:00'));
    const d = createDispatcher({ db, clock });
    const admin = insertUser(db, { username: 'admin', name: 'admin', pin: '123456', roles: ['admin'] }, clock.now());
    const t0 = Date.now();
    generate(db, scale, 2026, admin);
    console.error(`${name}: generated ${scale.households} households, ${scale.entries} entries in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const token = (await d.invoke('auth.login', { username: 'admin', pin: '123456' })).token;
    const item = await d.invoke('catalog.save', { kind: 'goods', name: '牙膏', barcode: '6920000000049', unit: '支', points: 1 }, token);
    await d.invoke('stock.receive', { itemId: item.id, qty: 10_000, fundingSource: 'fiscal' }, token);

    db.exec('CREATE TABLE bench_baseline (id INTEGER PRIMARY KEY, k TEXT, v INTEGER)');
    const baseInsertStmt = db.prepare('INSERT INTO bench_baseline (k, v) VALUES (?, ?)');
    const baseInsertTx = db.transaction((i: number) => baseInsertStmt.run(`k${i}`, i));
    const selectStmt = db.prepare('SELECT id, head_name FROM households WHERE card_no = ?');
    const H = scale.households;
    const card = (i: number) => `B${String(((i * 7919) % H) + 1).padStart(7, '0')}`;
    baseSelect = await measure(2000, (i) => selectStmt.get(card(i)));
    const baseInsert = await measure(300, (i) => baseInsertTx(i));

    const call = async (m: string, p: unknown) => {
      const r = await d.call(m, p, token);
      if ('error' in r) throw new Error(`${m}: ${r.error.message}`);
    };
    row(name, 'card lookup by card number', await measure(1000, (i) => call('households.search', { q: card(i) })), baseSelect);
    row(name, 'card lookup by name', await measure(300, (i) => call('households.search', { q: ['王建华', '李秀兰', '张国强'][i % 3], limit: 20 })), baseSelect);
    row(name, 'card lookup by pinyin initials', await measure(300, (i) => call('households.search', { q: ['wjh', 'lxl', 'zgq'][i % 3], limit: 20 })), baseSelect);
    row(name, 'households.get', await measure(1000, (i) => call('households.get', { id: ((i * 7919) % H) + 1 })), baseSelect);
    const redemption = await measure(300, (i) => call('redemptions.create', {
      householdId: ((i * 104729) % H) + 1, lines: [{ itemId: item.id, qty: 1 }], requestId: `bench-${name}-${i}`,
    }));
    row(name, 'redemption commit', redemption, baseInsert);
    rows.push(`| ${name} | redemption throughput | ${redemption.n} | ${(1000 / redemption.mean).toFixed(0)} /s | | | bare INSERT tx ${(1000 / baseInsert.mean).toFixed(0)} /s |`);
    rows.push(`| ${name} | baseline: indexed SELECT | ${baseSelect.n} | ${fmt(baseSelect.p50)} | ${fmt(baseSelect.p95)} | 1.0× | |`);
    rows.push(`| ${name} | baseline: INSERT tx (synchronous=FULL) | ${baseInsert.n} | ${fmt(baseInsert.p50)} | ${fmt(baseInsert.p95)} | 1.0× | |`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('| scale | operation | n | p50 ms | p95 ms | p50 ratio | baseline |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
