import type { CoreDeps } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { getSetting, putSetting } from '../../core/settings.js';
import { stmt } from '../../core/statements.js';
import { writeAudit } from '../../core/audit.js';
import { normalizeOfficeUrl } from '../../sync/counter.js';
import { deriveSecret, newKeyPair } from '../../sync/office.js';
import { PeerError, postJson, postSigned } from '../../sync/signed-client.js';
import { startCountyReporting } from './reporting.js';

/** What pairing with the county leaves at the village office (settings 'local.county.link': a local. key, so the settings feed never carries the secret to counters). */
export interface CountyLink {
  countyUrl: string;
  terminalId: string;
  secret: string;
  villageCode: string;
  villageName: string;
  pairedAt: string;
}

export interface CountyStatus {
  paired: boolean;
  online: boolean;
  countyUrl: string | null;
  villageCode: string | null;
  villageName: string | null;
  pending: number;
  lastPushAt: string | null;
  lastError: string | null;
  /** The last failure by code and reason (the UI words it from these, never from lastError's text); null after a good push. */
  lastErrorCode: string | null;
  lastErrorReason: string | null;
  revoked: boolean;
}

export interface CountyAgentOptions {
  intervalMs: number;
  timeoutMs: number;
  maxBackoffMs: number;
  pushBatch: number;
}
export const defaultCountyOptions: CountyAgentOptions = { intervalMs: 10_000, timeoutMs: 20_000, maxBackoffMs: 300_000, pushBatch: 500 };

/** POS_COUNTY_INTERVAL_MS, POS_COUNTY_TIMEOUT_MS, POS_COUNTY_MAX_BACKOFF_MS, POS_COUNTY_PUSH_BATCH. */
export function countyOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<CountyAgentOptions> {
  const out: Partial<CountyAgentOptions> = {};
  const read = (name: string, key: keyof CountyAgentOptions) => {
    const n = Number(env[name]);
    if (env[name] && Number.isSafeInteger(n) && n > 0) out[key] = n;
  };
  read('POS_COUNTY_INTERVAL_MS', 'intervalMs');
  read('POS_COUNTY_TIMEOUT_MS', 'timeoutMs');
  read('POS_COUNTY_MAX_BACKOFF_MS', 'maxBackoffMs');
  read('POS_COUNTY_PUSH_BATCH', 'pushBatch');
  return out;
}

/**
 * Turns each dirty (household, year) into one snapshot event of its totals now, in one transaction
 * with clearing the marks. It lands after every line that changed those totals, so the county can
 * check the snapshot against them.
 */
export function materializeSnapshots(db: CoreDeps['db'], at: string): number {
  return db
    .transaction(() => {
      const n = stmt(
        db,
        `INSERT INTO county_outbox (uuid, type, payload, at)
      SELECT lower(hex(randomblob(16))), 'household.year', json_object('householdId', t.household_id, 'year', t.year, 'awarded', t.awarded,
        'deducted', t.deducted, 'redeemed', t.redeemed, 'score', t.awarded - t.deducted, 'available', t.awarded - t.deducted - t.redeemed), ?
      FROM county_dirty d JOIN account_totals t ON t.household_id = d.household_id AND t.year = d.year ORDER BY d.household_id, d.year`,
      ).run(at).changes;
      stmt(db, 'DELETE FROM county_dirty').run();
      return n;
    })
    .immediate();
}

/**
 * A failed push as code and reason: the county's refusal as it answered, a network failure (status 0)
 * as OFFICE_UNREACHABLE / county_unreachable, anything else INTERNAL.
 */
export function failureOf(e: unknown): { code: string; reason: string | null } {
  if (e instanceof PeerError) {
    if (e.status === 0) return { code: 'OFFICE_UNREACHABLE', reason: 'county_unreachable' };
    const reason = e.details?.reason;
    return { code: e.code, reason: typeof reason === 'string' ? reason : null };
  }
  return { code: 'INTERNAL', reason: null };
}

/**
 * The village office's side of reporting upward: the counter's push loop (electron/sync/counter.ts)
 * pointed at the county and at county_outbox. In seq order, a batch at a time; the cursor moves only
 * on the county's acknowledgement, so a lost answer means a resend, which the county drops by uuid.
 */
export class CountyAgent {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;
  private state = {
    online: false,
    lastError: null as string | null,
    lastErrorCode: null as string | null,
    lastErrorReason: null as string | null,
    revoked: false,
  };
  readonly opts: CountyAgentOptions;

  constructor(
    private readonly deps: CoreDeps,
    opts: Partial<CountyAgentOptions> = {},
  ) {
    this.opts = { ...defaultCountyOptions, ...opts };
  }

  private get db() {
    return this.deps.db;
  }

  link(): CountyLink | null {
    return getSetting<CountyLink | null>(this.db, 'local.county.link', null);
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

  status(): CountyStatus {
    const link = this.link();
    const pushed = getSetting(this.db, 'local.county.pushedSeq', 0);
    const pending =
      (stmt(this.db, 'SELECT COUNT(*) AS n FROM county_outbox WHERE seq > ?').get(pushed) as { n: number }).n +
      (stmt(this.db, 'SELECT COUNT(*) AS n FROM county_dirty').get() as { n: number }).n;
    return {
      paired: link !== null,
      online: link !== null && this.state.online,
      countyUrl: link?.countyUrl ?? null,
      villageCode: link?.villageCode ?? null,
      villageName: link?.villageName ?? null,
      pending,
      lastPushAt: getSetting<string | null>(this.db, 'local.county.lastPushAt', null),
      lastError: this.state.lastError,
      lastErrorCode: this.state.lastErrorCode,
      lastErrorReason: this.state.lastErrorReason,
      revoked: this.state.revoked,
    };
  }

  async syncNow(): Promise<CountyStatus> {
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
        await this.push();
        this.failures = 0;
      } catch (e) {
        this.failures++;
        this.state.online = e instanceof PeerError && e.status !== 0;
        this.state.lastError = e instanceof Error ? e.message : String(e);
        const failure = failureOf(e);
        this.state.lastErrorCode = failure.code;
        this.state.lastErrorReason = failure.reason;
        if (e instanceof PeerError && e.details?.reason === 'revoked') this.state.revoked = true;
      } finally {
        this.running = null;
        const backoff = Math.min(this.opts.maxBackoffMs, this.opts.intervalMs * 2 ** Math.min(this.failures, 10));
        this.schedule(this.failures === 0 ? this.opts.intervalMs : backoff * (0.75 + Math.random() * 0.5));
      }
    })();
    return this.running;
  }

  private async push(): Promise<void> {
    const link = this.link();
    if (!link || this.state.revoked) return;
    materializeSnapshots(this.db, new Date().toISOString());
    const peer = { baseUrl: link.countyUrl, terminalId: link.terminalId, secret: link.secret };
    for (let guard = 0; guard < 100_000; guard++) {
      const after = getSetting(this.db, 'local.county.pushedSeq', 0);
      const rows = stmt(this.db, 'SELECT seq, uuid, type, payload, at FROM county_outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(
        after,
        this.opts.pushBatch,
      ) as { seq: number; uuid: string; type: string; payload: string; at: string }[];
      if (rows.length === 0) break;
      const events = rows.map((r) => ({ seq: r.seq, uuid: r.uuid, type: r.type, payload: JSON.parse(r.payload) as unknown, at: r.at }));
      let acked: number;
      try {
        acked = (
          await postSigned<{ acked: number }>(
            peer,
            '/county/push',
            { village: link.villageCode, after, events, sentAt: new Date().toISOString() },
            this.opts.timeoutMs,
            '县里',
          )
        ).acked;
      } catch (e) {
        // The county holds less than we think (restored from a backup): resend from where it is.
        if (e instanceof PeerError && e.details?.reason === 'gap' && typeof e.details.expected === 'number') {
          this.save({ 'local.county.pushedSeq': e.details.expected });
          continue;
        }
        throw e;
      }
      this.save({ 'local.county.pushedSeq': Math.min(acked, rows.at(-1)!.seq), 'local.county.lastPushAt': new Date().toISOString() });
    }
    this.state.online = true;
    this.state.lastError = null;
    this.state.lastErrorCode = null;
    this.state.lastErrorReason = null;
  }

  private save(values: Record<string, unknown>): void {
    this.db
      .transaction(() => {
        for (const [k, v] of Object.entries(values)) putSetting(this.db, k, v);
      })
      .immediate();
  }

  /** Pairs with the county by its one-time code; the first pairing queues what this office already holds, and pushing starts from the first event. */
  async pair(
    countyUrlInput: string,
    code: string,
    villageCode: string,
    caller: { userId: number | null; at: string },
  ): Promise<{ villageCode: string; villageName: string }> {
    const countyUrl = normalizeOfficeUrl(countyUrlInput);
    const keys = newKeyPair();
    let r: { terminalId: string; publicKey: string; villageCode: string; villageName: string };
    try {
      r = await postJson(
        new URL('/county/pair', countyUrl),
        { 'content-type': 'application/json' },
        JSON.stringify({ code, publicKey: keys.publicX, villageCode }),
        this.opts.timeoutMs,
        '县里',
      );
    } catch (e) {
      if (e instanceof PeerError) {
        if (e.status === 0) throw new AppError('OFFICE_UNREACHABLE', e.message, { reason: 'county_unreachable' });
        throw new AppError(e.code === 'FORBIDDEN' ? 'FORBIDDEN' : e.code === 'INVALID_INPUT' ? 'INVALID_INPUT' : 'UNAUTHENTICATED', e.message, e.details);
      }
      throw e;
    }
    const secret = deriveSecret(keys.privateKey, r.publicKey, code, r.terminalId);
    this.db
      .transaction(() => {
        putSetting(this.db, 'local.county.link', {
          countyUrl,
          terminalId: r.terminalId,
          secret,
          villageCode: r.villageCode,
          villageName: r.villageName,
          pairedAt: caller.at,
        } satisfies CountyLink);
        putSetting(this.db, 'local.county.pushedSeq', 0);
        const queued = startCountyReporting(this.db, caller.at);
        const history = queued > 0 ? `，排队报送已有记录 ${queued} 条` : '';
        writeAudit(this.db, caller.at, caller.userId, 'county.pair', `与县里 ${countyUrl} 配对：${r.villageName} (${r.villageCode})${history}`);
      })
      .immediate();
    this.state = { online: false, lastError: null, lastErrorCode: null, lastErrorReason: null, revoked: false };
    if (!this.stopped) this.schedule(0);
    return { villageCode: r.villageCode, villageName: r.villageName };
  }
}
