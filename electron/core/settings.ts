import type { DB } from '../../db/connection.js';
import { stmt } from './statements.js';

export interface VillageSettings {
  name: string;
  timeZone: string;
  /** Set by the first-run wizard: the 12-digit 统计用区划代码, the town (乡镇) and the county (区县). */
  code?: string;
  town?: string;
  county?: string;
}
export interface CounterSettings {
  counterId: string;
  cardPrefix: string;
}

export const defaultVillage: VillageSettings = { name: '示范村', timeZone: 'Asia/Shanghai' };
export const defaultCounter: CounterSettings = { counterId: 'C01', cardPrefix: '6601' };

export function getSetting<T>(db: DB, key: string, fallback: T): T {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function putSetting(db: DB, key: string, value: unknown): void {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
