import { describe, expect, it, vi } from 'vitest';
import { createClient, httpTransport, sessionTokenStore, type Reply, type Transport } from './client';
import { ApiError } from './errors';

function fakeTransport(kind: 'ipc' | 'http', reply: (method: string, params: unknown, token: string | null) => Reply | Promise<Reply>) {
  const calls: { method: string; params: unknown; token: string | null }[] = [];
  const transport: Transport = {
    kind,
    async send(method, params, token) {
      calls.push({ method, params, token });
      return reply(method, params, token);
    },
  };
  return { transport, calls };
}

describe('api client', () => {
  it('keeps the token from auth.login and sends it with later HTTP calls', async () => {
    const { transport, calls } = fakeTransport('http', (m) => (m === 'auth.login' ? { result: { token: 'tok123', user: {} } } : { result: { ok: 1 } }));
    const tokens = sessionTokenStore(undefined);
    const api = createClient({ transport: () => transport, tokens });
    await api.call('auth.login', { username: 'shop', pin: '111111' });
    expect(tokens.get()).toBe('tok123');
    await api.call('calendar.get', {});
    expect(calls[1]).toEqual({ method: 'calendar.get', params: {}, token: 'tok123' });
  });

  it('never sends a token over IPC (main keeps the session)', async () => {
    const { transport, calls } = fakeTransport('ipc', () => ({ result: {} }));
    const tokens = sessionTokenStore(undefined);
    tokens.set('stale');
    const api = createClient({ transport: () => transport, tokens });
    await api.call('calendar.get', {});
    expect(calls[0].token).toBeNull();
  });

  it('throws ApiError with code, message, reason and details on {error}', async () => {
    const { transport } = fakeTransport('http', () => ({
      error: { code: 'INSUFFICIENT_POINTS', message: '积分不足：可用 5 分', reason: 'insufficient_points', details: { shortBy: 3 } },
    }));
    const api = createClient({ transport: () => transport, tokens: sessionTokenStore(undefined) });
    const err = await api.call('redemptions.create', { householdId: 1, lines: [{ itemId: 1, qty: 1 }], requestId: 'abcdefgh' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'INSUFFICIENT_POINTS', message: '积分不足：可用 5 分', reason: 'insufficient_points', details: { shortBy: 3 } });
  });

  it('ends the session on UNAUTHENTICATED for an ordinary call', async () => {
    const { transport } = fakeTransport('http', () => ({ error: { code: 'UNAUTHENTICATED', message: '请先登录', reason: 'not_signed_in' } }));
    const tokens = sessionTokenStore(undefined);
    tokens.set('tok');
    const api = createClient({ transport: () => transport, tokens });
    const ended = vi.fn();
    api.onSessionEnded(ended);
    await expect(api.call('calendar.get', {})).rejects.toThrow('请先登录');
    expect(ended).toHaveBeenCalledOnce();
    expect(tokens.get()).toBeNull();
  });

  it('keeps the session when a supervisor PIN is wrong, and on a failed login', async () => {
    const { transport } = fakeTransport('http', (m) => ({
      error:
        m === 'auth.login'
          ? { code: 'UNAUTHENTICATED', message: '用户名或 PIN 错误', reason: 'pin_wrong' }
          : { code: 'UNAUTHENTICATED', message: '主管用户名或 PIN 错误 (wrong username or PIN)', reason: 'supervisor_pin_wrong' },
    }));
    const tokens = sessionTokenStore(undefined);
    tokens.set('tok');
    const api = createClient({ transport: () => transport, tokens });
    const ended = vi.fn();
    api.onSessionEnded(ended);
    await expect(api.call('redemptions.void', { id: 1, reason: 'x', supervisorUsername: 'admin', supervisorPin: '0000' })).rejects.toThrow(/^主管/);
    await expect(api.call('auth.login', { username: 'x', pin: '1' })).rejects.toThrow();
    expect(ended).not.toHaveBeenCalled();
    expect(tokens.get()).toBe('tok');
  });

  it('turns a transport failure into a NETWORK error', async () => {
    const transport: Transport = { kind: 'http', send: () => Promise.reject(new TypeError('Failed to fetch')) };
    const api = createClient({ transport: () => transport, tokens: sessionTokenStore(undefined) });
    await expect(api.call('calendar.get', {})).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('forgets the token on logout', async () => {
    const { transport } = fakeTransport('http', () => ({ result: { loggedOut: true } }));
    const tokens = sessionTokenStore(undefined);
    tokens.set('tok');
    const api = createClient({ transport: () => transport, tokens });
    await api.call('auth.logout', {});
    expect(tokens.get()).toBeNull();
  });
});

describe('http transport', () => {
  it('POSTs JSON to /api/<method> with a Bearer token', async () => {
    const fetchFn = vi.fn(async () => new Response(JSON.stringify({ result: { ok: true } }), { status: 200 }));
    const t = httpTransport('/api/', fetchFn as unknown as typeof fetch);
    const reply = await t.send('households.search', { q: 'zsf' }, 'tok');
    expect(reply).toEqual({ result: { ok: true } });
    expect(fetchFn).toHaveBeenCalledWith('/api/households.search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
      body: JSON.stringify({ q: 'zsf' }),
    });
  });

  it('reads error bodies of non-200 answers, and survives a non-JSON body', async () => {
    const err = httpTransport(
      '/api/',
      (async () => new Response(JSON.stringify({ error: { code: 'OUT_OF_STOCK', message: '库存不足' } }), { status: 422 })) as unknown as typeof fetch,
    );
    expect(await err.send('redemptions.create', {}, null)).toEqual({ error: { code: 'OUT_OF_STOCK', message: '库存不足' } });
    const html = httpTransport('/api/', (async () => new Response('<html>', { status: 502 })) as unknown as typeof fetch);
    expect(await html.send('x', {}, null)).toMatchObject({ error: { code: 'INTERNAL' } });
  });
});

describe('token store', () => {
  it('uses the given storage', () => {
    const m = new Map<string, string>();
    const storage = {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
    const s = sessionTokenStore(storage);
    s.set('a');
    expect(m.get('pos.token')).toBe('a');
    s.set(null);
    expect(m.has('pos.token')).toBe(false);
  });
});
