import { afterEach, describe, expect, it } from 'vitest';
import { expectError, expectOk, expectRefused, freshVillage, T0, users, type Village } from '../../test-support.js';

let v: Village;
afterEach(() => v?.close());

const login = (username: string, pin: string) => v.call(null, 'auth.login', { username, pin });
// Sign-ins audit themselves too; these tests look at the last row of the call under test.
const lastAudit = () =>
  v.db.prepare("SELECT user_id, method, summary FROM audit WHERE method <> 'auth.login' ORDER BY id DESC LIMIT 1").get() as {
    user_id: number;
    method: string;
    summary: string;
  };

describe('users.create / users.list', () => {
  it('an admin creates a user who can then sign in with exactly the given roles', async () => {
    v = await freshVillage();
    const u = expectOk(await v.call('admin', 'users.create', { username: 'cashier2', name: '陈二', pin: '204060', roles: ['viewer', 'shopkeeper', 'viewer'] }));
    expect(u).toMatchObject({ username: 'cashier2', name: '陈二', roles: ['shopkeeper', 'viewer'], active: true, locked: false });
    expect(u).not.toHaveProperty('pin_hash');
    const r = expectOk(await login('cashier2', '204060'));
    expect(r.user.roles).toEqual(['shopkeeper', 'viewer']);
    const list = expectOk(await v.call('admin', 'users.list', {}));
    expect(list.items.map((i: { username: string }) => i.username)).toContain('cashier2');
    expect(JSON.stringify(list)).not.toMatch(/scrypt|pin/i);
  });

  it('audits the creation without the PIN', async () => {
    v = await freshVillage();
    expectOk(await v.call('admin', 'users.create', { username: 'cashier2', name: '陈二', pin: '204060', roles: ['shopkeeper'] }));
    expect(lastAudit()).toMatchObject({ user_id: v.ids.admin, method: 'users.create' });
    expect(lastAudit().summary).toContain('cashier2');
    expect(JSON.stringify(v.db.prepare('SELECT * FROM audit').all())).not.toContain('204060');
  });

  it('refuses a taken username (any letter case), a bad PIN, no roles or an unknown role', async () => {
    v = await freshVillage();
    await expectRefused(v, 'admin', 'users.create', { username: 'Shop', name: 'x', pin: '204060', roles: ['viewer'] }, 'CONFLICT');
    await expectRefused(v, 'admin', 'users.create', { username: 'new1', name: 'x', pin: '12a4', roles: ['viewer'] }, 'INVALID_INPUT');
    await expectRefused(v, 'admin', 'users.create', { username: 'new1', name: 'x', pin: '204060', roles: [] }, 'INVALID_INPUT');
    await expectRefused(v, 'admin', 'users.create', { username: 'new1', name: 'x', pin: '204060', roles: ['root'] }, 'INVALID_INPUT');
  });

  it('only admins manage users', async () => {
    v = await freshVillage();
    for (const who of ['shop', 'clerk', 'review', 'barber', 'viewer'] as const) {
      await expectRefused(v, who, 'users.create', { username: 'sneaky', name: 'x', pin: '204060', roles: ['admin'] }, 'FORBIDDEN');
      await expectRefused(v, who, 'users.resetPin', { id: v.ids.admin, pin: '204060' }, 'FORBIDDEN');
      await expectRefused(v, who, 'users.update', { id: v.ids[who], roles: ['admin'] }, 'FORBIDDEN');
      expectError(await v.call(who, 'users.list', {}), 'FORBIDDEN');
    }
  });
});

describe('users.update', () => {
  it('changes roles at once, for sessions already open', async () => {
    v = await freshVillage();
    expectError(await v.call('viewer', 'households.create', { headName: '张三' }), 'FORBIDDEN');
    expectOk(await v.call('admin', 'users.update', { id: v.ids.viewer, roles: ['clerk'] }));
    expectOk(await v.call('viewer', 'households.create', { headName: '张三' }));
    expectOk(await v.call('admin', 'users.update', { id: v.ids.viewer, roles: ['viewer'] }));
    expectError(await v.call('viewer', 'households.create', { headName: '李四' }), 'FORBIDDEN');
  });

  it('deactivating ends the sessions and refuses sign-in; reactivating allows sign-in but revives no session', async () => {
    v = await freshVillage();
    const r = expectOk(await v.call('admin', 'users.update', { id: v.ids.shop, active: false }));
    expect(r.active).toBe(false);
    expectError(await v.call('shop', 'auth.me', {}), 'UNAUTHENTICATED');
    expectError(await login('shop', users.shop.pin), 'UNAUTHENTICATED');
    expectOk(await v.call('admin', 'users.update', { id: v.ids.shop, active: true }));
    expectError(await v.call('shop', 'auth.me', {}), 'UNAUTHENTICATED');
    expectOk(await login('shop', users.shop.pin));
    expect(lastAudit()).toMatchObject({ method: 'users.update' });
  });

  it('renames', async () => {
    v = await freshVillage();
    expect(expectOk(await v.call('admin', 'users.update', { id: v.ids.clerk, name: '赵二' })).name).toBe('赵二');
  });

  it('its audit row says what the name, roles and state were and now are', async () => {
    v = await freshVillage();
    const was = (await v.invoke('admin', 'users.list', {})).items.find((u) => u.id === v.ids.clerk)!;
    expectOk(await v.call('admin', 'users.update', { id: v.ids.clerk, name: '赵二', roles: ['clerk', 'reviewer'], active: false }));
    expect(lastAudit().summary).toBe(`修改用户 ${was.username} #${was.id} | 姓名 "${was.name}" → "赵二"；角色 "clerk" → "clerk,reviewer"；启用 是 → 否`);
    expectOk(await v.call('admin', 'users.update', { id: v.ids.clerk, active: false }));
    expect(lastAudit().summary).toBe(`修改用户 ${was.username} #${was.id} | 无变化`);
  });

  it('an admin cannot deactivate or demote themselves, and the last active admin stays', async () => {
    v = await freshVillage();
    await expectRefused(v, 'admin', 'users.update', { id: v.ids.admin, active: false }, 'FORBIDDEN');
    await expectRefused(v, 'admin', 'users.update', { id: v.ids.admin, roles: ['viewer'] }, 'FORBIDDEN');
    const second = expectOk(await v.call('admin', 'users.create', { username: 'boss2', name: '副主任', pin: '135790', roles: ['admin'] }));
    const token2 = expectOk(await login('boss2', '135790')).token;
    expectOk(await v.d.call('users.update', { id: v.ids.admin, roles: ['admin', 'viewer'] }, token2));
    expectOk(await v.d.call('users.update', { id: v.ids.admin, active: false }, token2));
    // boss2 is now the only active admin: admin (inactive) cannot be its way out, and it cannot step down itself.
    expectError(await v.d.call('users.update', { id: second.id, active: false }, token2), 'FORBIDDEN');
  });

  it('unknown user is NOT_FOUND', async () => {
    v = await freshVillage();
    await expectRefused(v, 'admin', 'users.update', { id: 9999, name: 'x' }, 'NOT_FOUND');
    await expectRefused(v, 'admin', 'users.resetPin', { id: 9999, pin: '123456' }, 'NOT_FOUND');
  });
});

describe('users.resetPin', () => {
  it('sets a new PIN, lifts a lock and ends the old sessions', async () => {
    v = await freshVillage();
    for (let i = 0; i < 5; i++) expectError(await login('shop', '000000'), 'UNAUTHENTICATED');
    expectError(await login('shop', users.shop.pin), 'UNAUTHENTICATED'); // locked
    expectOk(await v.call('admin', 'users.resetPin', { id: v.ids.shop, pin: '570246' }));
    expectError(await v.call('shop', 'auth.me', {}), 'UNAUTHENTICATED');
    expectError(await login('shop', users.shop.pin), 'UNAUTHENTICATED');
    expectOk(await login('shop', '570246'));
    expect(lastAudit().summary).not.toContain('570246');
  });
});

describe('auth.changePin', () => {
  it('needs the old PIN; then only the new one works, and other sessions end but this one stays', async () => {
    v = await freshVillage();
    const other = expectOk(await login('clerk', users.clerk.pin)).token;
    // FORBIDDEN, not UNAUTHENTICATED: the UI must not take a wrong old PIN for an ended session.
    expectError(await v.call('clerk', 'auth.changePin', { oldPin: '000000', newPin: '481516' }), 'FORBIDDEN');
    expectOk(await v.call('clerk', 'auth.me', {}));
    expect(v.db.prepare('SELECT failed_logins FROM users WHERE id = ?').get(v.ids.clerk)).toEqual({ failed_logins: 1 });
    expectOk(await v.call('clerk', 'auth.changePin', { oldPin: users.clerk.pin, newPin: '481516' }));
    expectOk(await v.call('clerk', 'auth.me', {}));
    expectError(await v.d.call('auth.me', {}, other), 'UNAUTHENTICATED');
    expectError(await login('clerk', users.clerk.pin), 'UNAUTHENTICATED');
    expectOk(await login('clerk', '481516'));
    const audit = lastAudit();
    expect(audit).toMatchObject({ user_id: v.ids.clerk, method: 'auth.changePin' });
    expect(JSON.stringify(v.db.prepare('SELECT * FROM audit').all())).not.toMatch(/481516|736455/);
  });

  it('refuses the same PIN again and a malformed one, writing nothing', async () => {
    v = await freshVillage();
    await expectRefused(v, 'clerk', 'auth.changePin', { oldPin: users.clerk.pin, newPin: users.clerk.pin }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'auth.changePin', { oldPin: users.clerk.pin, newPin: '12' }, 'INVALID_INPUT');
    await expectRefused(v, null, 'auth.changePin', { oldPin: users.clerk.pin, newPin: '481516' }, 'UNAUTHENTICATED');
  });

  it('5 wrong old PINs lock the account for sign-in', async () => {
    v = await freshVillage();
    for (let i = 0; i < 5; i++) expectError(await v.call('clerk', 'auth.changePin', { oldPin: '000000', newPin: '481516' }), 'FORBIDDEN');
    expectError(await login('clerk', users.clerk.pin), 'UNAUTHENTICATED');
    v.clock.set(new Date(T0.getTime() + 5 * 60_000));
    expectOk(await login('clerk', users.clerk.pin));
  });
});

describe('auth.login', () => {
  it('a sign-in is audited; a failed one is not (it only counts towards the lockout)', async () => {
    v = await freshVillage();
    const before = v.db.prepare("SELECT COUNT(*) AS n FROM audit WHERE method = 'auth.login'").get() as { n: number };
    expectError(await login('shop', '000000'), 'UNAUTHENTICATED');
    expectOk(await login('shop', users.shop.pin));
    const rows = v.db.prepare("SELECT user_id, summary FROM audit WHERE method = 'auth.login'").all() as { user_id: number; summary: string }[];
    expect(rows.length).toBe(before.n + 1);
    expect(rows.at(-1)).toEqual({ user_id: v.ids.shop, summary: expect.stringContaining('shop') });
  });
});

describe('auth.logout', () => {
  it("ends exactly the caller's session and is audited", async () => {
    v = await freshVillage();
    const other = expectOk(await login('shop', users.shop.pin)).token;
    expectOk(await v.call('shop', 'auth.logout', {}));
    expectError(await v.call('shop', 'auth.me', {}), 'UNAUTHENTICATED');
    expectOk(await v.d.call('auth.me', {}, other));
    expect(lastAudit()).toMatchObject({ user_id: v.ids.shop, method: 'auth.logout' });
  });
});
