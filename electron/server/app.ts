import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../db/connection.js';
import { SettableClock, systemClock } from '../core/clock.js';
import type { CoreDeps } from '../core/context.js';
import { createDispatcher, type Dispatcher } from '../core/dispatcher.js';
import { ensureFirstAdmin } from '../core/domains/auth/bootstrap.js';
import { seedDemo } from '../core/demo/seed-demo.js';

export interface AppOptions {
  dataDir: string;
  demo?: boolean;
  testClock?: boolean;
  role?: CoreDeps['role'];
  printer?: CoreDeps['printer'];
}

export interface App { db: DB; dispatcher: Dispatcher; seeded: boolean; close(): void }

/** Opens the data dir's database and builds the one dispatcher that HTTP and IPC both use. */
export async function openApp(opts: AppOptions): Promise<App> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, 'points.db'));
  const dispatcher = createDispatcher({
    db,
    clock: opts.testClock ? new SettableClock() : systemClock,
    testClock: opts.testClock,
    role: opts.role ?? 'all',
    printer: opts.printer,
  });
  const empty = (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0;
  let seeded = false;
  if (empty && opts.demo) {
    await seedDemo(dispatcher);
    seeded = true;
  } else if (empty) {
    ensureFirstAdmin(db, new Date());
  }
  return { db, dispatcher, seeded, close: () => db.close() };
}
