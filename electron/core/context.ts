import { randomUUID } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import type { Clock } from './clock.js';
import type { Role } from './roles.js';
import { defaultCounter, defaultVillage, getSetting, type CounterSettings, type VillageSettings } from './settings.js';
import { stmt } from './statements.js';
import { villageDate, yearOf } from './rules/village-date.js';
import type { PrinterTransport } from '../print/transport.js';

export interface SessionUser { id: number; username: string; name: string; roles: Role[] }

export interface ServerRole { role: 'all' | 'office' | 'counter' }

/** What the core needs from its host (Electron main, the HTTP server, a test). */
export interface CoreDeps {
  db: DB;
  clock: Clock;
  /** --test-clock: exposes clock.set. */
  testClock?: boolean;
  role?: ServerRole['role'];
  /** Where receipts go; tests point it at a fake printer, production at node-thermal-printer. */
  printer?: PrinterTransport;
}

/** One call's view of the world: "now" is read once so a call never straddles midnight. */
export class Ctx {
  readonly now: Date;
  readonly village: VillageSettings;
  readonly counter: CounterSettings;
  readonly today: string;
  readonly year: number;

  constructor(readonly deps: CoreDeps, readonly user: SessionUser | null) {
    this.now = deps.clock.now();
    this.village = getSetting(deps.db, 'village', defaultVillage);
    this.counter = getSetting(deps.db, 'counter', defaultCounter);
    this.today = villageDate(this.now, this.village.timeZone);
    this.year = yearOf(this.today);
  }

  get db(): DB {
    return this.deps.db;
  }

  get nowIso(): string {
    return this.now.toISOString();
  }

  /** The signed-in user; handlers behind a role check always have one. */
  get me(): SessionUser {
    if (!this.user) throw new Error('handler needs a signed-in user');
    return this.user;
  }

  dateOf(instant: Date): string {
    return villageDate(instant, this.village.timeZone);
  }

  /** Appends a sync event in the caller's transaction, so it exists exactly when the write does. */
  emit(type: string, payload: unknown): void {
    stmt(this.db, 'INSERT INTO outbox (uuid, type, payload, at) VALUES (?, ?, ?, ?)')
      .run(randomUUID(), type, JSON.stringify(payload), this.nowIso);
  }
}
