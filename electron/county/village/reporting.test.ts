import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate } from '../../../db/migrate.js';
import { approved, countySeason, freshVillage, household, type Village } from '../../core/test-support.js';
import { materializeSnapshots } from './agent.js';
import { countyReporting, countyReportingKey, startCountyReporting } from './reporting.js';

const open: Village[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
async function village(): Promise<Village> {
  const v = await freshVillage();
  open.push(v);
  return v;
}

const start = (v: Village) => v.db.transaction(() => startCountyReporting(v.db, v.clock.now().toISOString()))();
const outbox = (v: Village) => v.db.prepare('SELECT type, payload FROM county_outbox ORDER BY seq').all() as { type: string; payload: string }[];
const dirty = (v: Village) => (v.db.prepare('SELECT COUNT(*) AS n FROM county_dirty').get() as { n: number }).n;

/** What the county would be told, as a multiset: order and queue times differ between live and backfilled, the facts must not. */
function told(v: Village): string[] {
  materializeSnapshots(v.db, v.clock.now().toISOString());
  return outbox(v)
    .map((e) => (e.type === 'household.token' ? e.type : `${e.type} ${e.payload}`))
    .sort();
}

describe('reporting to the county starts at the first pairing', () => {
  it('before it starts, no write queues anything upward or marks a household year', async () => {
    const v = await village();
    await countySeason(v);
    expect(countyReporting(v.db)).toBe(false);
    expect(outbox(v)).toEqual([]);
    expect(dirty(v)).toBe(0);
    expect(materializeSnapshots(v.db, v.clock.now().toISOString())).toBe(0);
  });

  it('starting queues what the office already holds exactly as the triggers would have queued it live', async () => {
    const live = await village();
    start(live);
    await countySeason(live);
    const late = await village();
    await countySeason(late);
    const queued = start(late);

    const liveTold = told(live);
    expect(queued).toBeGreaterThan(10);
    expect(told(late)).toEqual(liveTold);
    expect(liveTold.filter((t) => t.startsWith('household.year ')).length).toBe(1);
    // Households and their tokens go first, so every later event names a household the county holds.
    const types = outbox(late).map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['household', 'household.token']);
    expect(types.at(-1)).toBe('household.year');
  });

  it('once started it stays started: a second start queues nothing, and new facts are queued as they are written', async () => {
    const v = await village();
    await countySeason(v);
    start(v);
    const n = outbox(v).length;
    expect(start(v)).toBe(0);
    expect(outbox(v).length).toBe(n);
    const h = await household(v, { headName: '王五' });
    expect(
      outbox(v)
        .slice(n)
        .map((e) => e.type),
    ).toEqual(['household']);
    await approved(v, h.id, 'award', 8);
    expect(
      outbox(v)
        .slice(n + 1)
        .map((e) => e.type),
    ).toEqual(['ledger.line']);
  });
});

describe('migration 013 on an office that already queued facts', () => {
  function migratedTo(dir: string, upTo: number, file: string): Database.Database {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(defaultMigrationsDir).filter((f) => /^\d{3}_/.test(f) && Number(f.slice(0, 3)) <= upTo))
      copyFileSync(join(defaultMigrationsDir, f), join(dir, f));
    const db = new Database(file);
    migrate(db, dir);
    return db;
  }

  it('keeps queuing where 011 had queued history, and starts off where nothing was queued', () => {
    const root = mkdtempSync(join(tmpdir(), 'pos-013-'));
    try {
      const withHistory = migratedTo(join(root, 'm12'), 12, join(root, 'a.db'));
      withHistory.prepare("INSERT INTO county_outbox (uuid, type, payload, at) VALUES ('u1', 'household', '{}', '2026-01-01T00:00:00Z')").run();
      const empty = migratedTo(join(root, 'm12'), 12, join(root, 'b.db'));
      for (const db of [withHistory, empty]) migrate(db, defaultMigrationsDir);
      const flag = (db: Database.Database) => db.prepare('SELECT value FROM settings WHERE key = ?').get(countyReportingKey);
      expect(flag(withHistory)).toEqual({ value: 'true' });
      expect(flag(empty)).toBeUndefined();
      withHistory.close();
      empty.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
