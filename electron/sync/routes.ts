import type { IncomingHttpHeaders } from 'node:http';
import type { CoreDeps } from '../core/context.js';
import { AppError, errorStatus } from '../core/errors.js';
import { acceptPush, authenticate, pairTerminal, servePull } from './office.js';

export interface SyncHttpRequest { method: string; path: string; headers: IncomingHttpHeaders; body: string; address?: string }
export interface SyncHttpReply { status: number; body: unknown }

/**
 * POST /sync/pair (the one-time code is the credential), /sync/push and /sync/pull (signed by the
 * terminal; never a Bearer token). Served only by a machine started with --role office. The
 * signature, not the clock the app runs on (--test-clock), decides the replay window: wall time.
 */
export function handleSyncRequest(deps: CoreDeps, req: SyncHttpRequest): SyncHttpReply {
  try {
    if (deps.role !== 'office') throw new AppError('NOT_FOUND', '本机不是村委会主机 (this machine is not the village office)');
    if (req.method !== 'POST') throw new AppError('INVALID_INPUT', '请使用 POST (use POST)');
    let body: unknown;
    try {
      body = req.body.trim() === '' ? {} : JSON.parse(req.body);
    } catch {
      throw new AppError('INVALID_INPUT', '请求内容不是有效的 JSON (body is not valid JSON)');
    }
    const now = new Date();
    const db = deps.db;
    switch (req.path) {
      case '/sync/pair':
        return { status: 200, body: { result: pairTerminal(db, body, now, req.address) } };
      case '/sync/push':
      case '/sync/pull': {
        const terminal = authenticate(db, { method: req.method, path: req.path, body: req.body, headers: req.headers }, now, req.address);
        const result = req.path === '/sync/push' ? acceptPush(db, terminal, body, now) : servePull(db, terminal, body);
        return { status: 200, body: { result } };
      }
      default:
        throw new AppError('NOT_FOUND', `没有这个同步接口 (unknown sync endpoint): ${req.path}`);
    }
  } catch (e) {
    if (e instanceof AppError) return { status: errorStatus[e.code], body: { error: e.toBody() } };
    console.error('[sync] unexpected error', e);
    return { status: 500, body: { error: { code: 'INTERNAL', message: '内部错误，同步未完成 (internal error)' } } };
  }
}
