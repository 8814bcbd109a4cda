/**
 * The county server as a real process (electron/server/cli.ts --role county) on a real PostgreSQL,
 * and what the county tests, soak and bench read back from both ends. No test framework imported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isRunning, repoRoot, stopProcess } from '../support/server-process.js';
import type { ApiReply } from '../sync/harness.js';

export class CountyProcess {
  proc!: ChildProcess;
  url = '';
  private out = '';
  constructor(
    readonly pgUrl: string,
    private port = 0,
    private env: Record<string, string> = {},
  ) {}

  static async start(pgUrl: string, opts: { port?: number; env?: Record<string, string> } = {}): Promise<CountyProcess> {
    const c = new CountyProcess(pgUrl, opts.port ?? 0, opts.env);
    await c.spawn();
    return c;
  }

  output(): string {
    return this.out;
  }

  async spawn(): Promise<void> {
    const args = [
      '--import',
      'tsx',
      join(repoRoot, 'electron/server/cli.ts'),
      '--role',
      'county',
      '--pg',
      this.pgUrl,
      '--port',
      String(this.port),
      '--host',
      '127.0.0.1',
      '--county-code',
      '469030000000',
      '--county-name',
      '白沙县',
    ];
    const proc = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test', ...this.env } });
    this.proc = proc;
    this.url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`county did not start:\n${this.out}`)), 60_000);
      const take = (c: Buffer) => {
        this.out += c.toString('utf8');
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(this.out);
        if (m && !this.url) {
          clearTimeout(timer);
          ok(m[0]);
        }
      };
      proc.stdout!.on('data', take);
      proc.stderr!.on('data', (c: Buffer) => {
        this.out += c.toString('utf8');
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`county exited (${code}) before it was ready:\n${this.out}`));
      });
    });
    this.port = Number(new URL(this.url).port);
  }

  get alive(): boolean {
    return isRunning(this.proc);
  }

  async kill(): Promise<void> {
    await stopProcess(this.proc, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await stopProcess(this.proc);
  }

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
    if (r.error) throw new Error(`county ${method}: ${r.error.code} ${r.error.message}`);
    return r.result as T;
  }

  async login(username = 'admin', pin = '123456'): Promise<string> {
    return (await this.ok<{ token: string }>('county.login', { username, pin })).token;
  }
}

/** Two towns with one village each, as in the pilots. */
export const pilot = {
  towns: [
    { code: '469030101000', name: '叉河镇' },
    { code: '469030102000', name: '石碌镇' },
  ],
  villages: [
    { code: '469030101201', name: '红阳村' },
    { code: '469030102201', name: '山竹沟村' },
    { code: '469030101202', name: '新村' },
  ],
};

export async function registerPilot(county: CountyProcess, admin: string): Promise<void> {
  for (const a of [...pilot.towns, ...pilot.villages]) await county.ok('county.areas.add', a, admin);
}

/** What the village holds, by household and year: the figures the county must end up with. */
export function villageFigures(dataDir: string) {
  const db = new Database(join(dataDir, 'points.db'), { readonly: true, fileMustExist: true });
  try {
    const years = db.prepare('SELECT household_id AS h, year AS y, awarded AS a, deducted AS d, redeemed AS r FROM account_totals ORDER BY h, y').all() as {
      h: number;
      y: number;
      a: number;
      d: number;
      r: number;
    }[];
    const outbox = (db.prepare('SELECT COUNT(*) AS n FROM county_outbox').get() as { n: number }).n;
    const pushed = db.prepare("SELECT value FROM settings WHERE key = 'local.county.pushedSeq'").get() as { value: string } | undefined;
    const maxSeq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM county_outbox').get() as { n: number }).n;
    const dirty = (db.prepare('SELECT COUNT(*) AS n FROM county_dirty').get() as { n: number }).n;
    const uuids = (db.prepare('SELECT uuid FROM county_outbox').all() as { uuid: string }[]).map((r) => r.uuid);
    return { years, outbox, pushedSeq: pushed ? Number(JSON.parse(pushed.value)) : 0, maxSeq, dirty, uuids };
  } finally {
    db.close();
  }
}

export async function countyFigures(pgUrl: string, villageCode: string) {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    const years = (
      await c.query(
        'SELECT household_id AS h, year AS y, awarded AS a, deducted AS d, redeemed AS r FROM household_years WHERE village_code = $1 ORDER BY h, y',
        [villageCode],
      )
    ).rows;
    const conflicts = (await c.query('SELECT type, reason, detail FROM conflicts WHERE village_code = $1 ORDER BY id', [villageCode])).rows as {
      type: string;
      reason: string;
      detail: string;
    }[];
    const inbox = (await c.query('SELECT uuid, status FROM inbox WHERE village_code = $1', [villageCode])).rows as { uuid: string; status: string }[];
    return { years, conflicts, inbox };
  } finally {
    await c.end();
  }
}

/** Whether the county holds exactly the village's yearly figures. */
export async function sameFigures(pgUrl: string, villageCode: string, dataDir: string): Promise<boolean> {
  const v = villageFigures(dataDir);
  const c = await countyFigures(pgUrl, villageCode);
  return JSON.stringify(v.years) === JSON.stringify(c.years);
}
