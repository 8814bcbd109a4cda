import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { codeOfReason } from '../../electron/core/error-reasons.js';
import { spawnServer, stopProcess } from '../support/server-process.js';

export const demoPins = { admin: '123456', shop: '111111', clerk: '222222', review: '333333', barber: '444444' } as const;
export type DemoUser = keyof typeof demoPins;

export interface ApiError {
  code: string;
  message: string;
  reason?: string;
  details?: unknown;
}
export interface Reply<T = any> {
  status: number;
  body: { result?: T; error?: ApiError };
}

/** Every reply is exactly `{result}` with 200, or `{error:{code,message,details?}}` with a non-200 status. */
export function assertShape(status: number, body: unknown, what: string): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`${what}: reply is not an object: ${JSON.stringify(body)}`);
  const keys = Object.keys(body);
  if (keys.length !== 1 || (keys[0] !== 'result' && keys[0] !== 'error')) {
    throw new Error(`${what}: reply must have exactly one of result/error, got keys ${JSON.stringify(keys)}`);
  }
  if ('result' in body) {
    if (status !== 200) throw new Error(`${what}: {result} with HTTP ${status}`);
    return;
  }
  const err = (body as { error: unknown }).error as Record<string, unknown>;
  if (status === 200) throw new Error(`${what}: {error} with HTTP 200`);
  if (typeof err !== 'object' || err === null) throw new Error(`${what}: error is not an object`);
  if (typeof err.code !== 'string' || !/^[A-Z_]+$/.test(err.code)) throw new Error(`${what}: error.code missing: ${JSON.stringify(err)}`);
  if (typeof err.message !== 'string' || err.message.length === 0) throw new Error(`${what}: error.message missing: ${JSON.stringify(err)}`);
  // A reason, when given, is one the contract declares, under the code it belongs to.
  if (err.reason !== undefined && codeOfReason(String(err.reason)) !== err.code)
    throw new Error(`${what}: reason ${JSON.stringify(err.reason)} is not declared under ${err.code}`);
  const extra = Object.keys(err).filter((k) => !['code', 'message', 'reason', 'details'].includes(k));
  if (extra.length) throw new Error(`${what}: unexpected error keys ${JSON.stringify(extra)}`);
}

export interface TestServer {
  url: string;
  /** The server process (its memory is read from /proc by the zip-bomb test). */
  pid: number;
  dataDir: string;
  output: () => string;
  /** POST /api/<method> with a JSON body; asserts the reply's shape. */
  call<T = any>(method: string, params?: unknown, token?: string): Promise<Reply<T>>;
  /** POST /api/<method> with a raw body (for malformed JSON). */
  raw(method: string, body: string, token?: string): Promise<Reply>;
  /** Calls and returns `result`, failing the test on an error reply. */
  ok<T = any>(method: string, params?: unknown, token?: string): Promise<T>;
  login(user: DemoUser): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  demo?: boolean;
  testClock?: boolean;
  env?: Record<string, string>;
}

/** Spawns the real server (electron/server/cli.ts) on a fresh data dir and port 0; resolves once it prints its URL. */
export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const { demo = true, testClock = true, env } = opts;
  const dataDir = mkdtempSync(join(tmpdir(), 'pts-api-'));
  const { proc, url, output } = await spawnServer({ dataDir, demo, testClock, env });

  async function send(method: string, body: string | undefined, token?: string): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method}: reply is not JSON (HTTP ${res.status}): ${text.slice(0, 200)}`);
    }
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    assertShape(res.status, json, method);
    return { status: res.status, body: json as Reply['body'] };
  }

  const server: TestServer = {
    url,
    pid: proc.pid!,
    dataDir,
    output,
    call: (method, params, token) => send(method, params === undefined ? undefined : JSON.stringify(params), token),
    raw: (method, body, token) => send(method, body, token),
    async ok(method, params, token) {
      const r = await server.call(method, params, token);
      if (r.body.error) throw new Error(`${method} failed: HTTP ${r.status} ${JSON.stringify(r.body.error)}`);
      return r.body.result;
    },
    async login(user) {
      return (await server.ok('auth.login', { username: user, pin: demoPins[user] })).token as string;
    },
    async stop() {
      await stopProcess(proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Asserts an error reply: the code, its HTTP status, and a non-empty message. */
export function expectError(r: Reply, code: string, status: number): ApiError {
  expect(r.body.error, `expected ${code}, got ${JSON.stringify(r.body)}`).toBeDefined();
  expect(r.body.error!.code).toBe(code);
  expect(r.status).toBe(status);
  expect(r.body.result).toBeUndefined();
  return r.body.error!;
}

export const newRequestId = () => `t${randomUUID().replace(/-/g, '')}`;

export interface Item {
  id: number;
  kind: 'goods' | 'service';
  name: string;
  barcode: string | null;
  points: number | null;
  stock: number | null;
  limitPerHouseholdPerYear: number | null;
  openPrice: boolean;
}

/** Looks up the demo catalog by name or barcode, so tests do not hard-code ids. */
export async function catalog(s: TestServer, token: string) {
  const items = (await s.ok('catalog.list', { includeInactive: true }, token)).items as Item[];
  const byName = (name: string) => {
    const it = items.find((i) => i.name === name || i.name.startsWith(`${name} `));
    if (!it) throw new Error(`demo item ${name} not found`);
    return it;
  };
  const byBarcode = (code: string) => {
    const it = items.find((i) => i.barcode === code);
    if (!it) throw new Error(`demo barcode ${code} not found`);
    return it;
  };
  return { items, byName, byBarcode };
}

export async function householdByCard(s: TestServer, token: string, cardNo: string): Promise<number> {
  const items = (await s.ok('households.search', { q: cardNo }, token)).items as { id: number; cardNo: string }[];
  const h = items.find((i) => i.cardNo === cardNo);
  if (!h) throw new Error(`household card ${cardNo} not found`);
  return h.id;
}

export interface Snapshot {
  account: unknown;
  stock: Record<number, number | null>;
  redemptions: number;
  voided: number;
  ledger: number;
}

/** What a failed call must leave untouched: the household's account and ledger, all stock, all redemptions. */
export async function snapshot(s: TestServer, token: string, householdId: number): Promise<Snapshot> {
  const { account } = await s.ok('households.get', { id: householdId }, token);
  const items = (await s.ok('catalog.list', { includeInactive: true }, token)).items as Item[];
  const redemptions = (await s.ok('redemptions.list', { limit: 500 }, token)).items as { voided: boolean }[];
  const ledger = (await s.ok('ledger.list', { householdId, year: account.year }, token)).items as unknown[];
  return {
    account,
    stock: Object.fromEntries(items.map((i) => [i.id, i.stock])),
    redemptions: redemptions.length,
    voided: redemptions.filter((r) => r.voided).length,
    ledger: ledger.length,
  };
}

/** Gives a household extra approved points: a fresh uncapped award rule (set by the admin), recorded by the clerk, approved by the reviewer. */
export async function grantPoints(s: TestServer, householdId: number, points: number, occurredOn: string): Promise<void> {
  const clerk = await s.login('clerk');
  const review = await s.login('review');
  const rule = await s.ok('rules.save', { category: '测试', name: `测试加分 ${randomUUID().slice(0, 8)}`, kind: 'award', points }, await s.login('admin'));
  const { entries } = await s.ok('points.record', { householdIds: [householdId], ruleId: rule.id, occurredOn }, clerk);
  await s.ok('points.review', { entryIds: entries.map((e: { id: number }) => e.id), decision: 'approve' }, review);
}
