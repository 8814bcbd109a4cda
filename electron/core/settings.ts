import type { DB } from '../../db/connection.js';
import { stamp } from './change-watch.js';
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

/** Set when a counter pairs: its data is then a replica of its office's, and its own events queue for the push. */
export const replicaKey = 'sync.replica';
export const isReplica = (db: DB): boolean => getSetting<boolean>(db, replicaKey, false) === true;

/** JSON values only: objects and arrays all the way down. */
function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}

const cached = new WeakMap<DB, Map<string, { stamp: string; value: unknown }>>();

/**
 * getSetting for the rows read on every call (village, counter, calendar, office): parsed once and
 * kept until a write to settings (this connection's or another's) could have changed them. The value
 * is shared between calls, so it is frozen (all the way down); a caller that wants to change it copies it first.
 */
export function readSetting<T>(db: DB, key: string, fallback: T): Readonly<T> {
  const now = stamp(db, 'settings');
  if (now === null) return getSetting(db, key, fallback);
  let m = cached.get(db);
  if (!m) cached.set(db, (m = new Map()));
  const hit = m.get(key);
  if (hit && hit.stamp === now) return hit.value as Readonly<T>;
  const value = getSetting(db, key, fallback);
  deepFreeze(value);
  m.set(key, { stamp: now, value });
  return value;
}
