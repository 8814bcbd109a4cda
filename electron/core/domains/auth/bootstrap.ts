import type { DB } from '../../../../db/connection.js';
import { hashPin } from './pin-hash.js';

export interface NewUser { username: string; name: string; pin: string; roles: string[] }

export function insertUser(db: DB, u: NewUser, now: Date): number {
  return Number(db.prepare('INSERT INTO users (username, name, pin_hash, roles, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(u.username, u.name, hashPin(u.pin), JSON.stringify(u.roles), now.toISOString()).lastInsertRowid);
}

/** A new village database has one admin so somebody can sign in and create the real accounts. */
export function ensureFirstAdmin(db: DB, now: Date): void {
  insertUser(db, { username: 'admin', name: '管理员', pin: '123456', roles: ['admin'] }, now);
  console.warn('已创建初始管理员 admin / 123456，请登录后立即修改 PIN (created first admin admin/123456: change its PIN)');
}
