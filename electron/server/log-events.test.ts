import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncRuntime } from '../core/context.js';
import { syncReplyLevel, watchSyncStatus } from './log-events.js';
import { openLogFile } from './log-file.js';

const dir = mkdtempSync(join(tmpdir(), 'logevents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('which sync replies the office logs', () => {
  it('every pairing, failed pushes and pulls, and nothing for a healthy cycle', () => {
    expect(syncReplyLevel('/sync/pair', 200)).toBe('info');
    expect(syncReplyLevel('/sync/pair', 400)).toBe('warn');
    expect(syncReplyLevel('/sync/pull', 200)).toBeNull();
    expect(syncReplyLevel('/sync/push', 200)).toBeNull();
    expect(syncReplyLevel('/sync/push', 401)).toBe('warn');
    expect(syncReplyLevel('/sync/pull', 500)).toBe('error');
    expect(syncReplyLevel('/sync/pair', 500)).toBe('error');
  });
});

describe('watchSyncStatus', () => {
  it('writes a line when the counter’s link changes, not on every check', async () => {
    const file = join(dir, 'watch.log');
    const log = openLogFile(file);
    let status: Record<string, unknown> = { role: 'counter', paired: true, online: true, officeUrl: 'http://192.168.1.10:5180', lastError: null, pending: 3 };
    const sync = { status: () => status } as unknown as SyncRuntime;
    const stop = watchSyncStatus(sync, log, 5);
    await new Promise((r) => setTimeout(r, 30));
    status = { ...status, pending: 9 }; // not a link change
    await new Promise((r) => setTimeout(r, 30));
    status = { ...status, online: false, lastError: '连接超时 (timeout)' };
    await new Promise((r) => setTimeout(r, 30));
    stop();
    status = { ...status, online: true, lastError: null };
    await new Promise((r) => setTimeout(r, 30));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\[info\] 同步状态 \(sync link\) \{"paired":true,"online":true,"officeUrl":"http:\/\/192\.168\.1\.10:5180"/);
    expect(lines[1]).toMatch(/\[warn\] 同步状态 \(sync link\) .*"online":false.*"lastError":"连接超时 \(timeout\)"/);
  });
});

describe('logProcessFailures, in a real process', () => {
  const script = join(dir, 'crash.mts');
  const url = (f: string) => pathToFileURL(join(__dirname, f)).href;
  writeFileSync(
    script,
    [
      `import { openLogFile } from '${url('log-file.ts')}';`,
      `import { logProcessFailures } from '${url('log-events.ts')}';`,
      'logProcessFailures(openLogFile(process.argv[2]));',
      "console.error('[core] unexpected error', new Error('db gone'));",
      "if (process.argv[3] === 'reject') Promise.reject(new Error('late failure'));",
      "else setTimeout(() => { throw new Error('kaboom'); }, 0);",
    ].join('\n'),
  );
  const run = (mode: string) => {
    const file = join(dir, `${mode}.log`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, file, mode], { encoding: 'utf8', cwd: join(__dirname, '..', '..') });
    return { status: r.status, stderr: r.stderr, log: readFileSync(file, 'utf8') };
  };

  it('logs an uncaught exception with its stack, and console.error, then exits 1', () => {
    const r = run('throw');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[core] unexpected error'); // still on the console too
    expect(r.log).toMatch(/\[error\] \[core\] unexpected error\nError: db gone\n/);
    expect(r.log).toMatch(/\[error\] 未捕获的异常 \(uncaught exception\)\nError: kaboom\n {4}at /);
  });

  it('logs an unhandled rejection, then exits 1', () => {
    const r = run('reject');
    expect(r.status).toBe(1);
    expect(r.log).toMatch(/\[error\] 未处理的 Promise 拒绝 \(unhandled rejection\)\nError: late failure\n/);
  });
});
