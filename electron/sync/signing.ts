import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A request older or newer than this is refused; nonces are remembered for as long. */
export const replayWindowMs = 5 * 60_000;

export const headerNames = {
  terminal: 'x-pos-terminal',
  time: 'x-pos-time',
  nonce: 'x-pos-nonce',
  signature: 'x-pos-signature',
} as const;

export interface SignedHeaders {
  'x-pos-terminal': string;
  'x-pos-time': string;
  'x-pos-nonce': string;
  'x-pos-signature': string;
}

export const sha256Hex = (body: string | Buffer): string => createHash('sha256').update(body).digest('hex');

/** What is signed: everything that gives a request its meaning, so none of it can be changed in transit. */
export function canonical(method: string, path: string, time: string, nonce: string, body: string | Buffer): string {
  return `${method.toUpperCase()}\n${path}\n${time}\n${nonce}\n${sha256Hex(body)}`;
}

export function signature(secret: string, text: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url')).update(text).digest('hex');
}

export function signRequest(
  p: { terminalId: string; secret: string; method: string; path: string; body: string },
  now = Date.now(),
  nonce = randomBytes(16).toString('base64url'),
): SignedHeaders {
  const time = String(now);
  return {
    'x-pos-terminal': p.terminalId,
    'x-pos-time': time,
    'x-pos-nonce': nonce,
    'x-pos-signature': signature(p.secret, canonical(p.method, p.path, time, nonce, p.body)),
  };
}

export type VerifyFailure = 'missing' | 'stale' | 'bad_signature';

export interface SignedRequest {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function header(h: SignedRequest['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export function requestTerminal(req: SignedRequest): string | undefined {
  return header(req.headers, headerNames.terminal);
}

/**
 * Checks the time window and the HMAC; the caller checks the terminal (known, not revoked) and
 * remembers the nonce. Pure apart from the clock it is given.
 */
export function verifyRequest(
  secret: string,
  req: SignedRequest,
  now: number,
): { ok: true; nonce: string; time: number } | { ok: false; reason: VerifyFailure } {
  const time = header(req.headers, headerNames.time);
  const nonce = header(req.headers, headerNames.nonce);
  const sig = header(req.headers, headerNames.signature);
  if (!time || !nonce || !sig || !/^\d{1,16}$/.test(time) || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce) || !/^[0-9a-f]{64}$/.test(sig)) {
    return { ok: false, reason: 'missing' };
  }
  if (Math.abs(now - Number(time)) > replayWindowMs) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signature(secret, canonical(req.method, req.path, time, nonce, req.body)), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return { ok: false, reason: 'bad_signature' };
  return { ok: true, nonce, time: Number(time) };
}
