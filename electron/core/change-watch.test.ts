// The caches of what every call reads (session, settings, the HTTP allow-list) must never answer
// with a row some write has replaced: through this connection, another one, or a rolled-back write.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { stamp } from './change-watch.js';
import { resolveSession } from './domains/auth/sessions.js';
import { putSetting, readSetting } from './settings.js';
import { expectError, expectOk, freshVillage, goods, householdWithPoints, T0, type Village } from './test-support.js';

let v: Village;
afterEach(() => v?.close());

/** The next turn of the event loop: another process's commit is looked for once per turn. */
const nextTurn = () => new Promise((ok) => setImmediate(ok));

describe('stamp', () => {
  it('changes with a write through this connection, at once, and with one through another connection, by the next turn', async () => {
    v = await freshVillage();
    const s0 = stamp(v.db, 'settings');
    expect(s0).not.toBeNull();
    expect(stamp(v.db, 'settings')).toBe(s0);
    putSetting(v.db, 'x.test', 1);
    const s1 = stamp(v.db, 'settings');
    expect(s1).not.toBe(s0);
    const other = new Database(v.file);
    try {
      other.prepare("UPDATE settings SET value = '2' WHERE key = 'x.test'").run();
    } finally {
      other.close();
    }
    await nextTurn();
    expect(stamp(v.db, 'settings')).not.toBe(s1);
  });

  it('a rolled-back write still changes it; writes to other tables do not', async () => {
    v = await freshVillage();
    const s0 = stamp(v.db, 'settings');
    expect(() =>
      v.db.transaction(() => {
        putSetting(v.db, 'x.test', 1);
        throw new Error('rollback');
      })(),
    ).toThrow('rollback');
    const s1 = stamp(v.db, 'settings');
    expect(s1).not.toBe(s0);
    v.db.prepare("INSERT INTO audit (at, user_id, method, summary) VALUES ('2026-01-01', NULL, 'x', 'y')").run();
    expect(stamp(v.db, 'settings')).toBe(s1);
  });

  it('is not set up inside a transaction (a rollback would take its triggers away), so readers read the table there', () => {
    const db = new Database(':memory:');
    try {
      db.exec(
        'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT); CREATE TABLE sessions (x); CREATE TABLE users (x); INSERT INTO settings VALUES (\'village\', \'{"name":"甲"}\')',
      );
      db.transaction(() => {
        expect(stamp(db, 'settings')).toBeNull();
        expect(readSetting(db, 'village', { name: '' }).name).toBe('甲');
        db.prepare('UPDATE settings SET value = \'{"name":"乙"}\'').run();
        expect(readSetting(db, 'village', { name: '' }).name).toBe('乙');
      })();
      expect(stamp(db, 'settings')).not.toBeNull();
    } finally {
      db.close();
    }
  });
});

describe('readSetting', () => {
  it('follows putSetting and direct SQL, and hands out a frozen value', async () => {
    v = await freshVillage();
    putSetting(v.db, 'calendar', { mode: 'dates', dates: ['2026-03-15'] });
    const a = readSetting(v.db, 'calendar', { mode: 'any' } as { mode: string; dates?: string[] });
    expect(a).toEqual({ mode: 'dates', dates: ['2026-03-15'] });
    expect(readSetting(v.db, 'calendar', { mode: 'any' })).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.dates)).toBe(true);
    v.db.prepare(`UPDATE settings SET value = '{"mode":"any"}' WHERE key = 'calendar'`).run();
    expect(readSetting(v.db, 'calendar', { mode: 'x' })).toEqual({ mode: 'any' });
    v.db.prepare(`DELETE FROM settings WHERE key = 'calendar'`).run();
    expect(readSetting(v.db, 'calendar', { mode: 'fallback' })).toEqual({ mode: 'fallback' });
  });

  it('a call sees a village setting changed a moment before', async () => {
    v = await freshVillage();
    const h = await householdWithPoints(v, 50);
    const item = await goods(v);
    const redeem = (requestId: string) => v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: item.id, qty: 1 }], requestId });
    expectOk(await redeem('cache-0001'));
    expectOk(await v.call('admin', 'calendar.set', { mode: 'dates', dates: ['2026-03-16'] }));
    expectError(await redeem('cache-0002'), 'NOT_REDEMPTION_DAY');
    expectOk(await v.call('admin', 'calendar.set', { mode: 'any' }));
    expectOk(await redeem('cache-0003'));
  });
});

describe('resolveSession, remembered', () => {
  it('sign-out, deactivation and a role change end what was remembered at once', async () => {
    v = await freshVillage();
    const token = v.tokens.shop;
    expect(resolveSession(v.db, token, T0).roles).toEqual(['shopkeeper']);
    expect(resolveSession(v.db, token, T0).username).toBe('shop');

    v.db.prepare(`UPDATE users SET roles = '["shopkeeper","office"]' WHERE id = ?`).run(v.ids.shop);
    expect(resolveSession(v.db, token, T0).roles).toEqual(['shopkeeper', 'office']);

    v.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(v.ids.shop);
    expect(() => resolveSession(v.db, token, T0)).toThrow(/invalid session/);
    v.db.prepare('UPDATE users SET active = 1 WHERE id = ?').run(v.ids.shop);
    expect(resolveSession(v.db, token, T0).id).toBe(v.ids.shop);

    expectOk(await v.d.call('auth.logout', {}, token));
    expectError(await v.d.call('auth.me', {}, token), 'UNAUTHENTICATED');
  });

  it('expiry is checked on every call, remembered or not', async () => {
    v = await freshVillage();
    const token = v.tokens.shop;
    expect(resolveSession(v.db, token, T0).username).toBe('shop');
    expect(() => resolveSession(v.db, token, new Date(T0.getTime() + 12 * 3_600_000))).toThrow(/expired/);
  });

  it('a session deleted through another connection is refused from the next turn on', async () => {
    v = await freshVillage();
    const token = v.tokens.shop;
    expectOk(await v.d.call('auth.me', {}, token));
    const other = new Database(v.file);
    try {
      other.prepare('DELETE FROM sessions WHERE user_id = ?').run(v.ids.shop);
    } finally {
      other.close();
    }
    await nextTurn();
    expectError(await v.d.call('auth.me', {}, token), 'UNAUTHENTICATED');
  });
});
