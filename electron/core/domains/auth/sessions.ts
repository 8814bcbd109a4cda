import { createHash, randomBytes } from 'node:crypto';
import type { DB } from '../../../../db/connection.js';
import type { SessionUser } from '../../context.js';
import { stamp } from '../../change-watch.js';
import { AppError } from '../../errors.js';
import { stmt } from '../../statements.js';
import { toSessionUser } from './users.js';

export const sessionHours = 12;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Only the token's hash is stored, so a copied database file holds no usable session. */
export function createSession(db: DB, userId: number, now: Date): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000).toISOString();
  stmt(db, 'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(digest(token), userId, now.toISOString(), expiresAt);
  return { token, expiresAt };
}

type SessionRow = { id: number; username: string; name: string; roles: string; active: number; expires_at: string };

/**
 * Sessions already looked up, by token, while nothing has written to sessions or users since (see
 * change-watch.ts: a sign-out, a PIN change, a deactivation or a role change all write there, so the
 * next call reads the row again). Expiry is checked on every call against the row's expires_at.
 */
const known = new WeakMap<DB, { stamp: string; byToken: Map<string, SessionRow> }>();
const knownMax = 256;

function sessionRow(db: DB, token: string): SessionRow | undefined {
  const now = stamp(db, 'auth');
  let k = known.get(db);
  if (now !== null && k?.stamp !== now) known.set(db, (k = { stamp: now, byToken: new Map() }));
  const hit = now !== null ? k!.byToken.get(token) : undefined;
  if (hit) return hit;
  const row = stmt(
    db,
    `SELECT u.id, u.username, u.name, u.roles, u.active, s.expires_at FROM sessions s
    JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
  ).get(digest(token)) as SessionRow | undefined;
  if (row && now !== null) {
    if (k!.byToken.size >= knownMax) k!.byToken.clear();
    k!.byToken.set(token, row);
  }
  return row;
}

export function resolveSession(db: DB, token: string | undefined, now: Date): SessionUser {
  if (!token) throw new AppError('UNAUTHENTICATED', '请先登录 (sign in first)', { reason: 'not_signed_in' });
  const row = sessionRow(db, token);
  if (!row || !row.active) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录 (invalid session)', { reason: 'session_invalid' });
  if (new Date(row.expires_at) <= now) throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录 (session expired)', { reason: 'session_expired' });
  return toSessionUser(row);
}

export function endSession(db: DB, token: string): void {
  stmt(db, 'DELETE FROM sessions WHERE token_hash = ?').run(digest(token));
}

/** Signs a user out everywhere (PIN reset, deactivation), or everywhere but the caller's own session (own PIN change). */
export function endUserSessions(db: DB, userId: number, keepToken?: string): void {
  stmt(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, keepToken ? digest(keepToken) : null);
}

/** Expired sessions are useless; dropping them at sign-in keeps the table to the live ones. */
export function purgeExpiredSessions(db: DB, now: Date): void {
  stmt(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
}

/** Everyone's sessions but one user's: a machine that becomes a replica signs everybody else out. */
export function endSessionsExceptUser(db: DB, userId: number | null): void {
  stmt(db, 'DELETE FROM sessions WHERE user_id IS NOT ?').run(userId);
}

/** A user's sessions opened up to an instant (those from before a pairing), not later ones. */
export function endUserSessionsBefore(db: DB, userId: number, at: string): void {
  stmt(db, 'DELETE FROM sessions WHERE user_id = ? AND created_at <= ?').run(userId, at);
}
