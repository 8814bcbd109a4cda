import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../db/connection.js';
import { SettableClock, systemClock } from '../core/clock.js';
import type { CoreDeps } from '../core/context.js';
import { createDispatcher, type Dispatcher } from '../core/dispatcher.js';
import { ensureFirstAdmin } from '../core/domains/auth/bootstrap.js';
import { startDailyBackups } from '../core/domains/backup/backup.js';
import { seedDemo } from '../core/demo/seed-demo.js';
import { installDefaultRules } from '../core/domains/rules/default-rules.js';
import { CounterAgent, agentOptionsFromEnv, type AgentOptions } from '../sync/counter.js';
import { CountyAgent, countyOptionsFromEnv } from '../county/village/agent.js';

export interface AppOptions {
  dataDir: string;
  demo?: boolean;
  testClock?: boolean;
  role?: CoreDeps['role'];
  printer?: CoreDeps['printer'];
  /** The daily backup timer (default on); tests that never live a day may turn it off. */
  dailyBackups?: boolean;
  /** Role counter: sync timing (defaults, then POS_SYNC_* environment variables, then these). */
  sync?: Partial<AgentOptions>;
}

/** db is always the live connection: backup.restore swaps it inside the dispatcher's deps. */
export interface App { readonly db: DB; dispatcher: Dispatcher; seeded: boolean; close(): void }

/** Opens the data dir's database and builds the one dispatcher that HTTP and IPC both use. */
export async function openApp(opts: AppOptions): Promise<App> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, 'points.db'));
  const deps: CoreDeps = {
    db,
    clock: opts.testClock ? new SettableClock() : systemClock,
    testClock: opts.testClock,
    role: opts.role ?? 'all',
    printer: opts.printer,
    dataDir: opts.dataDir,
  };
  const agent = deps.role === 'counter' ? new CounterAgent(deps, { ...agentOptionsFromEnv(), ...opts.sync }) : undefined;
  deps.sync = agent;
  // Only the machine that holds the whole village reports to the county.
  const county = deps.role !== 'counter' ? new CountyAgent(deps, countyOptionsFromEnv()) : undefined;
  deps.county = county;
  const dispatcher = createDispatcher(deps);
  const empty = (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0;
  // Every new village starts from the reference scoring table; the demo scores against it too.
  if (empty) installDefaultRules(db);
  let seeded = false;
  if (empty && opts.demo) {
    // A counter refuses office writes; its demo (standalone, never paired) is seeded as a one-PC village.
    await seedDemo(deps.role === 'counter' ? createDispatcher({ ...deps, role: 'all' }) : dispatcher);
    seeded = true;
  } else if (empty) {
    ensureFirstAdmin(db, new Date());
  }
  const stopBackups = opts.dailyBackups === false ? () => {} : startDailyBackups(dispatcher.deps);
  agent?.start();
  county?.start();
  return {
    get db() {
      return dispatcher.deps.db;
    },
    dispatcher,
    seeded,
    close() {
      agent?.stop();
      county?.stop();
      stopBackups();
      if (dispatcher.deps.db.open) dispatcher.deps.db.close();
    },
  };
}
