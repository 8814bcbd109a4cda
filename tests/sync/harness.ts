/**
 * Real office and counter processes (electron/server/cli.ts) on 127.0.0.1, and what the sync tests
 * and the soak (scripts/soak-sync.ts) do with them: prepare an office village, pair counters, read
 * each database's totals straight from its file.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openApp } from '../../electron/server/app.js';
import { insertUser } from '../../electron/core/domains/auth/bootstrap.js';
import { isRunning, spawnServer, stopProcess } from '../support/server-process.js';

export const staff = {
  admin: { username: 'admin', name: '王主任', pin: '918273', roles: ['admin'] },
  shop: { username: 'shop', name: '李店长', pin: '827364', roles: ['shopkeeper'] },
  clerk: { username: 'clerk', name: '赵文书', pin: '736455', roles: ['clerk'] },
  review: { username: 'review', name: '钱监督', pin: '645546', roles: ['reviewer'] },
  barber: { username: 'barber', name: '孙师傅', pin: '554637', roles: ['provider'] },
} as const;
export type Staff = keyof typeof staff;

export const freePort = (): Promise<number> =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => ok(port));
    });
  });

export interface ApiReply<T = any> {
  status: number;
  result?: T;
  error?: { code: string; message: string; reason?: string; details?: any };
}

export class ServerProcess {
  proc!: ChildProcess;
  url = '';
  private out = '';
  constructor(
    readonly role: 'office' | 'counter' | 'all',
    readonly dataDir: string,
    private port: number,
    private env: Record<string, string> = {},
  ) {}

  static async start(role: 'office' | 'counter' | 'all', opts: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<ServerProcess> {
    const s = new ServerProcess(role, opts.dataDir ?? mkdtempSync(join(tmpdir(), `pos-${role}-`)), opts.port ?? 0, opts.env);
    await s.spawn();
    return s;
  }

  output(): string {
    return this.out;
  }

  async spawn(): Promise<void> {
    const started = await spawnServer({
      dataDir: this.dataDir,
      port: this.port,
      role: this.role,
      env: this.env,
      startTimeoutMs: 60_000,
      label: this.role,
      onOutput: (c) => {
        this.out += c;
      },
    });
    this.proc = started.proc;
    this.url = started.url;
    this.port = Number(new URL(this.url).port);
  }

  get alive(): boolean {
    return isRunning(this.proc);
  }

  /** SIGKILL: no shutdown handler runs, as when the power goes. */
  async kill(): Promise<void> {
    await stopProcess(this.proc, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await stopProcess(this.proc);
  }

  /** Stops the process and removes its data dir: the end of a test. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Same data dir and, for the office, the same port (counters and the proxy know it). */
  async restart(): Promise<void> {
    this.url = '';
    await this.spawn();
  }

  async call<T = any>(method: string, params?: unknown, token?: string): Promise<ApiReply<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${this.url}/api/${method}`, {
      method: 'POST',
      headers,
      body: params === undefined ? undefined : JSON.stringify(params),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as { result?: T; error?: ApiReply['error'] };
    return { status: res.status, ...body };
  }

  async ok<T = any>(method: string, params?: unknown, token?: string): Promise<T> {
    const r = await this.call<T>(method, params, token);
    if (r.error) throw new Error(`${this.role} ${method}: ${r.error.code} ${r.error.message}`);
    return r.result as T;
  }

  async login(who: Staff): Promise<string> {
    return (await this.ok<{ token: string }>('auth.login', { username: staff[who].username, pin: staff[who].pin })).token;
  }
}

export interface VillageSpec {
  households: number;
  goods: number;
  services: number;
  pointsPerHousehold: number;
  stockPerItem: number;
  membersPerHousehold?: number;
}

export interface PreparedVillage {
  dataDir: string;
  households: number[];
  goods: number[];
  services: number[];
  barberService: number;
}

/**
 * An office data dir with staff, a roster with approved points, goods in stock and services, made
 * in-process through the real handlers (fast: no HTTP, PINs hashed once), before the office starts.
 */
export async function prepareOffice(spec: VillageSpec, dataDir = mkdtempSync(join(tmpdir(), 'pos-office-'))): Promise<PreparedVillage> {
  const app = await openApp({ dataDir, role: 'office', dailyBackups: false });
  try {
    const d = app.dispatcher;
    const now = new Date();
    // The office's staff, written straight into the empty database (a data dir with users counts as set up).
    for (const u of Object.values(staff)) insertUser(app.db, { ...u, roles: [...u.roles] }, now);
    const tok = async (who: Staff) => (await d.invoke('auth.login', { username: staff[who].username, pin: staff[who].pin })).token;
    const [admin, shop, clerk, review] = [await tok('admin'), await tok('shop'), await tok('clerk'), await tok('review')];
    const barberId = (app.db.prepare("SELECT id FROM users WHERE username = 'barber'").get() as { id: number }).id;
    await d.invoke('calendar.set', { mode: 'any' }, admin);
    const goods: number[] = [];
    for (let i = 0; i < spec.goods; i++) {
      const item = await d.invoke(
        'catalog.save',
        { kind: 'goods', name: `商品${i + 1}`, unit: '件', points: 1 + (i % 5), barcode: `69${String(100000 + i)}` },
        shop,
      );
      for (let left = spec.stockPerItem; left > 0; left -= 10_000) {
        await d.invoke('stock.receive', { itemId: item.id, qty: Math.min(left, 10_000), fundingSource: 'fiscal' }, shop);
      }
      goods.push(item.id);
    }
    const services: number[] = [];
    for (let i = 0; i < spec.services; i++) {
      services.push((await d.invoke('catalog.save', { kind: 'service', name: `服务${i + 1}`, unit: '次', points: 2 + i, providerIds: [barberId] }, shop)).id);
    }
    const households: number[] = [];
    for (let i = 0; i < spec.households; i++) {
      const members = Array.from({ length: spec.membersPerHousehold ?? 2 }, (_, k) => ({ name: `成员${i}-${k}`, relation: '家庭成员' }));
      households.push((await d.invoke('households.create', { headName: `户主${i}`, group: `${1 + (i % 8)}组`, members }, clerk)).id);
    }
    const rule = await d.invoke('rules.save', { category: '测试', name: '年度积分', kind: 'award', minPoints: 1, maxPoints: 1_000_000 }, admin);
    const today = (await d.invoke('calendar.get', {}, admin)).today;
    for (let i = 0; i < households.length; i += 500) {
      const { entries } = await d.invoke(
        'points.record',
        { householdIds: households.slice(i, i + 500), ruleId: rule.id, points: spec.pointsPerHousehold, occurredOn: today },
        clerk,
      );
      await d.invoke('points.review', { entryIds: entries.map((e) => e.id), decision: 'approve' }, review);
    }
    return { dataDir, households, goods, services, barberService: services[0] };
  } finally {
    app.close();
  }
}

export interface CounterSetup {
  env?: Record<string, string>;
  name?: string;
}

export const fastSync = { POS_SYNC_INTERVAL_MS: '150', POS_SYNC_TIMEOUT_MS: '2000', POS_SYNC_MAX_BACKOFF_MS: '800', POS_SYNC_PULL_BATCH: '2000' };

/** A fresh counter process, paired to the office through officeUrl (the proxy, in fault tests), with its first pull done. */
export async function pairedCounter(
  office: ServerProcess,
  officeUrl: string,
  setup: CounterSetup = {},
): Promise<{ counter: ServerProcess; terminalId: string; counterId: string; pairMs: number; firstPullMs: number }> {
  const counter = await ServerProcess.start('counter', { env: { ...fastSync, ...setup.env } });
  const adminOffice = await office.login('admin');
  const { code } = await office.ok('sync.pairingCode', { name: setup.name }, adminOffice);
  const t0 = performance.now();
  // A fresh counter pairs from its first-run setup; it has no accounts until the office's arrive.
  const { terminalId, counterId } = await counter.ok('setup.complete', { role: 'counter', office: { url: officeUrl, code } });
  const pairMs = performance.now() - t0;
  for (;;) {
    const s = await counter.ok('setup.status', {});
    if (s.usersReady) break;
    await sleep(25);
  }
  // Then the office's accounts sign in, and the pull is through.
  for (;;) {
    const r = await counter.call('auth.login', { username: staff.shop.username, pin: staff.shop.pin });
    if (r.result) {
      const s = await counter.ok('sync.status', {}, r.result.token);
      if (s.lastPullAt && s.pullProgress === null) break;
    }
    await sleep(50);
  }
  const firstPullMs = performance.now() - t0;
  return { counter, terminalId, counterId, pairMs, firstPullMs };
}

/** What a database holds, read from its file (the process may be running: WAL readers are fine). */
export function totals(dataDir: string) {
  const db = new Database(join(dataDir, 'points.db'), { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
    const tables = ['redemptions', 'redemption_lines', 'redemption_voids', 'stock_movements', 'receiving_notes', 'stocktakes', 'day_closes'];
    return {
      counts: Object.fromEntries(tables.map((t) => [t, n(`SELECT COUNT(*) AS n FROM ${t}`)])) as Record<string, number>,
      points: n('SELECT SUM(total_points) AS n FROM redemptions d WHERE NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)'),
      stock: Object.fromEntries(
        (db.prepare('SELECT item_id, qty FROM stock_levels ORDER BY item_id').all() as { item_id: number; qty: number }[]).map((r) => [r.item_id, r.qty]),
      ),
      redeemedByHousehold: Object.fromEntries(
        (
          db
            .prepare(
              `SELECT household_id AS h, SUM(total_points) AS p FROM redemptions d
        WHERE NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id) GROUP BY household_id ORDER BY household_id`,
            )
            .all() as { h: number; p: number }[]
        ).map((r) => [r.h, r.p]),
      ),
      receipts: (db.prepare('SELECT receipt_no FROM redemptions ORDER BY receipt_no').all() as { receipt_no: string }[]).map((r) => r.receipt_no),
      outbox: (db.prepare('SELECT uuid FROM outbox').all() as { uuid: string }[]).map((r) => r.uuid),
      // Trigger-kept caches must come out the same on every machine too.
      accountTotals: JSON.stringify(
        db.prepare("SELECT name FROM sqlite_master WHERE name = 'account_totals'").get()
          ? db.prepare('SELECT household_id, year, awarded, deducted, redeemed FROM account_totals ORDER BY household_id, year').all()
          : [],
      ),
      households: n('SELECT COUNT(*) AS n FROM households'),
    };
  } finally {
    db.close();
  }
}

/** The office's record of what each terminal sent: uuid → status. */
export function officeInbox(dataDir: string): Map<string, { origin: string; status: string }> {
  const db = new Database(join(dataDir, 'points.db'), { readonly: true, fileMustExist: true });
  try {
    return new Map(
      (db.prepare('SELECT uuid, origin, status FROM sync_inbox').all() as { uuid: string; origin: string; status: string }[]).map((r) => [r.uuid, r]),
    );
  } finally {
    db.close();
  }
}

export function officeConflicts(dataDir: string) {
  const db = new Database(join(dataDir, 'points.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT kind, counter_id, household_id, item_id, events, detail FROM sync_conflicts ORDER BY id').all() as {
      kind: string;
      counter_id: string;
      household_id: number | null;
      item_id: number | null;
      events: string;
      detail: string;
    }[];
  } finally {
    db.close();
  }
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Until every counter has pushed everything and pulled up to the office's last feed entry. */
export async function converge(office: ServerProcess, counters: ServerProcess[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const adminToken = await office.login('admin');
  const tokens = await Promise.all(counters.map((c) => c.login('shop')));
  for (;;) {
    const statuses = await Promise.all(counters.map((c, i) => c.ok('sync.now', {}, tokens[i])));
    const terminals = (await office.ok('sync.terminals', {}, adminToken)).items as { behind: number; revoked: boolean }[];
    if (statuses.every((s) => s.pending === 0 && s.online) && terminals.filter((t) => !t.revoked).every((t) => t.behind === 0)) {
      // One more round: a pull may have brought events that were appended after the terminals were read.
      const again = await Promise.all(counters.map((c, i) => c.ok('sync.now', {}, tokens[i])));
      const t2 = (await office.ok('sync.terminals', {}, adminToken)).items as { behind: number; revoked: boolean }[];
      if (again.every((s) => s.pending === 0) && t2.filter((t) => !t.revoked).every((t) => t.behind === 0)) return;
    }
    if (Date.now() > deadline) throw new Error(`no convergence within ${timeoutMs} ms: ${JSON.stringify(statuses)} ${JSON.stringify(terminals)}`);
    await sleep(200);
  }
}
