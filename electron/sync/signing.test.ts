import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replayWindowMs, signRequest, verifyRequest } from './signing.js';

const secret = randomBytes(32).toString('base64url');
const now = 1_780_000_000_000;

function signed(body = '{"after":0}', path = '/sync/pull', at = now) {
  const headers = signRequest({ terminalId: 'T1', secret, method: 'POST', path, body }, at);
  return { method: 'POST', path, body, headers: { ...headers } as Record<string, string> };
}

describe('request signing', () => {
  it('accepts a request signed with the secret, within the window', () => {
    expect(verifyRequest(secret, signed(), now + 1000)).toMatchObject({ ok: true });
    expect(verifyRequest(secret, signed(), now - replayWindowMs)).toMatchObject({ ok: true });
  });

  it('refuses a request outside the replay window', () => {
    expect(verifyRequest(secret, signed(), now + replayWindowMs + 1)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyRequest(secret, signed(), now - replayWindowMs - 1)).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a changed body, path, method, time or nonce, and another secret', () => {
    const r = signed();
    expect(verifyRequest(secret, { ...r, body: '{"after":1}' }, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyRequest(secret, { ...r, path: '/sync/push' }, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyRequest(secret, { ...r, method: 'PUT' }, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyRequest(secret, { ...r, headers: { ...r.headers, 'x-pos-time': String(now + 1) } }, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyRequest(secret, { ...r, headers: { ...r.headers, 'x-pos-nonce': 'AAAAAAAAAAAAAAAAAAAAAA' } }, now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyRequest(randomBytes(32).toString('base64url'), r, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses missing or malformed headers without throwing', () => {
    const r = signed();
    expect(verifyRequest(secret, { ...r, headers: {} }, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyRequest(secret, { ...r, headers: { ...r.headers, 'x-pos-signature': 'abc' } }, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyRequest(secret, { ...r, headers: { ...r.headers, 'x-pos-time': 'soon' } }, now)).toEqual({ ok: false, reason: 'missing' });
  });

  it('gives every request its own nonce', () => {
    expect(signed().headers['x-pos-nonce']).not.toBe(signed().headers['x-pos-nonce']);
  });
});
