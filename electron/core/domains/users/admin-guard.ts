import type { Role } from '../../roles.js';

export interface UserState {
  id: number;
  roles: readonly Role[];
  active: boolean;
}

export type GuardResult =
  | { ok: true }
  | { ok: false; code: 'FORBIDDEN'; reason: 'cannot_demote_self'; message: string }
  | { ok: false; code: 'CONFLICT'; reason: 'last_admin'; message: string };

const isActiveAdmin = (u: UserState) => u.active && u.roles.includes('admin');

/**
 * Whether an admin may apply a change to a user account. Two ways to lock everyone out of user
 * management are refused: leaving no active admin at all, and an admin demoting or deactivating
 * themselves (another admin must do that, so one mistyped click cannot end one's own access).
 */
export function checkUserChange(actorId: number, before: UserState, after: UserState, all: readonly UserState[]): GuardResult {
  if (actorId === before.id && isActiveAdmin(before) && !isActiveAdmin(after)) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      reason: 'cannot_demote_self',
      message: '不能停用自己或取消自己的管理员角色，请由另一位管理员操作 (cannot demote or deactivate yourself)',
    };
  }
  const adminsAfter = all.map((u) => (u.id === after.id ? after : u)).filter(isActiveAdmin).length;
  if (adminsAfter === 0) {
    return { ok: false, code: 'CONFLICT', reason: 'last_admin', message: '至少要保留一位启用的管理员 (at least one active admin must remain)' };
  }
  return { ok: true };
}

/** Roles as stored: known names only, each once, in the canonical order, so lists compare and display alike. */
export function normalizeRoles<R extends string>(wanted: readonly R[], order: readonly R[]): R[] {
  return order.filter((r) => wanted.includes(r));
}
