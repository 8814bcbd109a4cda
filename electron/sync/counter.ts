import { hostname } from 'node:os';
import type { CoreDeps, SyncRuntime } from '../core/context.js';
import { AppError, type ErrorCode, type ErrorDetails } from '../core/errors.js';
import { codeOfReason } from '../core/error-reasons.js';
import { defaultCounter, getSetting, putSetting, replicaKey } from '../core/settings.js';
import { stmt } from '../core/statements.js';
import { writeAudit } from '../core/audit.js';
import { endSessionsExceptUser, endUserSessionsBefore } from '../core/domains/auth/sessions.js';
import { pinHashOf, retireAccountIfUnchanged, retireLocalAccounts } from '../core/domains/auth/retire.js';
import { applyEvent } from './apply.js';
import type { SyncStatus } from './handlers.js';
import { deriveSecret, newKeyPair, schemaVersion, type PullItem } from './office.js';
import { signRequest } from './signing.js';
import { applyRow } from './tables.js';
import { historyHeld, ledgerTables } from '../core/events/feed.js';

/** What pairing leaves at the counter (settings 'sync.link'). */
export interface SyncLink {
  officeUrl: string;
  terminalId: string;
  secret: string;
  counterId: string;
  pairedAt: string;
}

export interface AgentOptions {
  /** Pause between cycles once caught up. */
  intervalMs: number;
  /** One request, connecting included. */
  timeoutMs: number;
  /** The longest pause after failures (the pause doubles from intervalMs). */
  maxBackoffMs: number;
  pushBatch: number;
  pullBatch: number;
}

export const defaultAgentOptions: AgentOptions = { intervalMs: 3000, timeoutMs: 15_000, maxBackoffMs: 30_000, pushBatch: 200, pullBatch: 2000 };

/** sync.status at a counter: every field the chip and the sync page show for one. */
export interface CounterSyncStatus extends SyncStatus {
  role: 'counter';
  officeUrl: string | null;
  terminalId: string | null;
  counterId: string;
  lastError: string | null;
  revoked: boolean;
  needsUpgrade: boolean;
}

class OfficeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A base URL the counter can sign paths against: scheme, host and port only. */
export function normalizeOfficeUrl(input: string): string {
  let u: URL;
  try {
    u = new URL(/^[a-z]+:\/\//i.test(input.trim()) ? input.trim() : `http://${input.trim()}`);
  } catch {
    throw new AppError('INVALID_INPUT', '村委会地址无效，应如 http://192.168.1.10:5180 (bad office address)', { reason: 'office_url_invalid' });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new AppError('INVALID_INPUT', '村委会地址应以 http:// 开头 (use http://)', { reason: 'office_url_invalid' });
  return `${u.protocol}//${u.host}`;
}

/**
 * The counter's side of sync: pushes its outbox in order, then pulls what changed at the office,
 * every few seconds, backing off while the link is down. Everything the counter does works without
 * it; this only carries the results to the office and back.
 */
export class CounterAgent implements SyncRuntime {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;
  private state = {
    online: false,
    lastError: null as string | null,
    conflicts: null as number | null,
    refused: null as SyncStatus['refused'],
    pullProgress: null as { done: number; total: number } | null,
    revoked: false,
    needsUpgrade: false,
  };
  readonly opts: AgentOptions;

  constructor(
    private readonly deps: CoreDeps,
    opts: Partial<AgentOptions> = {},
  ) {
    this.opts = { ...defaultAgentOptions, ...opts };
  }

  // The database is read at the time of use: backup.restore may have swapped it.
  private get db() {
    return this.deps.db;
  }

  link(): SyncLink | null {
    return getSetting<SyncLink | null>(this.db, 'sync.link', null);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  status(): CounterSyncStatus {
    const link = this.link();
    const pushed = getSetting(this.db, 'sync.pushedSeq', 0);
    const pending = (stmt(this.db, 'SELECT COUNT(*) AS n FROM outbox WHERE seq > ?').get(pushed) as { n: number }).n;
    return {
      role: 'counter',
      paired: link !== null,
      online: link !== null && this.state.online,
      pending,
      lastPushAt: getSetting<string | null>(this.db, 'sync.lastPushAt', null),
      lastPullAt: getSetting<string | null>(this.db, 'sync.lastPullAt', null),
      conflicts: this.state.conflicts,
      refused: this.state.refused,
      pullProgress: this.state.pullProgress,
      officeUrl: link?.officeUrl ?? null,
      terminalId: link?.terminalId ?? null,
      counterId: getSetting(this.db, 'counter', defaultCounter).counterId,
      lastError: this.state.lastError,
      revoked: this.state.revoked,
      needsUpgrade: this.state.needsUpgrade,
    };
  }

  /** Runs a cycle now (after the one in progress, if any) and reports the outcome. */
  async syncNow(): Promise<CounterSyncStatus> {
    if (this.running) await this.running;
    await this.runCycle();
    return this.status();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runCycle(), ms);
    this.timer.unref();
  }

  private runCycle(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        await this.cycle();
        this.failures = 0;
      } catch (e) {
        this.failures++;
        this.noteFailure(e);
      } finally {
        this.running = null;
        const backoff = Math.min(this.opts.maxBackoffMs, this.opts.intervalMs * 2 ** Math.min(this.failures, 10));
        // Jitter keeps two counters that lost the link together from knocking at the same instant.
        this.schedule(this.failures === 0 ? this.opts.intervalMs : backoff * (0.75 + Math.random() * 0.5));
      }
    })();
    return this.running;
  }

  private noteFailure(e: unknown): void {
    if (e instanceof OfficeError) {
      this.state.online = e.status !== 0;
      this.state.lastError = e.message;
      if (e.details?.reason === 'revoked') this.state.revoked = true;
    } else {
      this.state.online = false;
      this.state.lastError = e instanceof Error ? e.message : String(e);
    }
  }

  private async cycle(): Promise<void> {
    const link = this.link();
    if (!link || this.state.revoked) return;
    await this.push(link);
    await this.pull(link);
    this.state.online = true;
    this.state.lastError = null;
  }

  private async post<T>(link: SyncLink, path: string, payload: unknown): Promise<T> {
    const url = new URL(path, link.officeUrl);
    const body = JSON.stringify(payload);
    const headers = {
      'content-type': 'application/json',
      ...signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path: url.pathname, body }),
    };
    return this.send<T>(url, headers, body);
  }

  private async send<T>(url: URL, headers: Record<string, string>, body: string): Promise<T> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.opts.timeoutMs) });
      text = await res.text();
    } catch (e) {
      throw new OfficeError(0, 'OFFICE_UNREACHABLE', `连不上村委会 (${(e as Error).name === 'TimeoutError' ? '超时' : '网络中断'})`);
    }
    let json: { result?: T; error?: { code: string; message: string; reason?: string; details?: Record<string, unknown> } };
    try {
      json = JSON.parse(text);
    } catch {
      throw new OfficeError(0, 'OFFICE_UNREACHABLE', `村委会回复不完整 (HTTP ${res.status})`);
    }
    // The office's reason (revoked, gap…) comes beside the details; the counter reads both from one place.
    if (json.error) throw new OfficeError(res.status, json.error.code, json.error.message, { ...json.error.details, reason: json.error.reason });
    if (!res.ok || json.result === undefined) throw new OfficeError(0, 'OFFICE_UNREACHABLE', `村委会回复异常 (HTTP ${res.status})`);
    return json.result;
  }

  /**
   * In outbox order, a batch at a time. The cursor moves only after the office acknowledged, and
   * never past what was sent: a retry after a lost answer resends, and the office drops repeats.
   */
  private async push(link: SyncLink): Promise<void> {
    for (let guard = 0; guard < 100_000; guard++) {
      const after = getSetting(this.db, 'sync.pushedSeq', 0);
      const rows = stmt(this.db, 'SELECT seq, uuid, type, payload, at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(after, this.opts.pushBatch) as {
        seq: number;
        uuid: string;
        type: string;
        payload: string;
        at: string;
      }[];
      if (rows.length === 0) return;
      const events = rows.map((r) => ({ seq: r.seq, uuid: r.uuid, type: r.type, payload: JSON.parse(r.payload) as unknown, at: r.at }));
      let acked: number;
      try {
        acked = (await this.post<{ acked: number }>(link, '/sync/push', { after, events })).acked;
      } catch (e) {
        // The office holds less than we think (it was restored from a backup): resend from where it is.
        if (e instanceof OfficeError && e.details?.reason === 'gap' && typeof e.details.expected === 'number') {
          this.saveSettings({ 'sync.pushedSeq': e.details.expected });
          continue;
        }
        throw e;
      }
      this.saveSettings({ 'sync.pushedSeq': Math.min(acked, rows.at(-1)!.seq), 'sync.lastPushAt': new Date().toISOString() });
    }
  }

  private async pull(link: SyncLink): Promise<void> {
    const start = getSetting(this.db, 'sync.pulledSeq', 0);
    try {
      for (let guard = 0; guard < 100_000; guard++) {
        const after = getSetting(this.db, 'sync.pulledSeq', 0);
        const r = await this.post<{ items: PullItem[]; next: number; last: number; conflicts: number; refused: SyncStatus['refused']; schema: number }>(
          link,
          '/sync/pull',
          { after, limit: this.opts.pullBatch },
        );
        if (r.schema > schemaVersion(this.db)) {
          this.state.needsUpgrade = true;
          throw new OfficeError(409, 'CONFLICT', '村委会的软件版本较新，请先升级本机 (office runs a newer version: upgrade this counter)');
        }
        this.state.needsUpgrade = false;
        this.applyPulled(link, r.items, r.next);
        this.state.conflicts = r.conflicts;
        this.state.refused = r.refused;
        this.state.pullProgress = r.next >= r.last ? null : { done: Math.max(0, r.next - start), total: Math.max(1, r.last - start) };
        if (r.next >= r.last || (r.items.length === 0 && r.next <= after)) break;
      }
    } finally {
      this.state.pullProgress = null;
    }
    this.saveSettings({ 'sync.lastPullAt': new Date().toISOString() });
    if (!getSetting(this.db, 'sync.firstPullDone', true)) this.finishFirstPull();
  }

  /**
   * The office's accounts are here now: the local account that paired stops working (unless the
   * office's account with the same id replaced it), and its sessions from before the pairing end.
   */
  private finishFirstPull(): void {
    const db = this.db;
    db.transaction(() => {
      const u = getSetting<{ id: number; pinHash: string; at: string } | null>(db, 'sync.pairingUser', null);
      if (u) {
        retireAccountIfUnchanged(db, u.id, u.pinHash);
        endUserSessionsBefore(db, u.id, u.at);
      }
      putSetting(db, 'sync.pairingUser', null);
      putSetting(db, 'sync.firstPullDone', true);
    }).immediate();
  }

  /**
   * One batch in one transaction, cursor included. Foreign keys are off for it: a row arrives as it
   * is now, and may name a row whose own entry is further on in the feed; the office's database
   * holds both, so the replica does too once the pull is through.
   */
  private applyPulled(link: SyncLink, items: PullItem[], next: number): void {
    const db = this.db;
    const now = new Date();
    const keepSessionsOf = getSetting<{ id: number } | null>(db, 'sync.pairingUser', null)?.id ?? null;
    db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        for (const item of items) {
          if ('row' in item) applyRow(db, item.row.table, item.row.key, item.row.data, { keepSessionsOf });
          else if (item.event.origin !== link.terminalId) {
            applyEvent(db, { ...item.event, originSeq: item.seq }, 'replica', now);
          }
        }
        putSetting(db, 'sync.pulledSeq', next);
      }).immediate();
    } finally {
      db.pragma('foreign_keys = ON');
    }
  }

  private saveSettings(values: Record<string, unknown>): void {
    this.db
      .transaction(() => {
        for (const [k, v] of Object.entries(values)) putSetting(this.db, k, v);
      })
      .immediate();
  }

  /**
   * Exchanges a one-time code for this counter's identity and key. Only a fresh counter pairs: it then
   * drops its local users, roster, catalog and rules and takes the office's on the first pull, so
   * everyone signs in again with their office account.
   */
  async pair(officeUrlInput: string, code: string, caller: { userId: number | null; at: string }): Promise<{ terminalId: string; counterId: string }> {
    if (this.deps.role !== 'counter')
      throw new AppError('FORBIDDEN', '只有以柜台模式（--role counter）运行的电脑才能配对 (only a counter pairs)', { reason: 'counter_only' });
    if (this.link()) throw new AppError('CONFLICT', '本机已与村委会配对 (already paired)', { reason: 'already_paired' });
    // A counter with history of its own cannot become a replica of an office.
    const used = historyHeld(this.db, ledgerTables);
    if (used.length) {
      throw new AppError('CONFLICT', '本机已有兑换、积分或库存记录，不能再配对；请在新安装的柜台电脑上配对 (only a fresh counter can pair)', {
        reason: 'counter_not_fresh',
        tables: used,
      });
    }
    const officeUrl = normalizeOfficeUrl(officeUrlInput);
    const keys = newKeyPair();
    const url = new URL('/sync/pair', officeUrl);
    let r: { terminalId: string; counterId: string; publicKey: string; schema: number };
    try {
      r = await this.send(url, { 'content-type': 'application/json' }, JSON.stringify({ code, publicKey: keys.publicX, name: hostname() }));
    } catch (e) {
      if (e instanceof OfficeError && e.status !== 0) {
        const code = (e.code in { UNAUTHENTICATED: 1, INVALID_INPUT: 1, CONFLICT: 1 } ? e.code : 'OFFICE_UNREACHABLE') as ErrorCode;
        // The office's own reason (a wrong pairing code…) passes on when it is one declared under that code.
        const reason = typeof e.details?.reason === 'string' && codeOfReason(e.details.reason) === code ? e.details.reason : undefined;
        throw new AppError(code, e.message, reason ? ({ reason } as ErrorDetails<typeof code>) : undefined);
      }
      throw new AppError('OFFICE_UNREACHABLE', `连不上村委会 ${officeUrl}，请检查地址和网络 (office unreachable)`, { reason: 'office_unreachable' });
    }
    const secret = deriveSecret(keys.privateKey, r.publicKey, code, r.terminalId);
    const db = this.db;
    const now = new Date().toISOString();
    db.transaction(() => {
      // First, so the deletes below are not announced in this machine's (now unused) feed.
      putSetting(db, replicaKey, true);
      endSessionsExceptUser(db, caller.userId);
      // Kept (the audit log points at them) but unusable; office accounts with the same id replace them.
      // The caller's account lasts until the first pull is in, so they can watch it (finishFirstPull).
      retireLocalAccounts(db, caller.userId);
      const pinHash = caller.userId === null ? null : pinHashOf(db, caller.userId);
      putSetting(db, 'sync.pairingUser', pinHash ? { id: caller.userId, pinHash, at: caller.at } : null);
      putSetting(db, 'sync.firstPullDone', false);
      for (const t of ['item_providers', 'members', 'households', 'catalog_items', 'rules', 'sync_feed']) stmt(db, `DELETE FROM "${t}"`).run();
      putSetting(db, 'counter', { ...getSetting(db, 'counter', defaultCounter), counterId: r.counterId });
      putSetting(db, 'sync.link', { officeUrl, terminalId: r.terminalId, secret, counterId: r.counterId, pairedAt: now } satisfies SyncLink);
      putSetting(db, 'sync.pushedSeq', 0);
      putSetting(db, 'sync.pulledSeq', 0);
      writeAudit(db, now, caller.userId, 'sync.pair', `与村委会 ${officeUrl} 配对：终端 ${r.terminalId}，柜台编号 ${r.counterId}`);
    }).immediate();
    this.state = { ...this.state, revoked: false, lastError: null };
    if (!this.stopped) this.schedule(0);
    return { terminalId: r.terminalId, counterId: r.counterId };
  }
}

/** POS_SYNC_INTERVAL_MS, POS_SYNC_TIMEOUT_MS, POS_SYNC_MAX_BACKOFF_MS, POS_SYNC_PUSH_BATCH, POS_SYNC_PULL_BATCH. */
export function agentOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<AgentOptions> {
  const out: Partial<AgentOptions> = {};
  const read = (name: string, key: keyof AgentOptions) => {
    const n = Number(env[name]);
    if (env[name] && Number.isSafeInteger(n) && n > 0) out[key] = n;
  };
  read('POS_SYNC_INTERVAL_MS', 'intervalMs');
  read('POS_SYNC_TIMEOUT_MS', 'timeoutMs');
  read('POS_SYNC_MAX_BACKOFF_MS', 'maxBackoffMs');
  read('POS_SYNC_PUSH_BATCH', 'pushBatch');
  read('POS_SYNC_PULL_BATCH', 'pullBatch');
  return out;
}
