import type { DB } from '../../db/connection.js';
import { stmt } from './statements.js';

export interface VillageSettings { name: string; timeZone: string }
export interface CounterSettings { counterId: string; cardPrefix: string }

export const defaultVillage: VillageSettings = { name: '示范村', timeZone: 'Asia/Shanghai' };
export const defaultCounter: CounterSettings = { counterId: 'C01', cardPrefix: '6601' };

export function getSetting<T>(db: DB, key: string, fallback: T): T {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function putSetting(db: DB, key: string, value: unknown): void {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}
