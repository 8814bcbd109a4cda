import { describe, expect, it } from 'vitest';
import { roles } from '../../roles.js';
import { checkUserChange, normalizeRoles, type UserState } from './admin-guard.js';

const admin = (id: number, active = true): UserState => ({ id, roles: ['admin'], active });
const shop = (id: number): UserState => ({ id, roles: ['shopkeeper'], active: true });

describe('user changes that would lock everyone out', () => {
  it('an admin may change another user', () => {
    expect(checkUserChange(1, shop(2), { ...shop(2), active: false }, [admin(1), shop(2)])).toEqual({ ok: true });
  });

  it('an admin may not deactivate or demote themselves, even with other admins around', () => {
    expect(checkUserChange(1, admin(1), admin(1, false), [admin(1), admin(2)])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkUserChange(1, admin(1), { id: 1, roles: ['shopkeeper'], active: true }, [admin(1), admin(2)])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('an admin may rename themselves or add roles', () => {
    expect(checkUserChange(1, admin(1), { id: 1, roles: ['admin', 'shopkeeper'], active: true }, [admin(1)])).toEqual({ ok: true });
  });

  it('another admin may demote one of two admins, but not the last active one', () => {
    expect(checkUserChange(1, admin(2), admin(2, false), [admin(1), admin(2)])).toEqual({ ok: true });
    // Admin 1 is inactive already, so deactivating 2 would leave none.
    expect(checkUserChange(1, admin(2), admin(2, false), [admin(1, false), admin(2)])).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('an inactive admin does not count as the remaining admin', () => {
    expect(checkUserChange(3, admin(2), shop(2), [admin(1, false), admin(2), shop(3)])).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('normalizeRoles', () => {
  it('keeps known roles once, in the canonical order', () => {
    expect(normalizeRoles(['viewer', 'admin', 'viewer'], roles)).toEqual(['admin', 'viewer']);
    expect(normalizeRoles([], roles)).toEqual([]);
  });
});
