// The edge of the real server process, tried as a web page in the office's browser or a stranger on
// the LAN would try it: a rebound Host, cross-site "simple" POSTs, another site's Origin, oversized
// and half-sent bodies, a 20,000-deep body, a stopwatch on the sign-in, control characters in
// names, and an .xlsx that unpacks to 5 million rows.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterBomb } from '../support/xlsx-bomb.js';
import { demoPins, expectError, startServer, type ApiError, type TestServer } from './server.js';

let s: TestServer;
let port: number;
let admin: string;
let clerk: string;
let shop: string;

beforeAll(async () => {
  s = await startServer({ env: { POS_HTTP_REQUEST_TIMEOUT_MS: '1000', POS_HTTP_HEADERS_TIMEOUT_MS: '1000' } });
  port = Number(new URL(s.url).port);
  [admin, clerk, shop] = await Promise.all([s.login('admin'), s.login('clerk'), s.login('shop')]);
}, 60_000);
afterAll(async () => {
  await s?.stop();
});

/** The reason of a refusal: beside the code at the edge, or on the schema issue that refused a field. */
function reasonOf(e: ApiError | undefined): string | undefined {
  if (e?.reason) return e.reason;
  const d = e?.details as { reason?: string; issues?: { reason?: string }[] } | { reason?: string }[] | undefined;
  if (Array.isArray(d)) return d.find((i) => i.reason)?.reason;
  return d?.reason ?? d?.issues?.find((i) => i.reason)?.reason;
}

interface Raw {
  status: number;
  body: { result?: any; error?: ApiError };
}

/** A POST with headers fetch will not let a page (or a test) choose: Host, or none of Origin. */
function post(path: string, headers: Record<string, string>, body: string | Buffer = '{}'): Promise<Raw> {
  const bytes = Buffer.from(body);
  return new Promise((ok, fail) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-length': String(bytes.length), ...headers } }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    // A server that refuses a large body answers and closes while the rest is still being sent, as a
    // browser would see it: the answer counts, the broken pipe behind it does not.
    req.on('error', (e) => (answered ? undefined : fail(e)));
    const step = 64 * 1024;
    const send = async () => {
      for (let at = 0; at < bytes.length && !answered && !req.destroyed; at += step) {
        if (!req.write(bytes.subarray(at, at + step))) await new Promise((r) => req.once('drain', r));
        await new Promise((r) => setImmediate(r));
      }
      if (!req.destroyed) req.end();
    };
    send().catch(() => {});
  });
}
const json = { 'content-type': 'application/json' };
const wrongLogin = JSON.stringify({ username: 'admin', pin: '000000' });

describe('Host allow-list (DNS rebinding)', () => {
  it('refuses a name that is not ours, even on our address and port, before any method runs', async () => {
    for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1.nip.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const r = await post('/api/auth.login', { ...json, host }, wrongLogin);
      expect([host, r.status, r.body.error?.code, reasonOf(r.body.error)]).toEqual([host, 421, 'FORBIDDEN', 'host_not_allowed']);
    }
    // Not the static UI either: a rebound page must not read what the server serves.
    const ui = await new Promise<number>((ok) =>
      request({ host: '127.0.0.1', port, path: '/', headers: { host: `attacker.example:${port}` } }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      }).end(),
    );
    expect(ui).toBe(421);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect((await post('/api/auth.me', { ...json, host })).status).toBe(401);
    // None of the refusals above counted as a failed sign-in.
    expect(typeof (await s.login('admin'))).toBe('string');
  });
});

describe('cross-site requests', () => {
  it('a text/plain POST (no CORS preflight) is 415 and reaches no handler: five of them lock nobody out', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${s.url}/api/auth.login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: wrongLogin });
      expect(r.status).toBe(415);
      expect(reasonOf(((await r.json()) as Raw['body']).error)).toBe('content_type');
    }
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      expect((await post('/api/auth.login', { 'content-type': type }, wrongLogin)).status).toBe(415);
    }
    expect((await post('/api/auth.login', {}, wrongLogin)).status).toBe(415);
    expect((await post('/sync/pair', { 'content-type': 'text/plain' }, '{}')).status).toBe(415);
    expect(typeof (await s.login('admin'))).toBe('string');
    // JSON with a charset is JSON.
    expect((await post('/api/auth.me', { 'content-type': 'Application/JSON; charset=utf-8', authorization: `Bearer ${admin}` })).status).toBe(200);
  });

  it('a write from another origin is 403; our own origin and no origin are fine', async () => {
    const bad = await post('/api/auth.login', { ...json, origin: 'http://attacker.example' }, wrongLogin);
    expect([bad.status, reasonOf(bad.body.error)]).toEqual([403, 'origin_not_allowed']);
    for (const origin of ['null', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`]) {
      expect((await post('/api/auth.login', { ...json, origin }, wrongLogin)).status).toBe(403);
    }
    const own = await post('/api/auth.login', { ...json, origin: `http://127.0.0.1:${port}` }, JSON.stringify({ username: 'admin', pin: demoPins.admin }));
    expect(own.status).toBe(200);
  });
});

describe('body limits', () => {
  it('without a valid token, a body past 64 KB is 413 before it is read', async () => {
    const big = JSON.stringify({ username: 'admin', pin: '1'.repeat(200_000) });
    for (const token of [undefined, 'not-a-token']) {
      const r = await post('/api/auth.login', { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) }, big);
      expect([r.status, reasonOf(r.body.error)]).toEqual([413, 'body_too_large']);
    }
    // The server answers as soon as the declared length is over: the 30 MB never has to be sent.
    const t0 = performance.now();
    const r = await new Promise<number>((ok, fail) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/households.import', method: 'POST', headers: { ...json, 'content-length': String(30 * 1024 * 1024) } },
        (res) => {
          ok(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', fail);
      req.write('{"xlsxBase64":"');
    });
    expect(r).toBe(413);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('signed in, ordinary calls get 1 MB; only a role that may import sends a large roster', async () => {
    const padded = (n: number) => JSON.stringify({ xlsxBase64: 'A'.repeat(n) });
    const asClerk = await post('/api/households.import', { ...json, authorization: `Bearer ${clerk}` }, padded(3_000_000));
    expect(asClerk.status).toBe(400); // read in full, then refused by the schema as not a workbook
    expect(reasonOf(asClerk.body.error)).not.toBe('body_too_large');
    const asShop = await post('/api/households.import', { ...json, authorization: `Bearer ${shop}` }, padded(3_000_000));
    expect([asShop.status, reasonOf(asShop.body.error)]).toEqual([413, 'body_too_large']);
    const search = await post('/api/households.search', { ...json, authorization: `Bearer ${shop}` }, JSON.stringify({ q: '6601', pad: 'x'.repeat(200_000) }));
    expect(search.status).toBe(400); // past 64 KB but within 1 MB: the schema answers
    const tooBig = await post(
      '/api/households.search',
      { ...json, authorization: `Bearer ${shop}` },
      JSON.stringify({ q: '6601', pad: 'x'.repeat(1_100_000) }),
    );
    expect(tooBig.status).toBe(413);
  });
});

describe('timeouts', () => {
  /** Opens a socket, sends `what`, and resolves with how long the server kept the connection open. */
  function heldFor(what: string): Promise<number> {
    return new Promise((ok, fail) => {
      const t0 = performance.now();
      const sock = connect(port, '127.0.0.1', () => sock.write(what));
      sock.on('data', () => {});
      sock.on('close', () => ok(performance.now() - t0));
      sock.on('error', () => {});
      setTimeout(() => {
        sock.destroy();
        fail(new Error('the server kept a half-sent request open for 10 s'));
      }, 10_000);
    });
  }

  it('a half-sent body is cut off after the request timeout (1 s here, 30 s by default)', async () => {
    const body = JSON.stringify({ username: 'admin', pin: demoPins.admin });
    const ms = await heldFor(
      `POST /api/auth.login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    expect(ms).toBeGreaterThan(900);
    expect(ms).toBeLessThan(3500);
  });

  it('half-sent headers are cut off too', async () => {
    const ms = await heldFor(`POST /api/auth.login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: appl`);
    expect(ms).toBeLessThan(3500);
  });
});

describe('deep JSON', () => {
  it('a 20,000-deep body is 400 INVALID_INPUT (too_deep), signed in or not, and the server carries on', async () => {
    const deep = `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    for (const [method, token] of [
      ['auth.login', undefined],
      ['households.search', shop],
      ['redemptions.create', shop],
    ] as const) {
      const r = expectError(await s.raw(method, deep, token), 'INVALID_INPUT', 400);
      expect(reasonOf(r)).toBe('too_deep');
    }
    expect(reasonOf(expectError(await s.raw('auth.login', '{"username": [', undefined), 'INVALID_INPUT', 400))).toBe('invalid_json');
    expect((await s.ok('auth.me', {}, shop)).user.username).toBe('shop');
  });
});

describe('sign-in timing', () => {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  async function timed(username: string, pin: string): Promise<number> {
    const t0 = performance.now();
    const r = await s.call('auth.login', { username, pin });
    const ms = performance.now() - t0;
    expect(r.status).toBe(401);
    return ms;
  }

  it('an unknown user, a wrong PIN and a locked account answer in the same time (medians of 15, ratio 0.7–1.4)', async () => {
    const known = ['clerk', 'review', 'barber'] as const;
    const unknownMs: number[] = [];
    const wrongMs: number[] = [];
    await timed('nobody-warmup', '000000');
    for (let i = 0; i < 15; i++) {
      unknownMs.push(await timed(`nobody${i}`, '000000'));
      const who = known[i % known.length];
      wrongMs.push(await timed(who, '000000'));
      // One right PIN clears the failure count, so the measurement never trips the lockout.
      await s.login(who);
    }
    // Lock one account (5 failures), then time refusals of the locked account.
    await s.ok('users.create', { username: 'locked1', name: '锁定测试', pin: '246810', roles: ['viewer'] }, admin);
    for (let i = 0; i < 5; i++) await timed('locked1', '000000');
    const lockedMs: number[] = [];
    for (let i = 0; i < 15; i++) lockedMs.push(await timed('locked1', i % 2 ? '246810' : '000000'));
    const [u, w, l] = [median(unknownMs), median(wrongMs), median(lockedMs)];
    console.log(
      `sign-in refusals, median of 15: unknown ${u.toFixed(1)} ms, wrong PIN ${w.toFixed(1)} ms, locked ${l.toFixed(1)} ms; unknown/wrong ${(u / w).toFixed(2)}, locked/wrong ${(l / w).toFixed(2)}`,
    );
    expect(u / w).toBeGreaterThan(0.7);
    expect(u / w).toBeLessThan(1.4);
    expect(l / w).toBeGreaterThan(0.7);
    expect(l / w).toBeLessThan(1.4);
  });
});

describe('control characters', () => {
  it('a name with \\u0007 (or DEL, or a C1 control) is refused and nothing is created', async () => {
    const before = (await s.ok('households.list', { limit: 2000 }, clerk)).total;
    for (const headName of ['张\u0007三', '张三\u007f', '张\u0085三', '张\n三']) {
      const e = expectError(await s.call('households.create', { headName }, clerk), 'INVALID_INPUT', 400);
      expect(reasonOf(e)).toBe('control_character');
    }
    const member = expectError(await s.call('households.create', { headName: '张三', members: [{ name: '李\u001b四' }] }, clerk), 'INVALID_INPUT', 400);
    expect(reasonOf(member)).toBe('control_character');
    expect((await s.ok('households.list', { limit: 2000 }, clerk)).total).toBe(before);
  });

  it('rare characters are kept, and a re-import of the export changes nothing and duplicates no one', async () => {
    const h = await s.ok(
      'households.create',
      {
        headName: '𠮷田',
        group: '控制字符测试组',
        members: [
          { name: '𠮷田', relation: '户主' },
          { name: '王小😀', relation: '孙子' },
        ],
      },
      clerk,
    );
    expect(h.headName).toBe('𠮷田');
    const count = async () =>
      (await s.ok('households.list', { limit: 2000 }, clerk)).items.reduce(
        (n: number, x: { memberCount?: number; members?: unknown[] }) => n + (x.memberCount ?? x.members?.length ?? 0),
        0,
      );
    const households = (await s.ok('households.list', { limit: 2000 }, clerk)).total;
    const members = await count();
    const { xlsxBase64 } = await s.ok('households.export', {}, clerk);
    const r = await s.ok('households.import', { xlsxBase64 }, clerk);
    expect(r).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect((await s.ok('households.list', { limit: 2000 }, clerk)).total).toBe(households);
    expect(await count()).toBe(members);
    const again = await s.ok('households.get', { id: h.id }, clerk);
    expect(again.household.members.map((m: { name: string }) => m.name)).toEqual(['𠮷田', '王小😀']);
  });
});

describe('an .xlsx that unpacks to 5 million rows', () => {
  const peakRssMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.pid}/status`, 'utf8'))![1]) / 1024;

  it('is refused (too_many_rows) in seconds, within the memory of a normal import, and imports nothing', async () => {
    const { xlsx, unpackedBytes } = await rosterBomb(5_000_000);
    expect(xlsx.length).toBeLessThan(1024 * 1024);
    const households = (await s.ok('households.list', { limit: 2000 }, clerk)).total;
    const peakBefore = peakRssMb();
    const t0 = performance.now();
    const e = expectError(await s.call('households.import', { xlsxBase64: xlsx.toString('base64') }, clerk), 'INVALID_INPUT', 400);
    const ms = performance.now() - t0;
    const grew = peakRssMb() - peakBefore;
    console.log(
      `zip bomb: ${(xlsx.length / 1024).toFixed(0)} KB → ${(unpackedBytes / 1e6).toFixed(0)} MB of sheet; refused in ${ms.toFixed(0)} ms, peak RSS +${grew.toFixed(0)} MB`,
    );
    expect(reasonOf(e)).toBe('too_many_rows');
    expect(e.message).toMatch(/20000/);
    expect(ms).toBeLessThan(5000);
    expect(grew).toBeLessThan(300);
    expect((await s.ok('households.list', { limit: 2000 }, clerk)).total).toBe(households);
    expect((await s.ok('auth.me', {}, shop)).user.username).toBe('shop');
  }, 60_000);
});
