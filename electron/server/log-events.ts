import { format } from 'node:util';
import type { SyncRuntime } from '../core/context.js';
import type { AppLog } from './log-file.js';

/**
 * How a /sync/* reply is logged at the office: every pairing (who paired from where, or why not),
 * push and pull only when they fail; a healthy counter pulls every few seconds and would drown the file.
 */
export function syncReplyLevel(path: string, status: number): 'info' | 'warn' | 'error' | null {
  if (status >= 500) return 'error';
  if (path === '/sync/pair') return status === 200 ? 'info' : 'warn';
  return status >= 400 ? 'warn' : null;
}

export function logSyncReply(log: AppLog, path: string, status: number, address: string | undefined): void {
  const level = syncReplyLevel(path, status);
  const data = { path, status, from: address ?? null };
  if (level === 'error') log.error('同步请求失败 (sync request failed)', undefined, data);
  else if (level) log[level](path === '/sync/pair' ? '配对请求 (pairing request)' : '同步请求被拒 (sync request refused)', data);
}

/** The part of a counter's sync.status worth a line when it changes. */
function linkState(status: unknown) {
  const s = (status ?? {}) as Record<string, unknown>;
  return {
    paired: s.paired ?? null,
    online: s.online ?? null,
    officeUrl: s.officeUrl ?? null,
    lastError: s.lastError ?? null,
    revoked: s.revoked ?? null,
    needsUpgrade: s.needsUpgrade ?? null,
  };
}

/** A counter's link to its office: logs each change (paired, online/offline, the error, revoked), not each cycle. */
export function watchSyncStatus(sync: SyncRuntime, log: AppLog, intervalMs = 10_000): () => void {
  let last = '';
  const check = () => {
    const state = linkState(sync.status());
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    if (state.online || !state.paired) log.info('同步状态 (sync link)', state);
    else log.warn('同步状态 (sync link)', state);
  };
  check();
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Uncaught exceptions and unhandled rejections go to the log, then the process ends as Node would
 * have ended it; console.error/warn (the core's "[core] unexpected error" with its stack) are copied
 * into the log as well.
 */
export function logProcessFailures(log: AppLog, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('uncaughtException', (e) => {
    log.error('未捕获的异常 (uncaught exception)', e);
    exit(1);
  });
  process.on('unhandledRejection', (e) => {
    log.error('未处理的 Promise 拒绝 (unhandled rejection)', e);
    exit(1);
  });
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      original(...args);
      const err = args.find((a) => a instanceof Error);
      const text = format(...args.filter((a) => a !== err));
      if (level === 'error') log.error(text, err);
      else log.warn(text);
    };
  }
}
