/**
 * A real PostgreSQL for the county tests, soak and bench. With POS_TEST_PG_URL (a server URL whose
 * user may CREATE DATABASE) that server is used; otherwise a throwaway cluster is started from the
 * Debian packages (initdb + pg_ctl, run as the postgres user when we are root) in a temporary
 * directory, and stopped when the process exits. Each caller gets a database of its own.
 * No test framework is imported, so tests, scripts and the bench can all use it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  url: string;
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error('PostgreSQL is not installed (apt-get install postgresql), and POS_TEST_PG_URL is not set');
  return join(root, versions[0], 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Starts a fresh cluster (trust auth, 127.0.0.1 only); it is removed with its files on stop or exit. */
export async function startCluster(): Promise<PgCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'pos-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    dir,
    '-s',
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', dir, '-s', '-m', 'immediate', 'stop']);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
}

let shared: Promise<PgCluster> | null = null;

/** The server for this process: POS_TEST_PG_URL, or one cluster started on first use. */
export function testServer(): Promise<PgCluster> {
  const given = process.env.POS_TEST_PG_URL;
  if (given) return Promise.resolve({ url: given, stop: () => {} });
  return (shared ??= startCluster());
}

/** A new, empty database on the test server; its URL. */
export async function createTestDatabase(prefix = 'county'): Promise<string> {
  const server = await testServer();
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
  const u = new URL(server.url);
  u.pathname = `/${name}`;
  return u.toString();
}
