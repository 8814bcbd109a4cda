import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { applyRow, childTables, derivedTables, eventTables, isLocalSetting, localTables, officeRowTables, resolveRows } from './tables.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-tables-'));
const db = openDatabase(join(dir, 'points.db'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
const triggers = db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; tbl_name: string; sql: string }[];

describe('every table has an owner for sync', () => {
  it("is classified: office rows, events, part of another table, derived by triggers, or this machine's own", () => {
    const known = new Set<string>([...Object.keys(officeRowTables), ...eventTables, ...Object.keys(childTables), ...derivedTables, ...localTables]);
    const unclassified = tables.filter((t) => !known.has(t));
    expect(unclassified, 'add new tables to electron/sync/tables.ts (and a feed trigger if the office owns them)').toEqual([]);
  });

  it('every office-owned table (and child) announces its inserts in the feed', () => {
    for (const t of [...Object.keys(officeRowTables), ...Object.keys(childTables)]) {
      expect(
        triggers.some((g) => g.tbl_name === t && /AFTER INSERT/i.test(g.sql) && /sync_feed/.test(g.sql)),
        `${t} has no feed trigger`,
      ).toBe(true);
    }
  });

  it('the feed triggers and isLocalSetting agree on which settings stay on one machine', () => {
    const sql = triggers.find((g) => g.name === 'settings_feed_ins')!.sql;
    for (const k of ['counter', 'printer', 'nextCardSeq', 'backup', 'bulkBundle']) {
      expect(isLocalSetting(k)).toBe(true);
      expect(sql).toContain(`'${k}'`);
    }
    expect(isLocalSetting('sync.link')).toBe(true);
    expect(isLocalSetting('calendar')).toBe(false);
    expect(isLocalSetting('village')).toBe(false);
  });
});

describe('feed triggers', () => {
  const feed = () => db.prepare("SELECT tbl, row_key FROM sync_feed WHERE type = 'row' ORDER BY seq DESC LIMIT 1").get();
  it('announce a change in the same transaction, and stay silent at a replica', () => {
    db.prepare('INSERT INTO settings (key, value) VALUES (\'calendar\', \'{"mode":"any"}\') ON CONFLICT (key) DO UPDATE SET value = excluded.value').run();
    expect(feed()).toEqual({ tbl: 'settings', row_key: 'calendar' });
    const before = (db.prepare('SELECT COUNT(*) AS n FROM sync_feed').get() as { n: number }).n;
    db.prepare("INSERT INTO settings (key, value) VALUES ('printer', '{}')").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('sync.replica', 'true')").run();
    db.prepare("INSERT INTO households (card_no, head_name, name_initials, created_at) VALUES ('9001', '王五', 'ww', '2026-01-01')").run();
    expect((db.prepare('SELECT COUNT(*) AS n FROM sync_feed').get() as { n: number }).n).toBe(before);
    db.prepare("DELETE FROM settings WHERE key = 'sync.replica'").run();
  });
});

describe('replica rows', () => {
  it('upserts office rows by id, keeps local lockout state, and moves a clashing card number aside', () => {
    db.prepare("INSERT INTO households (id, card_no, head_name, name_initials, created_at) VALUES (500, '7001', '甲', 'j', '2026-01-01')").run();
    applyRow(db, 'households', '501', {
      id: 501,
      card_no: '7001',
      head_name: '乙',
      name_initials: 'y',
      grp: '',
      phone: '',
      phone_last4: '',
      created_at: '2026-01-02',
      future_column: 1,
    });
    expect(db.prepare('SELECT id, card_no FROM households WHERE id IN (500, 501) ORDER BY id').all()).toEqual([
      { id: 500, card_no: '~500~7001' },
      { id: 501, card_no: '7001' },
    ]);
    applyRow(db, 'households', '500', null);
    expect(db.prepare('SELECT COUNT(*) AS n FROM households WHERE id = 500').get()).toEqual({ n: 0 });
  });

  it('resolves a catalog item with its providers, and a missing row as null', () => {
    db.prepare("INSERT INTO users (id, username, name, pin_hash, roles, created_at) VALUES (900, 'p900', '师傅', 'x', '[\"provider\"]', '2026-01-01')").run();
    db.prepare("INSERT INTO catalog_items (id, kind, name, unit, points, created_at) VALUES (77, 'service', '剪头发', '次', 5, '2026-01-01')").run();
    db.prepare('INSERT INTO item_providers (item_id, provider_id) VALUES (77, 900)').run();
    const rows = resolveRows(db, 'catalog_items', ['77', '78']);
    expect(rows.get('77')).toMatchObject({ id: 77, name: '剪头发', providers: [900] });
    expect(rows.get('78')).toBeNull();
    const users = resolveRows(db, 'users', ['900']);
    expect(users.get('900')).not.toHaveProperty('failed_logins');
  });
});
