// Browser mode (and the office's LAN server) must not be a weaker door than the Electron window:
// the same script policy, and no sniffing, caching or framing of what it serves.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspDirectives } from '../shell/security.js';
import { browserCsp, createHttpServer } from './http.js';
import type { Dispatcher } from '../core/dispatcher.js';

const directives = new Map(browserCsp.split(';').map((d) => {
  const [name, ...values] = d.trim().split(/\s+/);
  return [name, values.join(' ')] as const;
}));

describe('browser-mode CSP', () => {
  it('matches the Electron policy for scripts, objects, base, framing, forms and connections', () => {
    for (const name of ['default-src', 'script-src', 'object-src', 'base-uri', 'frame-ancestors', 'form-action', 'connect-src']) {
      expect([name, directives.get(name)]).toEqual([name, cspDirectives[name]]);
    }
  });

  it('never allows eval, inline scripts or other hosts', () => {
    expect(browserCsp).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(directives.get('script-src')).not.toContain('unsafe-inline');
  });
});

describe('HTTP responses', () => {
  let root: string;
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pos-http-'));
    mkdirSync(join(root, 'ui'));
    writeFileSync(join(root, 'ui', 'index.html'), '<!doctype html><title>积分超市</title>');
    writeFileSync(join(root, 'secret.txt'), 'no');
    const dispatcher = { call: async () => ({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } }) } as unknown as Dispatcher;
    const server = createHttpServer(dispatcher, { staticDir: join(root, 'ui') });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => {
    close?.();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the UI with the CSP, nosniff and no referrer', async () => {
    const r = await fetch(`${base}/`);
    expect(r.headers.get('content-security-policy')).toBe(browserCsp);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('never serves files outside the UI folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      expect(await (await fetch(`${base}${path}`)).text()).not.toBe('no');
    }
  });

  it('API replies are JSON, nosniff and never cached', async () => {
    const r = await fetch(`${base}/api/auth.me`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the API only answers POST', async () => {
    expect((await fetch(`${base}/api/auth.me`)).status).toBe(405);
  });
});
