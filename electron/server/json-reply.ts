import type { ServerResponse } from 'node:http';
import type { ErrorCode, ErrorReason } from '../core/errors.js';

/**
 * The whole answer in one write: with its length declared, Node puts the head and the body in one
 * string and one send (without it, the body goes chunked, in pieces beside the head).
 */
export function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

/** A refusal at the edge, before any handler: the API's error shape, with a reason the client can act on. */
export function refuse(res: ServerResponse, status: number, code: ErrorCode, reason: ErrorReason, message: string, close = false): void {
  if (close) res.setHeader('connection', 'close');
  send(res, status, { error: { code, message, reason } });
}
