import { AppError } from '../../errors.js';
import type { Ctx, SessionUser } from '../../context.js';
import type { Role } from '../../roles.js';
import { stmt } from '../../statements.js';
import type { DB } from '../../../../db/connection.js';
import { afterFailure, isLocked } from './lockout.js';
import { decoyHash, verifyPin } from './pin-hash.js';

interface UserRow {
  id: number;
  username: string;
  name: string;
  pin_hash: string;
  roles: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
}

export function toSessionUser(u: { id: number; username: string; name: string; roles: string }): SessionUser {
  return { id: u.id, username: u.username, name: u.name, roles: JSON.parse(u.roles) as Role[] };
}

function recordFailure(db: DB, u: UserRow, now: Date): void {
  const next = afterFailure({ failedLogins: u.failed_logins, lockedUntil: u.locked_until }, now);
  stmt(db, 'UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(next.failedLogins, next.lockedUntil, u.id);
}

/** Which refusal a failed check is: the signed-in user's own, or the supervisor's (whose failure keeps the session). */
interface PinReasons {
  wrong: 'pin_wrong' | 'supervisor_pin_wrong';
  locked: 'locked_out' | 'supervisor_locked';
}
const userReasons: PinReasons = { wrong: 'pin_wrong', locked: 'locked_out' };
const supervisorReasons: PinReasons = { wrong: 'supervisor_pin_wrong', locked: 'supervisor_locked' };

/**
 * Checks a username and PIN (login, or a supervisor at the counter). A failure is counted even when
 * the surrounding call rolls back, so lockout cannot be dodged by failing inside a transaction.
 */
export function checkPin(ctx: Ctx, username: string, pin: string, what: string, reasons = userReasons): SessionUser {
  const u = stmt(ctx.db, 'SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  if (!u || !u.active) {
    verifyPin(pin, decoyHash);
    throw new AppError('UNAUTHENTICATED', `${what}用户名或 PIN 错误 (wrong username or PIN)`, { reason: reasons.wrong });
  }
  if (isLocked({ failedLogins: u.failed_logins, lockedUntil: u.locked_until }, ctx.now)) {
    verifyPin(pin, u.pin_hash); // its answer does not matter while locked; its time does
    throw new AppError('UNAUTHENTICATED', `${what}账户已锁定，请 5 分钟后再试 (account locked)`, { reason: reasons.locked, lockedUntil: u.locked_until });
  }
  if (!verifyPin(pin, u.pin_hash)) {
    const err = new AppError('UNAUTHENTICATED', `${what}用户名或 PIN 错误 (wrong username or PIN)`, { reason: reasons.wrong });
    err.afterRollback = () => recordFailure(ctx.db, u, ctx.now);
    throw err;
  }
  if (u.failed_logins > 0 || u.locked_until) stmt(ctx.db, 'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(u.id);
  return toSessionUser(u);
}

/** Voids and off-day overrides need a supervisor (an admin) present, by name and PIN. */
export function checkSupervisor(ctx: Ctx, username: string, pin: string): SessionUser {
  const sup = checkPin(ctx, username, pin, '主管', supervisorReasons);
  if (!sup.roles.includes('admin'))
    throw new AppError('FORBIDDEN', `${sup.name} 不是主管，无权授权 (not a supervisor)`, {
      reason: 'supervisor_not_admin',
      name: sup.name,
      username: sup.username,
    });
  // Named from the verified account, not from what was typed, so the audit row shows who really authorised it.
  ctx.noteForAudit(`主管授权 supervisor: ${sup.name} (${sup.username} #${sup.id})`);
  return sup;
}
