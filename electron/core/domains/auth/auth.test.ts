import { afterEach, describe, expect, it } from 'vitest';
import { expectError, expectOk, expectRefused, freshVillage, household, T0, users, type Village } from '../../test-support.js';

let v: Village;
afterEach(() => v?.close());

const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const login = (username: string, pin: string) => v.call(null, 'auth.login', { username, pin });
const failedLogins = () => v.db.prepare('SELECT failed_logins, locked_until FROM users WHERE username = ?').get('shop');

describe('auth.login', () => {
  it('returns a token and the user; the token works and only its hash is stored', async () => {
    v = await freshVillage();
    const r = expectOk(await login('shop', users.shop.pin));
    expect(r.user).toEqual({ id: v.ids.shop, username: 'shop', name: users.shop.name, roles: ['shopkeeper'] });
    expect(r.expiresAt).toBe(new Date(T0.getTime() + 12 * 3_600_000).toISOString());
    expect(expectOk(await v.d.call('auth.me', {}, r.token)).user.username).toBe('shop');
    expect(JSON.stringify(v.db.prepare('SELECT * FROM sessions').all())).not.toContain(r.token);
  });

  it('a wrong PIN or unknown user is UNAUTHENTICATED', async () => {
    v = await freshVillage();
    expectError(await login('shop', '000000'), 'UNAUTHENTICATED');
    expectError(await login('nobody', users.shop.pin), 'UNAUTHENTICATED');
    expectError(await v.call(null, 'auth.login', { username: 'shop' }), 'INVALID_INPUT');
  });

  it('5 failures lock the account for 5 minutes, even with the right PIN; then it works again', async () => {
    v = await freshVillage();
    for (let i = 0; i < 4; i++) expectError(await login('shop', '000000'), 'UNAUTHENTICATED');
    expect(failedLogins()).toEqual({ failed_logins: 4, locked_until: null });
    expectError(await login('shop', '000000'), 'UNAUTHENTICATED');
    expect(failedLogins()).toMatchObject({ locked_until: minutes(5).toISOString() });

    expectError(await login('shop', users.shop.pin), 'UNAUTHENTICATED');
    v.clock.set(minutes(4.99));
    expectError(await login('shop', users.shop.pin), 'UNAUTHENTICATED');
    v.clock.set(minutes(5));
    expectOk(await login('shop', users.shop.pin));
    expect(failedLogins()).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('a success in between starts the failure count again', async () => {
    v = await freshVillage();
    for (let i = 0; i < 4; i++) expectError(await login('shop', '000000'), 'UNAUTHENTICATED');
    expectOk(await login('shop', users.shop.pin));
    for (let i = 0; i < 4; i++) expectError(await login('shop', '000000'), 'UNAUTHENTICATED');
    expectOk(await login('shop', users.shop.pin));
  });

  it('failed supervisor PINs count towards the same lock', async () => {
    v = await freshVillage();
    const h = await household(v);
    await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: [] });
    const override = { supervisorUsername: 'admin', supervisorPin: '000000', reason: '特批' };
    for (let i = 0; i < 5; i++) {
      expectError(
        await v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: 1, qty: 1 }], requestId: `lock-test-${i}0000`, override }),
        'UNAUTHENTICATED',
      );
    }
    expectError(await login('admin', users.admin.pin), 'UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  it('expire after 12 hours', async () => {
    v = await freshVillage();
    v.clock.set(minutes(12 * 60 - 1));
    expectOk(await v.call('shop', 'auth.me', {}));
    v.clock.set(minutes(12 * 60));
    expectError(await v.call('shop', 'auth.me', {}), 'UNAUTHENTICATED');
  });

  it('no token or a made-up token is UNAUTHENTICATED', async () => {
    v = await freshVillage();
    expectError(await v.call(null, 'auth.me', {}), 'UNAUTHENTICATED');
    expectError(await v.d.call('auth.me', {}, 'not-a-token'), 'UNAUTHENTICATED');
  });

  it("a deactivated user's session stops working", async () => {
    v = await freshVillage();
    v.db.prepare("UPDATE users SET active = 0 WHERE username = 'shop'").run();
    expectError(await v.call('shop', 'auth.me', {}), 'UNAUTHENTICATED');
    expectError(await login('shop', users.shop.pin), 'UNAUTHENTICATED');
  });
});

describe('roles', () => {
  it('a viewer calling redemptions.create is FORBIDDEN, before its params are even looked at', async () => {
    v = await freshVillage();
    await expectRefused(v, 'viewer', 'redemptions.create', { householdId: 1, lines: [{ itemId: 1, qty: 1 }], requestId: 'viewer-000001' }, 'FORBIDDEN');
    await expectRefused(v, 'viewer', 'redemptions.create', { nonsense: true }, 'FORBIDDEN');
  });

  it('each write method is limited to its roles; an admin may call all of them', async () => {
    v = await freshVillage();
    const forbidden: [keyof typeof users, string, unknown][] = [
      ['viewer', 'households.create', { headName: '张三' }],
      ['shop', 'rules.save', { category: 'x', name: 'x', kind: 'award', points: 1 }],
      ['clerk', 'catalog.save', { kind: 'goods', name: 'x', unit: '个', points: 1 }],
      ['clerk', 'stock.receive', { itemId: 1, qty: 1, fundingSource: 'fiscal' }],
      ['shop', 'calendar.set', { mode: 'any' }],
      ['barber', 'redemptions.void', { id: 1, reason: 'x', supervisorUsername: 'admin', supervisorPin: users.admin.pin }],
      ['viewer', 'points.reverse', { entryId: 1, reason: 'x' }],
      ['review', 'points.record', { householdIds: [1], ruleId: 1, occurredOn: '2026-03-01' }],
    ];
    for (const [who, method, params] of forbidden) await expectRefused(v, who, method, params, 'FORBIDDEN');
    expectOk(await v.call('admin', 'households.create', { headName: '张三' }));
    expectOk(await v.call('admin', 'calendar.set', { mode: 'any' }));
  });
});

describe('dispatcher', () => {
  it('clock.set is NOT_FOUND unless the dispatcher was created with testClock', async () => {
    v = await freshVillage();
    await expectRefused(v, null, 'clock.set', { now: '2026-06-01T09:00:00+08:00' }, 'NOT_FOUND');
    await expectRefused(v, 'admin', 'clock.set', { now: '2026-06-01T09:00:00+08:00' }, 'NOT_FOUND');
    expect(v.clock.now()).toEqual(T0);
    v.close();

    v = await freshVillage({ testClock: true });
    expect(expectOk(await v.call(null, 'clock.set', { now: '2026-06-01T09:00:00+08:00' }))).toEqual({ now: '2026-06-01T01:00:00.000Z' });
    expect(v.clock.now().toISOString()).toBe('2026-06-01T01:00:00.000Z');
    expectError(await v.call(null, 'clock.set', { now: '2026-06-01 09:00' }), 'INVALID_INPUT');
  });

  it('an unknown method is NOT_FOUND, including names inherited from Object', async () => {
    v = await freshVillage();
    for (const method of ['nope.nothing', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '']) {
      expectError(await v.call('admin', method, {}), 'NOT_FOUND');
    }
  });
});
