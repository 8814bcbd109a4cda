/**
 * Every method × every role, generically over the contract's `handlers` map (so methods added later
 * are covered without touching this file), plus a hand-written table for the sensitive methods so a
 * wrong `access` declaration is caught rather than trusted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../app-contract.js';
import type { AnyHandler } from './handler.js';
import { allows, roles, type Role } from './roles.js';
import { freshVillage, type Village, type Who } from './test-support.js';

const defs = handlers as Record<string, AnyHandler>;
const methods = Object.keys(defs).sort();

/** One signed-in test user holding exactly one role. */
const userFor: Record<Role, Who> = { admin: 'admin', shopkeeper: 'shop', clerk: 'clerk', reviewer: 'review', provider: 'barber', viewer: 'viewer' };

// Params no schema accepts: the role check must come first, so the reply tells only about access.
const probe = { __accessMatrixProbe__: true };

let v: Village;
beforeAll(async () => {
  v = await freshVillage({ testClock: true });
});
afterAll(() => v?.close());

const isRoleRefusal = (reply: Awaited<ReturnType<Village['call']>>, method: string) =>
  'error' in reply && reply.error.code === 'FORBIDDEN' && (reply.error.details as { method?: string } | undefined)?.method === method;

describe('access matrix: every method × every role', () => {
  it('covers every method in the contract', () => {
    expect(methods.length).toBeGreaterThan(20);
  });

  it.each(methods)('%s', async (method) => {
    const access = defs[method].access;
    const rows: string[] = [];
    for (const role of roles) {
      const reply = await v.call(userFor[role], method, probe);
      const expectedForbidden = !allows(access, [role]);
      if (isRoleRefusal(reply, method) !== expectedForbidden)
        rows.push(`${role}: expected ${expectedForbidden ? 'FORBIDDEN' : 'allowed'}, got ${JSON.stringify(reply)}`);
      if ('error' in reply && reply.error.code === 'INTERNAL') rows.push(`${role}: INTERNAL`);
    }
    const anonymous = await v.call(null, method, probe);
    if (access !== 'public' && !('error' in anonymous && anonymous.error.code === 'UNAUTHENTICATED')) {
      rows.push(`no token: expected UNAUTHENTICATED, got ${JSON.stringify(anonymous)}`);
    }
    expect(rows).toEqual([]);
  });
});

/**
 * Who may call what, written out by hand from API.md and DESIGN.md: admins everything; shopkeepers
 * redeem, void (with a supervisor), keep the catalog and stock; clerks record points and keep the
 * roster and rules; reviewers approve (never their own); providers log their services; viewers
 * (town/county) only read. Only methods that exist are checked, so the table can name methods
 * other work is still adding.
 */
const everyone: Role[] = [...roles];
const expected: Record<string, Role[]> = {
  'auth.me': everyone,
  'auth.logout': everyone,
  'auth.changePin': everyone,
  'redemptions.create': ['admin', 'shopkeeper'],
  'redemptions.void': ['admin', 'shopkeeper'],
  'services.log': ['admin', 'provider'],
  'points.record': ['admin', 'clerk'],
  'points.review': ['admin', 'reviewer'],
  'points.reverse': ['admin', 'clerk', 'reviewer'],
  'points.rejected': ['admin', 'clerk'],
  'points.resubmit': ['admin', 'clerk'],
  'office.settings.noticePreview': ['admin'],
  'office.settings.set': ['admin'],
  'households.create': ['admin', 'clerk'],
  'rules.save': ['admin'],
  'catalog.save': ['admin', 'shopkeeper'],
  'stock.receive': ['admin', 'shopkeeper'],
  'stock.count': ['admin', 'shopkeeper'],
  'calendar.set': ['admin'],
  'users.create': ['admin'],
  'users.list': ['admin'],
  'users.update': ['admin'],
  'users.resetPin': ['admin'],
  'audit.list': ['admin'],
  'audit.export': ['admin'],
  'backup.now': ['admin'],
  'backup.list': ['admin'],
  'backup.restore': ['admin'],
  'backup.configure': ['admin'],
  'printer.configure': ['admin', 'shopkeeper'],
  'machine.get': ['admin'],
  'machine.setRole': ['admin'],
  'machine.setLan': ['admin'],
  'machine.interfaces': ['admin'],
  'sync.unpair': ['admin'],
  'receipts.printVoid': ['admin', 'shopkeeper'],
  'county.pairingStatus': ['admin'],
  'county.pair': ['admin'],
  'county.sync': ['admin'],
  'county.qrToken': ['admin'],
  'county.qrTokens': ['admin'],
};

describe('sensitive methods: declared access matches the hand-written table', () => {
  const present = Object.keys(expected).filter((m) => Object.hasOwn(defs, m));
  it('the table names methods that exist', () => {
    expect(present.length).toBeGreaterThan(20);
  });
  it.each(present)('%s', (method) => {
    const allowed = roles.filter((r) => allows(defs[method].access, [r]));
    expect(allowed).toEqual(roles.filter((r) => expected[method].includes(r)));
  });
});

describe('rules every declaration must follow', () => {
  // Self-service: ending one's own session or changing one's own PIN.
  const selfService = new Set(['auth.logout', 'auth.changePin']);

  it('only sign-in, the first-run setup (refused once set up) and the test clock are public', () => {
    expect(methods.filter((m) => defs[m].access === 'public').sort()).toEqual(['auth.login', 'clock.set', 'setup.complete', 'setup.status']);
  });

  it('no write method is open to any signed-in user, except self-service', () => {
    expect(methods.filter((m) => defs[m].write && defs[m].access === 'any' && !selfService.has(m))).toEqual([]);
  });

  it('a viewer (town/county, read-only) may call no write method, except self-service', () => {
    expect(methods.filter((m) => defs[m].write && allows(defs[m].access, ['viewer']) && !selfService.has(m))).toEqual([]);
  });

  it('user management, the audit log and backups are for admins only', () => {
    const adminOnly = methods.filter((m) => /^(users|audit|backup)\./.test(m));
    expect(adminOnly.length).toBeGreaterThanOrEqual(9);
    for (const m of adminOnly) expect([m, defs[m].access]).toEqual([m, ['admin']]);
  });
});
