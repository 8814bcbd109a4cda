/**
 * Starts the real server (electron/server/cli.ts) as a child process and stops it again: the one
 * way the API tests (tests/api), the sync tests and soak (tests/sync, scripts/soak-sync.ts) and the
 * e2e suite (e2e/support) run a server. No test framework is imported here, so all three can use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SpawnOptions {
  dataDir: string;
  /** 0 (the default): any free port; the URL the server prints says which. */
  port?: number;
  role?: 'all' | 'office' | 'counter';
  demo?: boolean;
  testClock?: boolean;
  /** Added to this process's environment; an undefined value removes the variable. */
  env?: Record<string, string | undefined>;
  /** How long the server may take to print its URL. */
  startTimeoutMs?: number;
  /** Names the process in errors. */
  label?: string;
  /** Every chunk the process writes, stdout and stderr. */
  onOutput?: (chunk: string) => void;
}

export interface SpawnedServer {
  proc: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** What the process has written so far. */
  output(): string;
}

const urlPattern = /http:\/\/127\.0\.0\.1:\d+/;

/** Spawns the server on 127.0.0.1 and resolves once it prints the URL it accepts requests on. */
export async function spawnServer(o: SpawnOptions): Promise<SpawnedServer> {
  const args = ['--import', 'tsx', join(repoRoot, 'electron/server/cli.ts'), '--data', o.dataDir, '--port', String(o.port ?? 0), '--host', '127.0.0.1'];
  if (o.role) args.push('--role', o.role);
  if (o.demo) args.push('--demo');
  if (o.testClock) args.push('--test-clock');
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', ...o.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const proc = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env });
  const label = o.label ?? 'server';
  const timeoutMs = o.startTimeoutMs ?? 30_000;
  let out = '';
  const take = (c: Buffer) => {
    const text = c.toString('utf8');
    out += text;
    o.onOutput?.(text);
  };
  proc.stderr!.on('data', take);
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${label} did not start within ${timeoutMs / 1000} s:\n${out}`)), timeoutMs);
    const onData = (c: Buffer) => {
      take(c);
      const m = urlPattern.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.off('exit', onExit);
        // From here on only collect: keep draining stdout, so a chatty server never blocks on a full pipe.
        proc.stdout!.off('data', onData);
        proc.stdout!.on('data', take);
        ok(m[0]);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      fail(new Error(`${label} exited (${code ?? signal}) before it was ready:\n${out}`));
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', onExit);
  });
  return { proc, url, output: () => out };
}

export const isRunning = (proc: ChildProcess): boolean => proc.exitCode === null && proc.signalCode === null;

/**
 * Ends the process and waits for it: SIGTERM, then SIGKILL if it has not gone after 5 s.
 * `SIGKILL` at once is a power cut: no shutdown handler runs.
 */
export async function stopProcess(proc: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (!isRunning(proc)) return;
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
  proc.kill(signal);
  const t = signal === 'SIGTERM' ? setTimeout(() => proc.kill('SIGKILL'), 5000) : undefined;
  await exited;
  clearTimeout(t);
}
