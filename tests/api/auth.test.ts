// Transport, authentication and authorization over real HTTP: health, reply shape, 401, 403, 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertShape, catalog, expectError, householdByCard, newRequestId, snapshot, startServer, type TestServer } from './server.js';

let s: TestServer;
let admin: string;
let shop: string;
let householdId: number;
let line: { itemId: number; qty: number };

beforeAll(async () => {
  s = await startServer();
  admin = await s.login('admin');
  shop = await s.login('shop');
  householdId = await householdByCard(s, shop, '66010001');
  line = { itemId: (await catalog(s, shop)).byBarcode('6920000000049').id, qty: 1 };
});
afterAll(async () => {
  await s?.stop();
});

describe('transport', () => {
  it('GET /api/health answers {result:{ok:true, version}} without a token', async () => {
    const res = await fetch(`${s.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { ok: boolean; version: string } };
    assertShape(res.status, body, 'health');
    expect(body.result.ok).toBe(true);
    expect(typeof body.result.version).toBe('string');
    expect(body.result.version.length).toBeGreaterThan(0);
  });

  it('a malformed JSON body is INVALID_INPUT 400', async () => {
    const before = await snapshot(s, admin, householdId);
    expectError(await s.raw('redemptions.create', '{"householdId": 1, "lines": [', shop), 'INVALID_INPUT', 400);
    expectError(await s.raw('auth.login', 'not json at all', undefined), 'INVALID_INPUT', 400);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
  });

  it('GET on an API method is refused with the error shape', async () => {
    const res = await fetch(`${s.url}/api/households.search`);
    const body = (await res.json()) as { error?: unknown };
    assertShape(res.status, body, 'GET /api/households.search');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(body.error).toBeDefined();
  });

  it('a GET with malformed percent-encoding is a client error, not a 500', async () => {
    // A LAN phone or a mistyped address must not reach the "unexpected error" path (and its stack trace in the log).
    const res = await fetch(`${s.url}/%E0%A4%A`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('an unknown method is NOT_FOUND 404, with or without a token', async () => {
    expectError(await s.call('redemptions.explode', {}, shop), 'NOT_FOUND', 404);
    expectError(await s.call('no.such.method', {}), 'NOT_FOUND', 404);
    // Object prototype names must not resolve to something callable.
    expectError(await s.call('constructor', {}, shop), 'NOT_FOUND', 404);
    expectError(await s.call('__proto__', {}, shop), 'NOT_FOUND', 404);
  });
});

describe('UNAUTHENTICATED 401', () => {
  it('no token', async () => {
    const before = await snapshot(s, admin, householdId);
    const e = expectError(await s.call('redemptions.create', { householdId, lines: [line], requestId: newRequestId() }), 'UNAUTHENTICATED', 401);
    expect(e.message).toMatch(/登录/);
    expectError(await s.call('households.search', { q: '66010001' }), 'UNAUTHENTICATED', 401);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
  });

  it('a bad token, and a header that is not Bearer', async () => {
    const before = await snapshot(s, admin, householdId);
    expectError(await s.call('redemptions.create', { householdId, lines: [line], requestId: newRequestId() }, 'not-a-real-token'), 'UNAUTHENTICATED', 401);
    expectError(await s.call('households.get', { id: householdId }, `${shop}x`), 'UNAUTHENTICATED', 401);
    const res = await fetch(`${s.url}/api/households.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${shop}` },
      body: JSON.stringify({ id: householdId }),
    });
    const body = (await res.json()) as { error: { code: string } };
    assertShape(res.status, body, 'Basic auth');
    expect(res.status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(await snapshot(s, admin, householdId)).toEqual(before);
  });

  it('a wrong PIN, and an unknown user, at login', async () => {
    const e = expectError(await s.call('auth.login', { username: 'review', pin: '000000' }), 'UNAUTHENTICATED', 401);
    expect(e.message).toMatch(/PIN/);
    expectError(await s.call('auth.login', { username: 'nobody', pin: '123456' }), 'UNAUTHENTICATED', 401);
    // The right PIN still works after one failure.
    expect(typeof (await s.login('review'))).toBe('string');
  });

  it('a wrong supervisor PIN on a void is 401 and voids nothing', async () => {
    const r = await s.ok('redemptions.create', { householdId, lines: [line], requestId: newRequestId() }, shop);
    const before = await snapshot(s, admin, householdId);
    expectError(
      await s.call('redemptions.void', { id: r.id, reason: '测试', supervisorUsername: 'admin', supervisorPin: '999999' }, shop),
      'UNAUTHENTICATED',
      401,
    );
    expect(await snapshot(s, admin, householdId)).toEqual(before);
    await s.ok('redemptions.void', { id: r.id, reason: '测试清理', supervisorUsername: 'admin', supervisorPin: '123456' }, shop);
  });
});

describe('FORBIDDEN 403', () => {
  it('a clerk calling redemptions.create', async () => {
    const clerk = await s.login('clerk');
    const before = await snapshot(s, admin, householdId);
    const e = expectError(await s.call('redemptions.create', { householdId, lines: [line], requestId: newRequestId() }, clerk), 'FORBIDDEN', 403);
    expect(e.message).toMatch(/无权/);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
  });

  it('a reviewer voiding, a provider receiving stock, a clerk setting the calendar', async () => {
    const review = await s.login('review');
    const barber = await s.login('barber');
    const clerk = await s.login('clerk');
    const { id } = (await s.ok('redemptions.list', { limit: 1 }, shop)).items[0] ?? { id: 1 };
    const before = await snapshot(s, admin, householdId);
    expectError(await s.call('redemptions.void', { id, reason: 'x', supervisorUsername: 'admin', supervisorPin: '123456' }, review), 'FORBIDDEN', 403);
    expectError(await s.call('stock.receive', { itemId: line.itemId, qty: 5, fundingSource: 'fiscal' }, barber), 'FORBIDDEN', 403);
    expectError(await s.call('calendar.set', { mode: 'dates', dates: ['2020-01-01'] }, clerk), 'FORBIDDEN', 403);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
    expect((await s.ok('calendar.get', {}, shop)).todayIsRedemptionDay).toBe(true);
  });

  it('a supervisor override or void authorised by a non-admin is FORBIDDEN', async () => {
    const r = await s.ok('redemptions.create', { householdId, lines: [line], requestId: newRequestId() }, shop);
    const before = await snapshot(s, admin, householdId);
    expectError(await s.call('redemptions.void', { id: r.id, reason: '自己批', supervisorUsername: 'shop', supervisorPin: '111111' }, shop), 'FORBIDDEN', 403);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
    await s.ok('redemptions.void', { id: r.id, reason: '测试清理', supervisorUsername: 'admin', supervisorPin: '123456' }, shop);
  });

  it('a provider logging a service it does not provide', async () => {
    const barber = await s.login('barber');
    const ac = (await catalog(s, shop)).byName('空调清洗');
    const before = await snapshot(s, admin, householdId);
    expectError(await s.call('services.log', { itemId: ac.id, householdId, requestId: newRequestId() }, barber), 'FORBIDDEN', 403);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
  });
});

// Last in this file: it moves the server's clock.
describe('session expiry', () => {
  it('a session is UNAUTHENTICATED 401 once the clock passes 12 hours; a new login works', async () => {
    const token = await s.login('shop');
    const me = await s.ok('auth.me', {}, token);
    expect(me.user.username).toBe('shop');
    const later = new Date(Date.now() + 13 * 3_600_000).toISOString();
    const set = await s.ok('clock.set', { now: later });
    expect(new Date(set.now).getTime()).toBe(new Date(later).getTime());
    const e = expectError(await s.call('auth.me', {}, token), 'UNAUTHENTICATED', 401);
    expect(e.message).toMatch(/过期|失效/);
    expectError(await s.call('redemptions.create', { householdId, lines: [line], requestId: newRequestId() }, token), 'UNAUTHENTICATED', 401);
    const fresh = await s.login('shop');
    expect((await s.ok('auth.me', {}, fresh)).user.username).toBe('shop');
  });

  it('clock.set rejects an instant without an offset', async () => {
    expectError(await s.call('clock.set', { now: '2026-05-01T10:00:00' }), 'INVALID_INPUT', 400);
  });
});

describe('without --test-clock', () => {
  let plain: TestServer;
  beforeAll(async () => {
    plain = await startServer({ demo: false, testClock: false });
  });
  afterAll(async () => {
    await plain?.stop();
  });

  it('clock.set is NOT_FOUND 404', async () => {
    const e = expectError(await plain.call('clock.set', { now: '2030-01-01T00:00:00+08:00' }), 'NOT_FOUND', 404);
    expect(e.message).toMatch(/clock\.set/);
    const health = (await (await fetch(`${plain.url}/api/health`)).json()) as { result: { ok: boolean } };
    expect(health.result.ok).toBe(true);
  });
});
