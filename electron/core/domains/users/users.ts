import { AppError, notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { roles as allRoles, type Role } from '../../roles.js';
import { stmt } from '../../statements.js';
import type { DB } from '../../../../db/connection.js';
import { hashPin } from '../auth/pin-hash.js';
import { endUserSessions } from '../auth/sessions.js';
import { checkUserChange, normalizeRoles, type UserState } from './admin-guard.js';
import { noteChanges, type AuditField } from '../../audit-changes.js';

interface UserRow {
  id: number;
  username: string;
  name: string;
  roles: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

/** What an admin sees of an account: never the PIN hash. */
function toUser(r: UserRow, now: Date) {
  const locked = r.locked_until !== null && new Date(r.locked_until) > now;
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    roles: JSON.parse(r.roles) as Role[],
    active: r.active === 1,
    locked,
    lockedUntil: locked ? r.locked_until : null,
    createdAt: r.created_at,
  };
}

export type UserView = ReturnType<typeof toUser>;

const columns = 'id, username, name, roles, active, failed_logins, locked_until, created_at';

function requireUser(db: DB, id: number): UserRow {
  const r = stmt(db, `SELECT ${columns} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  if (!r) throw notFound('用户', { reason: 'unknown_user', userId: id });
  return r;
}

const state = (r: UserRow): UserState => ({ id: r.id, roles: JSON.parse(r.roles) as Role[], active: r.active === 1 });

export function listUsers(ctx: Ctx, p: { includeInactive?: boolean } = {}): UserView[] {
  return (
    stmt(ctx.db, `SELECT ${columns} FROM users WHERE (@all OR active = 1) ORDER BY id`).all({ all: p.includeInactive === false ? 0 : 1 }) as UserRow[]
  ).map((r) => toUser(r, ctx.now));
}

export function createUser(ctx: Ctx, p: { username: string; name: string; pin: string; roles: Role[] }): UserView {
  if (stmt(ctx.db, 'SELECT 1 FROM users WHERE username = ? COLLATE NOCASE').get(p.username)) {
    throw new AppError('CONFLICT', `用户名 ${p.username} 已被使用 (username taken)`, { reason: 'duplicate_username', username: p.username });
  }
  const id = Number(
    stmt(ctx.db, 'INSERT INTO users (username, name, pin_hash, roles, created_at) VALUES (?, ?, ?, ?, ?)').run(
      p.username,
      p.name,
      hashPin(p.pin),
      JSON.stringify(normalizeRoles(p.roles, allRoles)),
      ctx.nowIso,
    ).lastInsertRowid,
  );
  return toUser(requireUser(ctx.db, id), ctx.now);
}

/** Who someone is and what they may do, before and after: the audit row of a role change says both. */
const userAuditFields: readonly AuditField<UserView>[] = [
  ['姓名', (u) => u.name],
  ['角色', (u) => u.roles],
  ['启用', (u) => u.active],
];

export function updateUser(ctx: Ctx, p: { id: number; name?: string; roles?: Role[]; active?: boolean }): UserView {
  const before = requireUser(ctx.db, p.id);
  const after: UserState = {
    id: before.id,
    roles: p.roles ? normalizeRoles(p.roles, allRoles) : state(before).roles,
    active: p.active ?? before.active === 1,
  };
  const all = (stmt(ctx.db, `SELECT ${columns} FROM users`).all() as UserRow[]).map(state);
  const verdict = checkUserChange(ctx.me.id, state(before), after, all);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message, { reason: verdict.reason, userId: p.id });
  stmt(ctx.db, 'UPDATE users SET name = ?, roles = ?, active = ? WHERE id = ?').run(
    p.name ?? before.name,
    JSON.stringify(after.roles),
    after.active ? 1 : 0,
    p.id,
  );
  // Roles are read from the users table on every call, so a change applies at once; a deactivated
  // user's sessions are ended too, so reactivating later does not revive them.
  if (!after.active) endUserSessions(ctx.db, p.id);
  const saved = toUser(requireUser(ctx.db, p.id), ctx.now);
  noteChanges(ctx, toUser(before, ctx.now), saved, userAuditFields);
  return saved;
}

/** An admin sets a new PIN for someone who forgot theirs: the lock lifts and every old session ends. */
export function resetPin(ctx: Ctx, p: { id: number; pin: string }): { id: number; username: string; reset: true } {
  const u = requireUser(ctx.db, p.id);
  stmt(ctx.db, 'UPDATE users SET pin_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?').run(hashPin(p.pin), p.id);
  endUserSessions(ctx.db, p.id, p.id === ctx.me.id ? ctx.sessionToken : undefined);
  return { id: u.id, username: u.username, reset: true };
}
