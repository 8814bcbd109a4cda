// Browser mode (and the office's LAN server) must not be a weaker door than the Electron window:
// the same script policy, and no sniffing, caching or framing of what it serves.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspDirectives } from '../shell/security.js';
import { browserCsp, createHttpServer } from './http.js';
import { freshVillage, type Village } from '../core/test-support.js';
import { putSetting } from '../core/settings.js';
import { lanSettingKey } from './allowed-hosts.js';
import { request } from 'node:http';

const directives = new Map(
  browserCsp.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name, values.join(' ')] as const;
  }),
);

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
  let port: number;
  let v: Village;
  let close: () => void;
  beforeAll(async () => {
    v = await freshVillage();
    root = mkdtempSync(join(tmpdir(), 'pos-http-'));
    mkdirSync(join(root, 'ui'));
    writeFileSync(join(root, 'ui', 'index.html'), '<!doctype html><title>积分超市</title>');
    writeFileSync(join(root, 'secret.txt'), 'no');
    const server = createHttpServer(v.d, { staticDir: join(root, 'ui') });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    close = () => {
      server.close();
      server.closeAllConnections();
    };
  });
  afterAll(() => {
    close?.();
    v?.close();
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
    const r = await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the API only answers POST, the UI and the backup download only GET, each refusal with its reason', async () => {
    for (const [path, method] of [
      ['/api/auth.me', 'GET'],
      ['/index.html', 'POST'],
      ['/download/backups/points-20260101-000000-daily.db', 'POST'],
    ]) {
      const r = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(((await r.json()) as { error: unknown }).error, `${method} ${path}`).toMatchObject({ code: 'INVALID_INPUT', reason: 'method_not_allowed' });
    }
  });
});

/** A request with a Host header of our choosing (fetch will not let a caller set Host). */
function post(port: number, path: string, headers: Record<string, string>, body = '{}'): Promise<{ status: number; reason?: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, reason: (JSON.parse(text) as { error?: { reason?: string } }).error?.reason }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('the Host allow-list and the LAN setting', () => {
  let v: Village;
  let port: number;
  let close: () => void;
  beforeAll(async () => {
    v = await freshVillage();
    const server = createHttpServer(v.d);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
    close = () => {
      server.close();
      server.closeAllConnections();
    };
  });
  afterAll(() => {
    close?.();
    v?.close();
  });

  it('answers the loopback names on its own port only', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect([host, (await post(port, '/api/auth.me', { host })).status]).toEqual([host, 401]);
    }
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `cunwei-pc:${port}`]) {
      expect([host, await post(port, '/api/auth.me', { host })]).toEqual([host, { status: 421, reason: 'host_not_allowed' }]);
    }
  });

  it('adds the names of the office.lan setting while it is enabled; an unreadable setting adds nothing', async () => {
    const host = `cunwei-pc:${port}`;
    putSetting(v.db, lanSettingKey, { enabled: true, host: '0.0.0.0', port, names: ['CUNWEI-PC', '192.168.1.20'] });
    expect((await post(port, '/api/auth.me', { host })).status).toBe(401);
    expect((await post(port, '/api/auth.me', { host: `192.168.1.20:${port}` })).status).toBe(401);
    // A page served from that name may write; one from anywhere else may not.
    expect((await post(port, '/api/auth.me', { host, origin: `http://cunwei-pc:${port}` })).status).toBe(401);
    expect(await post(port, '/api/auth.me', { host, origin: `http://evil.example:${port}` })).toEqual({ status: 403, reason: 'origin_not_allowed' });
    putSetting(v.db, lanSettingKey, { enabled: false, host: '0.0.0.0', port, names: ['cunwei-pc'] });
    expect((await post(port, '/api/auth.me', { host })).status).toBe(421);
    putSetting(v.db, lanSettingKey, { enabled: true, names: 'cunwei-pc' });
    expect((await post(port, '/api/auth.me', { host })).status).toBe(421);
  });
});
