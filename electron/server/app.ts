import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../db/connection.js';
import { SettableClock, systemClock } from '../core/clock.js';
import type { CoreDeps } from '../core/context.js';
import { createDispatcher } from '../core/dispatcher.js';
import { coreHandlers } from '../core/contract.js';
import { handlers, type AppDispatcher } from '../app-contract.js';
import { updatesDirOf } from '../core/data-paths.js';
import { startDailyBackups } from '../core/domains/backup/backup.js';
import { seedDemo } from '../core/demo/seed-demo.js';
import { installDefaultRules } from '../core/domains/rules/default-rules.js';
import { markSetUp, storedRole } from '../core/domains/setup/state.js';
import type { AgentOptions } from '../sync/counter.js';
import { CountyAgent, countyOptionsFromEnv } from '../county/village/agent.js';
import { createHttpServer } from './http.js';
import { HostMachine } from './machine.js';

export interface AppOptions {
  dataDir: string;
  demo?: boolean;
  testClock?: boolean;
  /** --role: overrides the role stored by the first-run wizard or the settings screen (tests, development). */
  role?: CoreDeps['role'];
  printer?: CoreDeps['printer'];
  /** The desktop shell's driver printers (electron/shell/print-host.ts); absent in browser mode. */
  printHost?: CoreDeps['printHost'];
  /** The daily backup timer (default on); tests that never live a day may turn it off. */
  dailyBackups?: boolean;
  /** Role counter: sync timing (defaults, then POS_SYNC_* environment variables, then these). */
  sync?: Partial<AgentOptions>;
  /** The built UI, served on the LAN listener as on the local one. */
  staticDir?: string;
}

/** db is always the live connection: backup.restore swaps it inside the dispatcher's deps. */
export interface App {
  readonly db: DB;
  dispatcher: AppDispatcher;
  machine: HostMachine;
  seeded: boolean;
  close(): void;
}

/**
 * Opens the data dir's database and builds the one dispatcher that HTTP and IPC both use. A new data
 * dir without --demo has no users and no PIN: the first-run wizard (setup.complete) makes the admin.
 */
export async function openApp(opts: AppOptions): Promise<App> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, 'points.db'));
  const deps: CoreDeps = {
    db,
    clock: opts.testClock ? new SettableClock() : systemClock,
    testClock: opts.testClock,
    role: opts.role ?? storedRole(db),
    printer: opts.printer,
    printHost: opts.printHost,
    dataDir: opts.dataDir,
  };
  // Only the machine that holds the whole village reports to the county (the role at start-up).
  const county = deps.role !== 'counter' ? new CountyAgent(deps, countyOptionsFromEnv()) : undefined;
  deps.county = county;
  const dispatcher = createDispatcher(deps, handlers);
  // The LAN listener (an office's counters and phones) serves what the local one does, and the update feed.
  const lanServer = () => createHttpServer(dispatcher, { staticDir: opts.staticDir, updatesDir: updatesDirOf(opts.dataDir) });
  const machine = new HostMachine(deps, opts.role ?? null, opts.sync ?? {}, lanServer);
  deps.machine = machine;
  machine.useRole(deps.role!);
  const empty = (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0;
  // Every new village starts from the reference scoring table; the demo scores against it too.
  if (empty) installDefaultRules(db);
  let seeded = false;
  if (empty && opts.demo) {
    // A counter refuses office writes; its demo (standalone, never paired) is seeded as a one-PC village.
    // Seeding uses core methods only.
    await seedDemo(createDispatcher(deps.role === 'counter' ? { ...deps, role: 'all' } : deps, coreHandlers));
    db.transaction(() => markSetUp(db, { at: deps.clock.now().toISOString(), role: deps.role ?? 'all', by: null })).immediate();
    seeded = true;
  }
  const stopBackups = opts.dailyBackups === false ? () => {} : startDailyBackups(dispatcher.deps);
  await machine.start();
  county?.start();
  return {
    get db() {
      return dispatcher.deps.db;
    },
    dispatcher,
    machine,
    seeded,
    close() {
      void machine.stop();
      county?.stop();
      stopBackups();
      if (dispatcher.deps.db.open) dispatcher.deps.db.close();
    },
  };
}
