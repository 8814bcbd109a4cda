import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

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

export async function startServer(opts: { demo?: boolean; testClock?: boolean } = {}): Promise<E2EServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pts-e2e-'));
  const args = ['--import', 'tsx', join(repoRoot, 'electron/server/cli.ts'), '--data', dataDir, '--port', '0', '--host', '127.0.0.1'];
  if (opts.demo ?? true) args.push('--demo');
  if (opts.testClock ?? true) args.push('--test-clock');
  // Playwright's runner puts its own loader in NODE_OPTIONS; the server must not inherit it.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const t0 = Date.now();
  const proc: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within 30 s:\n${out}`)), 30_000);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) {
        clearTimeout(timer);
        if (process.env.E2E_TIMING) console.log(`server ready in ${Date.now() - t0} ms`);
        ok(m[0]);
      }
    });
    proc.stderr!.on('data', (c: Buffer) => { out += c.toString('utf8'); });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before it was ready:\n${out}`));
    });
  });

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
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

export const newRequestId = () => `e2e${randomUUID().replace(/-/g, '')}`;
