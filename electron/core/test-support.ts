/**
 * Shared setup for handler tests: a real SQLite file in a fresh temp dir, a fixed clock, the real
 * dispatcher, one signed-in user per role, and small builders that go through the real handlers
 * (a clerk records points, a reviewer approves them, a shopkeeper receives stock).
 *
 * Hashing a PIN takes ~25 ms, so the users and their sessions are made once per test file in a
 * template database (kept in memory); every test writes its own copy to a new temp dir and opens it
 * with openDatabase.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openDatabase, type DB } from '../../db/connection.js';
import { FixedClock } from './clock.js';
import { createDispatcher, type Reply } from './dispatcher.js';
// Tests drive the assembled app (core and sync methods), as the HTTP server does.
import { handlers, type AppDispatcher, type Method, type Params, type Result } from '../app-contract.js';
import type { ErrorCode } from './errors.js';
import { insertUser } from './domains/auth/bootstrap.js';
import type { PrinterTransport } from '../print/transport.js';

/** 15 March 2026, 10:00 in the village (Asia/Shanghai). */
export const T0 = new Date('2026-03-15T10:00:00+08:00');
export const TODAY = '2026-03-15';

/** PINs are distinct from every number a test uses elsewhere, so "no PIN in the audit log" can search for them. */
export const users = {
  admin: { username: 'admin', name: '王主任', pin: '918273', roles: ['admin'] },
  shop: { username: 'shop', name: '李店长', pin: '827364', roles: ['shopkeeper'] },
  clerk: { username: 'clerk', name: '赵文书', pin: '736455', roles: ['clerk'] },
  review: { username: 'review', name: '钱监督', pin: '645546', roles: ['reviewer'] },
  barber: { username: 'barber', name: '孙师傅', pin: '554637', roles: ['provider'] },
  plumber: { username: 'plumber', name: '周师傅', pin: '463728', roles: ['provider'] },
  viewer: { username: 'viewer', name: '吴镇干部', pin: '372819', roles: ['viewer'] },
} as const;
export type Who = keyof typeof users;
export const allPins = Object.values(users).map((u) => u.pin);

interface Template {
  bytes: Buffer;
  tokens: Record<Who, string>;
  ids: Record<Who, number>;
}
let template: Promise<Template> | undefined;

async function buildTemplate(): Promise<Template> {
  const dir = mkdtempSync(join(tmpdir(), 'pos-template-'));
  try {
    const file = join(dir, 'village.db');
    const db = openDatabase(file);
    try {
      const ids = {} as Record<Who, number>;
      for (const [who, u] of Object.entries(users) as [Who, (typeof users)[Who]][]) {
        ids[who] = insertUser(db, { ...u, roles: [...u.roles] }, T0);
      }
      const d = createDispatcher({ db, clock: new FixedClock(T0) }, handlers);
      const tokens = {} as Record<Who, string>;
      for (const [who, u] of Object.entries(users) as [Who, (typeof users)[Who]][]) {
        tokens[who] = (await d.invoke('auth.login', { username: u.username, pin: u.pin })).token;
      }
      db.close(); // checkpoints the WAL into the one file we copy
      return { bytes: readFileSync(file), tokens, ids };
    } finally {
      if (db.open) db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Village {
  dir: string;
  file: string;
  db: DB;
  clock: FixedClock;
  d: AppDispatcher;
  tokens: Record<Who, string>;
  ids: Record<Who, number>;
  /** Untyped call, for invalid params: returns { result } or { error }. */
  call(who: Who | null, method: string, params?: unknown): Promise<Reply>;
  /** Typed call that throws (with the error code in the message) on failure. */
  invoke<M extends Method>(who: Who | null, method: M, params: Params<M>): Promise<Result<M>>;
  /** Signs a user in again (auth.login) at the clock's current time; returns the new token. */
  login(who: Who): Promise<string>;
  /** Moves the clock and signs every user in again, since sessions last 12 hours. */
  moveClock(to: string | Date): Promise<void>;
  close(): void;
}

/** A fresh village database: users and sessions only, calendar "any", clock at T0. */
export async function freshVillage(opts: { testClock?: boolean } = {}): Promise<Village> {
  template ??= buildTemplate();
  const t = await template;
  const dir = mkdtempSync(join(tmpdir(), 'pos-test-'));
  const file = join(dir, 'village.db');
  writeFileSync(file, t.bytes);
  const db = openDatabase(file);
  const clock = new FixedClock(T0);
  const d = createDispatcher({ db, clock, testClock: opts.testClock }, handlers);
  const tokens = { ...t.tokens };
  const token = (who: Who | null) => (who === null ? undefined : tokens[who]);
  let closed = false;
  const login = async (who: Who) => {
    tokens[who] = (await d.invoke('auth.login', { username: users[who].username, pin: users[who].pin })).token;
    return tokens[who];
  };
  return {
    dir,
    file,
    db,
    clock,
    d,
    tokens,
    ids: t.ids,
    login,
    async moveClock(to) {
      clock.set(new Date(to));
      for (const who of Object.keys(users) as Who[]) await login(who);
    },
    call: (who, method, params) => d.call(method, params, token(who)),
    async invoke(who, method, params) {
      const reply = await d.call(method, params, token(who));
      if ('error' in reply) throw new Error(`${method} failed: ${reply.error.code} ${reply.error.message} ${JSON.stringify(reply.error.details ?? '')}`);
      return reply.result as never;
    },
    close() {
      if (closed) return;
      closed = true;
      if (db.open) {
        expectStockConsistent(db);
        db.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- assertions

export function expectError(reply: Reply, code: ErrorCode): { code: string; message: string; reason?: string; details?: unknown } {
  if (!('error' in reply)) throw new Error(`expected ${code}, got result ${JSON.stringify(reply.result)}`);
  expect(reply.error.code, reply.error.message).toBe(code);
  return reply.error;
}

export function expectOk<T = any>(reply: Reply): T {
  if ('error' in reply) throw new Error(`expected a result, got ${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
}

export function tableNames(db: DB): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export function counts(db: DB): Record<string, number> {
  return Object.fromEntries(tableNames(db).map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

/**
 * Every row of every table. A failed PIN is counted on purpose even when its call fails
 * (lockout), so users' failed_logins / locked_until are left out here and checked where it matters.
 */
export function snapshot(db: DB): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tableNames(db)) {
    // Sorted in JS: some tables are WITHOUT ROWID.
    const rows = (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
      .map((r) => (t === 'users' ? (({ failed_logins: _f, locked_until: _l, ...rest }) => rest)(r) : r))
      .map((r) => JSON.stringify(r))
      .sort();
    out[t] = rows.map((r) => JSON.parse(r));
  }
  return out;
}

/** Calls, expects the error code, and checks that not one row anywhere changed. */
export async function expectRefused(v: Village, who: Who | null, method: string, params: unknown, code: ErrorCode) {
  const before = snapshot(v.db);
  const err = expectError(await v.call(who, method, params), code);
  expect(snapshot(v.db)).toEqual(before);
  return err;
}

/** Stock on hand is what the movements add up to, and never below zero. */
export function expectStockConsistent(db: DB): void {
  const bad = db
    .prepare(
      `SELECT c.id, COALESCE(s.qty, 0) AS level, COALESCE((SELECT SUM(delta) FROM stock_movements m WHERE m.item_id = c.id), 0) AS moved
    FROM catalog_items c LEFT JOIN stock_levels s ON s.item_id = c.id
    WHERE COALESCE(s.qty, 0) <> COALESCE((SELECT SUM(delta) FROM stock_movements m WHERE m.item_id = c.id), 0) OR COALESCE(s.qty, 0) < 0`,
    )
    .all();
  expect(bad, 'stock_levels must equal SUM(stock_movements.delta) and stay >= 0').toEqual([]);
}

export const count = (db: DB, table: string, where = '1'): number =>
  (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get() as { n: number }).n;

/** Keeps print jobs in memory (set as `v.d.deps.printer`): tests that print without a socket. */
export class MemoryPrinter implements PrinterTransport {
  readonly jobs: { target: string; bytes: Buffer }[] = [];
  async send(target: string, bytes: Buffer): Promise<void> {
    this.jobs.push({ target, bytes });
  }
}

// ---------------------------------------------------------------- builders

let requestSeq = 0;
/** A fresh, valid requestId. */
export const rid = (label = 'req') => `${label}-${String(++requestSeq).padStart(6, '0')}`;

export async function household(v: Village, p: Params<'households.create'> = { headName: '张三丰' }) {
  return v.invoke('clerk', 'households.create', p);
}

const ruleIds = new WeakMap<Village, { award?: number; deduction?: number }>();

/** A general-purpose range rule (1–1000, no cap) so builders can give any amount. */
async function generalRule(v: Village, kind: 'award' | 'deduction'): Promise<number> {
  const known = ruleIds.get(v) ?? {};
  if (known[kind] === undefined) {
    const r = await v.invoke('admin', 'rules.save', {
      category: '通用',
      name: kind === 'award' ? '测试奖励' : '测试扣分',
      kind,
      minPoints: 1,
      maxPoints: 1000,
    });
    known[kind] = r.id;
    ruleIds.set(v, known);
  }
  return known[kind]!;
}

/** Records an entry as the clerk (pending). Returns the entry id. */
export async function recordPending(v: Village, householdId: number, kind: 'award' | 'deduction', points: number, occurredOn = TODAY) {
  const ruleId = await generalRule(v, kind);
  const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [householdId], ruleId, points, occurredOn });
  return entries[0].id;
}

/** Records as the clerk and approves as the reviewer: points that count. Returns the entry id. */
export async function approved(v: Village, householdId: number, kind: 'award' | 'deduction', points: number, occurredOn = TODAY) {
  const id = await recordPending(v, householdId, kind, points, occurredOn);
  await v.invoke('review', 'points.review', { entryIds: [id], decision: 'approve' });
  return id;
}

/** A household holding `points` approved award points this year. */
export async function householdWithPoints(v: Village, points: number, p: Params<'households.create'> = { headName: '张三丰' }) {
  const h = await household(v, p);
  if (points > 0) await approved(v, h.id, 'award', points);
  return h;
}

export async function goods(v: Village, p: { name?: string; points?: number; stock?: number; barcode?: string; limit?: number } = {}) {
  const item = await v.invoke('shop', 'catalog.save', {
    kind: 'goods',
    name: p.name ?? '洗衣粉',
    unit: '袋',
    points: p.points ?? 10,
    barcode: p.barcode,
    limitPerHouseholdPerYear: p.limit,
  });
  if ((p.stock ?? 10) > 0) await v.invoke('shop', 'stock.receive', { itemId: item.id, qty: p.stock ?? 10, fundingSource: 'fiscal' });
  return item;
}

export async function service(
  v: Village,
  p: { name?: string; points?: number; openPrice?: boolean; minPoints?: number; maxPoints?: number; providers?: Who[]; limit?: number } = {},
) {
  return v.invoke('shop', 'catalog.save', {
    kind: 'service',
    name: p.name ?? '剪头发',
    unit: '次',
    points: p.openPrice ? undefined : (p.points ?? 5),
    openPrice: p.openPrice,
    minPoints: p.minPoints,
    maxPoints: p.maxPoints,
    providerIds: (p.providers ?? ['barber']).map((w) => v.ids[w]),
    limitPerHouseholdPerYear: p.limit,
  });
}

export async function redeem(
  v: Village,
  householdId: number,
  lines: { itemId: number; qty: number; points?: number }[],
  extra: Partial<Params<'redemptions.create'>> = {},
) {
  return v.invoke('shop', 'redemptions.create', { householdId, lines, requestId: rid(), ...extra });
}

export const stockOf = (db: DB, itemId: number): number =>
  (db.prepare('SELECT COALESCE((SELECT qty FROM stock_levels WHERE item_id = ?), 0) AS q').get(itemId) as { q: number }).q;

export async function accountOf(v: Village, householdId: number, year?: number) {
  return (await v.invoke('shop', 'households.get', { id: householdId, year })).account;
}

/**
 * One of everything the county hears about, for one household: a household with a phone and an ID
 * number (which must never go up), approvals, a reversal, two redemptions with a void, a day close,
 * a board, stock received with its funding, and a QR token.
 */
export async function countySeason(v: Village) {
  const h = await household(v, {
    headName: '张三丰',
    group: '1组',
    phone: '13800001234',
    members: [{ name: '张三丰', relation: '户主', idNo: '460000199001011235' }],
  } as never);
  const entry = await approved(v, h.id, 'award', 30);
  await approved(v, h.id, 'deduction', 5);
  await v.invoke('clerk', 'points.reverse', { entryId: entry, reason: '录错' });
  await approved(v, h.id, 'award', 20);
  const soap = await goods(v, { points: 3, stock: 10 });
  const cut = await service(v, { points: 4 });
  const r = await redeem(v, h.id, [
    { itemId: soap.id, qty: 2 },
    { itemId: cut.id, qty: 1 },
  ]);
  await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
  await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '退回', supervisorUsername: users.admin.username, supervisorPin: users.admin.pin });
  await v.invoke('shop', 'day.close', {});
  await v.invoke('review', 'boards.publish', { year: 2026, quarter: 1 });
  await v.invoke('admin', 'county.qrToken', { householdId: h.id });
  return { household: h };
}

/** The summary of the newest audit row a method wrote. */
export function lastAuditSummary(db: DB, method: string): string {
  return (db.prepare('SELECT summary FROM audit WHERE method = ? ORDER BY id DESC LIMIT 1').get(method) as { summary: string }).summary;
}

/** This machine's own sync events in order (Ctx.emit): at an office or a standalone machine they go straight to the feed. */
export function ownEvents(db: DB, type?: string): { uuid: string; type: string; payload: string; at: string }[] {
  return db
    .prepare("SELECT uuid, type, payload, at FROM sync_feed WHERE origin = 'office' AND type <> 'row' AND (@type IS NULL OR type = @type) ORDER BY seq")
    .all({ type: type ?? null }) as { uuid: string; type: string; payload: string; at: string }[];
}
