import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../core/errors.js';
import { hashPin, verifyPin } from '../core/domains/auth/pin-hash.js';
import { afterFailure, isLocked } from '../core/domains/auth/lockout.js';
import { sessionHours } from '../core/domains/auth/sessions.js';
import { levelOf, within } from './areas.js';
import { tx } from './db/pool.js';

export const countyRoles = ['county_admin', 'county_viewer', 'town_viewer'] as const;
export type CountyRole = (typeof countyRoles)[number];

/** A signed-in county user: everything they may read lies inside `areaCode`. */
export interface CountyUser {
  id: number;
  username: string;
  name: string;
  role: CountyRole;
  areaCode: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

// A PIN check costs ~30 ms of scrypt; an unknown user costs the same, so timing does not reveal who exists.
const dummyHash = hashPin('000000');

/** The village's rules: scrypt PINs, 5 failures lock the account for 5 minutes, only token hashes stored. */
export async function login(pool: pg.Pool, username: string, pin: string, now: Date): Promise<{ token: string; expiresAt: string; user: CountyUser }> {
  const refused = () => new AppError('UNAUTHENTICATED', '用户名或 PIN 错误 (wrong username or PIN)');
  return tx(pool, async (c) => {
    const row = (
      await c.query('SELECT id, username, name, role, area_code, pin_hash, active, failed_logins, locked_until FROM users WHERE username = $1 FOR UPDATE', [
        username,
      ])
    ).rows[0] as
      | {
          id: number;
          username: string;
          name: string;
          role: CountyRole;
          area_code: string;
          pin_hash: string;
          active: boolean;
          failed_logins: number;
          locked_until: Date | null;
        }
      | undefined;
    if (!row || !row.active) {
      verifyPin(pin, dummyHash);
      throw refused();
    }
    const state = { failedLogins: row.failed_logins, lockedUntil: row.locked_until?.toISOString() ?? null };
    if (isLocked(state, now))
      throw new AppError('UNAUTHENTICATED', '连续输错，账户已锁定，请稍后再试 (account locked)', { reason: 'locked_out', lockedUntil: state.lockedUntil });
    if (!verifyPin(pin, row.pin_hash)) {
      const next = afterFailure(state, now);
      // Committed even though the call fails: the count must survive the refusal.
      await c.query('UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3', [next.failedLogins, next.lockedUntil, row.id]);
      await c.query('COMMIT');
      await c.query('BEGIN');
      throw refused();
    }
    await c.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
    await c.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000).toISOString();
    await c.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [digest(token), row.id, expiresAt]);
    await c.query('INSERT INTO audit (at, user_id, method, summary) VALUES ($1, $2, $3, $4)', [now, row.id, 'county.login', `登录 signed in: ${row.username}`]);
    return { token, expiresAt, user: { id: row.id, username: row.username, name: row.name, role: row.role, areaCode: row.area_code } };
  });
}

export async function resolveUser(pool: pg.Pool, token: string | undefined, now: Date): Promise<CountyUser> {
  if (!token) throw new AppError('UNAUTHENTICATED', '请先登录 (sign in first)');
  const row = (
    await pool.query(
      `SELECT u.id, u.username, u.name, u.role, u.area_code, u.active, s.expires_at FROM sessions s
    JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [digest(token)],
    )
  ).rows[0] as { id: number; username: string; name: string; role: CountyRole; area_code: string; active: boolean; expires_at: Date } | undefined;
  if (!row || !row.active) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录 (invalid session)');
  if (row.expires_at <= now) throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录 (session expired)');
  return { id: row.id, username: row.username, name: row.name, role: row.role, areaCode: row.area_code };
}

export async function logout(pool: pg.Pool, token: string): Promise<void> {
  await pool.query('DELETE FROM sessions WHERE token_hash = $1', [digest(token)]);
}

/** A town viewer reads its town; county users read the county. Anything else is refused, never emptied. */
export function assertReads(user: CountyUser, areaCode: string): void {
  if (!levelOf(areaCode)) throw new AppError('INVALID_INPUT', '区划代码无效 (bad area code)', { areaCode });
  if (!within(areaCode, user.areaCode)) {
    throw new AppError('FORBIDDEN', '无权查看该地区 (this area is outside yours)', { reason: 'outside_area', areaCode });
  }
}

export async function addUser(
  c: pg.PoolClient | pg.Pool,
  u: { username: string; name: string; pin: string; role: CountyRole; areaCode: string },
  now: Date,
): Promise<number> {
  const level = levelOf(u.areaCode);
  if (u.role === 'town_viewer' ? level !== 'town' : level !== 'county') {
    throw new AppError(
      'INVALID_INPUT',
      u.role === 'town_viewer' ? '乡镇查看员应属于一个乡镇 (a town viewer belongs to a town)' : '县级用户应属于本县 (county users belong to the county)',
    );
  }
  const area = (await c.query('SELECT 1 FROM areas WHERE code = $1', [u.areaCode])).rowCount;
  if (!area) throw new AppError('NOT_FOUND', '地区未登记 (area not registered)', { areaCode: u.areaCode });
  try {
    return (
      await c.query('INSERT INTO users (username, name, pin_hash, role, area_code, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [
        u.username,
        u.name,
        hashPin(u.pin),
        u.role,
        u.areaCode,
        now,
      ])
    ).rows[0].id as number;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('CONFLICT', `用户名 ${u.username} 已存在 (username taken)`);
    throw e;
  }
}

/** An empty county database gets its county and one admin (admin / 123456) so somebody can sign in. */
export async function bootstrapCounty(pool: pg.Pool, county: { code: string; name: string }, now: Date): Promise<boolean> {
  return tx(pool, async (c) => {
    if ((await c.query('SELECT 1 FROM users LIMIT 1')).rowCount) return false;
    if (levelOf(county.code) !== 'county') throw new Error(`--county-code must be a county code (6 digits and six zeros), got ${county.code}`);
    await c.query('INSERT INTO areas (code, level, parent, name, created_at) VALUES ($1, $2, NULL, $3, $4) ON CONFLICT DO NOTHING', [
      county.code,
      'county',
      county.name,
      now,
    ]);
    await addUser(c, { username: 'admin', name: '县管理员', pin: '123456', role: 'county_admin', areaCode: county.code }, now);
    console.warn('已创建初始县管理员 admin / 123456，请登录后立即修改 PIN (created first county admin admin/123456)');
    return true;
  });
}
