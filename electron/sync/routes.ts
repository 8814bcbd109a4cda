import type { IncomingHttpHeaders } from 'node:http';
import type { CoreDeps } from '../core/context.js';
import { AppError, errorStatus } from '../core/errors.js';
import { acceptPush, authenticate, pairTerminal, servePull } from './office.js';

export interface SyncHttpRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  address?: string;
}
export interface SyncHttpReply {
  status: number;
  body: unknown;
}

/** Deeper than any event (a redemption is 4 levels); a deeper body is refused before it is parsed. */
export const maxSyncJsonDepth = 32;

/**
 * The nesting depth of a JSON text, counted without recursion (brackets outside strings): a body
 * nested 20,000 deep would overflow the stack of whatever walks it next (the signature check, zod,
 * JSON.stringify) and answer 500.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function parseSyncBody(text: string): unknown {
  if (text.trim() === '') return {};
  if (jsonDepth(text) > maxSyncJsonDepth)
    throw new AppError('INVALID_INPUT', '请求内容嵌套过深 (body nested too deep)', { reason: 'too_deep', max: maxSyncJsonDepth });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', '请求内容不是有效的 JSON (body is not valid JSON)', { reason: 'invalid_json' });
  }
}

/**
 * POST /sync/pair (the one-time code is the credential), /sync/push and /sync/pull (signed by the
 * terminal; never a Bearer token). Served only by a machine started with --role office. The
 * signature, not the clock the app runs on (--test-clock), decides the replay window: wall time.
 */
export function handleSyncRequest(deps: CoreDeps, req: SyncHttpRequest): SyncHttpReply {
  try {
    if (deps.role !== 'office') throw new AppError('NOT_FOUND', '本机不是村委会主机 (this machine is not the village office)', { reason: 'sync_not_served' });
    if (req.method !== 'POST') throw new AppError('INVALID_INPUT', '请使用 POST (use POST)', { reason: 'method_not_allowed' });
    const body = parseSyncBody(req.body);
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
        throw new AppError('NOT_FOUND', `没有这个同步接口 (unknown sync endpoint): ${req.path}`, { reason: 'unknown_sync_endpoint' });
    }
  } catch (e) {
    // Bookkeeping the failed call's rollback must not undo (the pairing lockout).
    if (e instanceof AppError && e.afterRollback) deps.db.transaction(e.afterRollback).immediate();
    if (e instanceof AppError) return { status: errorStatus[e.code], body: { error: e.toBody() } };
    console.error('[sync] unexpected error', e);
    return { status: 500, body: { error: { code: 'INTERNAL', message: '内部错误，同步未完成 (internal error)' } } };
  }
}
