import type { DB } from '../../../../db/connection.js';
import { hashPin } from './pin-hash.js';

export interface NewUser {
  username: string;
  name: string;
  pin: string;
  roles: string[];
}

export function insertUser(db: DB, u: NewUser, now: Date): number {
  return Number(
    db
      .prepare('INSERT INTO users (username, name, pin_hash, roles, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(u.username, u.name, hashPin(u.pin), JSON.stringify(u.roles), now.toISOString()).lastInsertRowid,
  );
}
