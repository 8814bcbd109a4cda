import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, stopProcess } from '../../tests/support/server-process.js';

export const demoPins = { admin: '123456', shop: '111111', clerk: '222222', review: '333333', barber: '444444' } as const;
export type DemoUser = keyof typeof demoPins;

export type Reply<T = any> = { result: T; error?: undefined } | { result?: undefined; error: { code: string; message: string; details?: unknown } };

/** A real `electron/server/cli.ts` process on a fresh data dir, plus a tiny API client for set-up and checks. */
export interface E2EServer {
  url: string;
  dataDir: string;
  call<T = any>(method: string, params?: unknown, token?: string): Promise<{ status: number; body: Reply<T> }>;
  ok<T = any>(method: string, params?: unknown, token?: string): Promise<T>;
  login(user: DemoUser): Promise<string>;
  stop(): Promise<void>;
}

export async function startServer(
  opts: { demo?: boolean; testClock?: boolean; role?: 'all' | 'office' | 'counter'; env?: Record<string, string> } = {},
): Promise<E2EServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pts-e2e-'));
  const t0 = Date.now();
  // Playwright's runner puts its own loader in NODE_OPTIONS; the server must not inherit it.
  const { proc, url } = await spawnServer({
    dataDir,
    role: opts.role,
    demo: opts.demo ?? true,
    testClock: opts.testClock ?? true,
    env: { ...opts.env, NODE_OPTIONS: undefined },
  });
  if (process.env.E2E_TIMING) console.log(`server ready in ${Date.now() - t0} ms`);

  const server: E2EServer = {
    url,
    dataDir,
    async call(method, params, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(params ?? {}) });
      return { status: res.status, body: (await res.json()) as Reply };
    },
    async ok(method, params, token) {
      const { status, body } = await server.call(method, params, token);
      if (body.error) throw new Error(`${method} failed (HTTP ${status}): ${body.error.code} ${body.error.message}`);
      return body.result;
    },
    async login(user) {
      return (await server.ok('auth.login', { username: user, pin: demoPins[user] })).token;
    },
    async stop() {
      await stopProcess(proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

export const newRequestId = () => `e2e${randomUUID().replace(/-/g, '')}`;
