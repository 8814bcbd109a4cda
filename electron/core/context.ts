import { randomUUID } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import type { Clock } from './clock.js';
import type { Role } from './roles.js';
import { defaultCounter, defaultVillage, isReplica, readSetting, type CounterSettings, type VillageSettings } from './settings.js';
import { stmt } from './statements.js';
import { villageDate, yearOf } from './rules/village-date.js';
import type { EventFacts, EventSource, EventType } from './events/schemas.js';
import { appendFeedEvent, eventRef } from './events/feed.js';
import type { PrinterTransport } from '../print/transport.js';

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  roles: Role[];
}

export interface ServerRole {
  role: 'all' | 'office' | 'counter';
}

/** What the sync machinery offers the handlers (electron/sync); absent in tests that do not sync. */
export interface SyncRuntime {
  status(): unknown;
  syncNow(): Promise<unknown>;
  /** caller: who pairs, and when by the app's clock (their session outlives the pairing until the first pull is in). */
  pair(officeUrl: string, code: string, caller: { userId: number | null; at: string }): Promise<{ terminalId: string; counterId: string }>;
}

/** Where this PC's updater stands (the desktop app only; see electron/shell/updater.ts). */
export interface UpdateStatus {
  /** The paired office's feed (<office>/updates/), or null with the reason there is none. */
  feedUrl: string | null;
  noFeedReason: 'not-counter' | 'not-paired' | null;
  state: 'idle' | 'checking' | 'none' | 'available' | 'downloading' | 'ready' | 'error';
  current: string;
  /** The newer version the feed offers, once a check found one. */
  latest: string | null;
  /** 0–100 while downloading. */
  percent: number | null;
  error: string | null;
  checkedAt: string | null;
}

/** What the desktop shell offers for updates; absent in the headless server and in browser mode. */
export interface UpdateRuntime {
  status(): UpdateStatus;
  /** Looks for a newer version on the feed; never downloads. */
  check(): Promise<UpdateStatus>;
  /** Downloads the version check() found, then restarts into it once the reply is on its way. */
  install(): Promise<UpdateStatus>;
}

export type MachineRole = ServerRole['role'];

/** The office's LAN listening (settings row `office.lan`); off until an admin turns it on. */
export interface LanSettings {
  enabled: boolean;
  host: string;
  port: number;
}
export interface LanStatus {
  listening: boolean;
  url: string | null;
  error: string | null;
}

/**
 * What this machine is, as the host runs it: the role can change at run time (first-run wizard,
 * settings screen), which starts or stops the counter's sync agent; the office's LAN listener is
 * opened, moved or closed the same way. Absent in handler tests: the role is then fixed.
 */
export interface MachineRuntime {
  /** The role given on the command line (--role), which overrides the stored one; null when none was. */
  readonly fixedRole: MachineRole | null;
  /** Runs this role from now on (deps.role, the counter's sync agent); nothing is stored here. */
  useRole(role: MachineRole): void;
  /** Forgets the office (the counter's link and key); refuses while events wait to be pushed. */
  unpair(): { terminalId: string; counterId: string };
  /** Binds, moves or closes the LAN listener; rejects when the address cannot be bound. */
  applyLan(lan: LanSettings): Promise<LanStatus>;
  lanStatus(): LanStatus;
  /** The machine's IPv4 interfaces, for choosing where to listen. */
  interfaces(): { name: string; address: string; internal: boolean }[];
}

/** A printer the OS knows (Electron: webContents.getPrintersAsync()). */
export interface SystemPrinter {
  name: string;
  displayName: string;
  description: string;
}

/** One page for a driver printer; the page size is in microns, as webContents.print takes it. */
export interface DriverPrintJob {
  deviceName: string;
  html: string;
  widthMicrons: number;
  heightMicrons: number;
  copies: number;
}

/**
 * What the desktop shell offers for printers installed with their driver; absent in browser mode.
 * The core asks for it here and never imports electron.
 */
export interface PrintHost {
  systemPrinters(): Promise<SystemPrinter[]>;
  /** Prints one HTML page silently on `deviceName`, `copies` times; resolves once the OS's spooler took it. */
  printHtml(job: DriverPrintJob): Promise<void>;
}

/** What the core needs from its host (Electron main, the HTTP server, a test). */
export interface CoreDeps {
  /**
   * The live database. backup.restore replaces it (close, swap the file, reopen), so hosts and
   * handlers read deps.db at the time of use and never keep their own copy of the handle.
   */
  db: DB;
  clock: Clock;
  /** --test-clock: exposes clock.set. */
  testClock?: boolean;
  role?: ServerRole['role'];
  /** Where receipts go; tests point it at a fake printer, production at node-thermal-printer. */
  printer?: PrinterTransport;
  /** The desktop shell's printers (driver printing); absent in browser mode. */
  printHost?: PrintHost;
  /** The data dir (photos/ lives there); defaults to the database file's folder. */
  dataDir?: string;
  /** Role counter: the agent that pushes and pulls; role office: nothing (the HTTP routes serve sync). */
  sync?: SyncRuntime;
  /** The desktop app's updater (electron-updater on the office's feed). */
  updates?: UpdateRuntime;
  /** The host's role switch and LAN listener (first-run wizard, settings screen). */
  machine?: MachineRuntime;
  /** Roles office and all: the agent that reports upward to the county (electron/county/village). */
  county?: CountyRuntime;
}

/** What the county link offers the handlers (electron/county/village/agent.ts). */
export interface CountyRuntime {
  status(): unknown;
  syncNow(): Promise<unknown>;
  link(): { countyUrl: string } | null;
  pair(
    countyUrl: string,
    code: string,
    villageCode: string,
    caller: { userId: number | null; at: string },
  ): Promise<{ villageCode: string; villageName: string }>;
}

/** One call's view of the world: "now" is read once so a call never straddles midnight. */
export class Ctx {
  readonly now: Date;
  readonly village: Readonly<VillageSettings>;
  readonly counter: Readonly<CounterSettings>;
  readonly today: string;
  readonly year: number;

  /** sessionToken: the caller's own session, so logout and a PIN change can end exactly that one or all others. */
  constructor(
    readonly deps: CoreDeps,
    readonly user: SessionUser | null,
    readonly sessionToken?: string,
  ) {
    this.now = deps.clock.now();
    this.village = readSetting(deps.db, 'village', defaultVillage);
    this.counter = readSetting(deps.db, 'counter', defaultCounter);
    this.today = villageDate(this.now, this.village.timeZone);
    this.year = yearOf(this.today);
  }

  get db(): DB {
    return this.deps.db;
  }

  // Formatted once: a redemption stamps "now" on half a dozen rows.
  private iso?: string;
  get nowIso(): string {
    return (this.iso ??= this.now.toISOString());
  }

  /** The signed-in user; handlers behind a role check always have one. */
  get me(): SessionUser {
    if (!this.user) throw new Error('handler needs a signed-in user');
    return this.user;
  }

  dateOf(instant: Date): string {
    return villageDate(instant, this.village.timeZone);
  }

  /**
   * Facts the audit row must carry whatever the handler's own summary says, such as which
   * supervisor's PIN authorised the call: the dispatcher appends them to the summary.
   */
  readonly auditNotes: string[] = [];

  noteForAudit(note: string): void {
    this.auditNotes.push(note);
  }

  /** Set by markReplay: what the earlier call did, for the audit row. */
  replayOf: string | null = null;

  /**
   * This call repeated an earlier one (the same requestId) and changed nothing: the dispatcher's
   * audit row then says 重复请求 and names the original instead of claiming a second write.
   */
  markReplay(original: string): void {
    this.replayOf = original;
  }

  /**
   * Appends a sync event in the caller's transaction, so it exists exactly when the write does.
   * Every event also carries `source` (counter, user, instant, village date, year): the office
   * replays it elsewhere, where none of this call's context exists. A counter's replica queues it in
   * its outbox for the push; anywhere else it goes straight to the feed the counters pull (one row
   * and its index, not an outbox row copied by a trigger).
   */
  emit<T extends EventType>(type: T, facts: EventFacts<T>): void {
    const source: EventSource = { counterId: this.counter.counterId, userId: this.me.id, at: this.nowIso, date: this.today, year: this.year };
    const event = { uuid: randomUUID(), type, payload: JSON.stringify({ ...facts, source }), at: this.nowIso };
    if (isReplica(this.db)) {
      stmt(this.db, 'INSERT INTO outbox (uuid, type, payload, at) VALUES (?, ?, ?, ?)').run(event.uuid, event.type, event.payload, event.at);
    } else {
      appendFeedEvent(this.db, { ...event, origin: 'office', ref: eventRef(facts) });
    }
  }
}
