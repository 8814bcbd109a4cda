import { createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { DB } from '../../db/connection.js';
import { AppError } from '../core/errors.js';
import { requireRisingSeqs } from '../core/events/push-order.js';
import { defaultCounter, defaultVillage, getSetting, type CounterSettings, type VillageSettings } from '../core/settings.js';
import { stmt } from '../core/statements.js';
import { applyEvent } from './apply.js';
import { replayWindowMs, requestTerminal, verifyRequest, type SignedRequest } from './signing.js';
import { resolveRows, type Snapshot } from './tables.js';

// ---------------------------------------------------------------- pairing

/** No 0/O, 1/I/L: the code is read off a screen and typed at the counter. ~40 bits, one use, 10 minutes. */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const pairingMinutes = 10;

export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const codeHash = (code: string): string =>
  createHash('sha256')
    .update(`pairing:${normalizeCode(code)}`)
    .digest('hex');

function takenCounterIds(db: DB, now: string): Set<string> {
  const ids = new Set<string>([getSetting<CounterSettings>(db, 'counter', defaultCounter).counterId]);
  for (const r of stmt(db, 'SELECT counter_id FROM sync_terminals').all() as { counter_id: string }[]) ids.add(r.counter_id);
  for (const r of stmt(db, 'SELECT counter_id FROM sync_pairing_codes WHERE used_at IS NULL AND expires_at > ?').all(now) as { counter_id: string }[])
    ids.add(r.counter_id);
  return ids;
}

/**
 * A one-time code for one new counter, with the counter id its receipts will carry. A counter id is
 * never given twice, not even after a revoke: receipt numbers must stay unique across the village.
 */
export function createPairingCode(db: DB, p: { counterId?: string; name?: string; userId: number | null; now: Date }) {
  const nowIso = p.now.toISOString();
  const taken = takenCounterIds(db, nowIso);
  let counterId = p.counterId;
  if (counterId !== undefined && taken.has(counterId)) {
    throw new AppError('CONFLICT', `柜台编号 ${counterId} 已被使用 (counter id in use)`, { counterId });
  }
  for (let n = 2; counterId === undefined && n < 100; n++) {
    const candidate = `C${String(n).padStart(2, '0')}`;
    if (!taken.has(candidate)) counterId = candidate;
  }
  if (!counterId) throw new AppError('CONFLICT', '柜台编号已用完 (no counter id left)');
  const raw = Array.from({ length: 8 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(p.now.getTime() + pairingMinutes * 60_000).toISOString();
  const name = p.name?.trim() || `柜台 ${counterId}`;
  stmt(db, 'INSERT INTO sync_pairing_codes (code_hash, counter_id, name, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    codeHash(code),
    counterId,
    name,
    p.userId,
    nowIso,
    expiresAt,
  );
  return { code, expiresAt, counterId, name };
}

export const syncInfo = 'points-supermarket sync v1';

/** Both ends derive the HMAC key from an X25519 exchange bound to the code: it never crosses the LAN. */
export function deriveSecret(privateKey: ReturnType<typeof createPrivateKey>, peerPublicX: string, code: string, terminalId: string): string {
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: peerPublicX }, format: 'jwk' });
  const shared = diffieHellman({ privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', shared, normalizeCode(code), `${syncInfo} ${terminalId}`, 32)).toString('base64url');
}

export function newKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privateKey, publicX: publicKey.export({ format: 'jwk' }).x as string };
}

// Guessing codes: after this many wrong ones inside the window, every open code is withdrawn.
const maxFailures = 20;
const failures: number[] = [];

export function pairTerminal(db: DB, body: unknown, now: Date, address: string | undefined) {
  const b = body as { code?: unknown; publicKey?: unknown; name?: unknown };
  if (typeof b?.code !== 'string' || typeof b.publicKey !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(b.publicKey)) {
    throw new AppError('INVALID_INPUT', '配对请求无效 (bad pairing request)', { reason: 'bad_pairing_request' });
  }
  const nowIso = now.toISOString();
  const publicKey = checkPublicKey(b.publicKey);
  return db
    .transaction(() => {
      const row = stmt(db, 'SELECT code_hash, counter_id, name, expires_at, used_at FROM sync_pairing_codes WHERE code_hash = ?').get(
        codeHash(b.code as string),
      ) as { code_hash: string; counter_id: string; name: string; expires_at: string; used_at: string | null } | undefined;
      if (!row || row.used_at || row.expires_at <= nowIso) {
        const err = new AppError('UNAUTHENTICATED', '配对码无效或已过期，请在村委会重新生成 (pairing code invalid or expired)', { reason: 'pairing_code' });
        // Counted, and the codes withdrawn, after this transaction rolls back: a lockout written inside it would be undone by the throw.
        err.afterRollback = () => noteFailedCode(db, now);
        throw err;
      }
      const terminalId = `T${randomBytes(6).toString('hex')}`;
      const keys = newKeyPair();
      const secret = deriveSecret(keys.privateKey, publicKey, b.code as string, terminalId);
      const name = typeof b.name === 'string' && b.name.trim() ? `${row.name}（${b.name.trim().slice(0, 40)}）` : row.name;
      stmt(db, 'INSERT INTO sync_terminals (id, name, counter_id, secret, paired_at, last_seen_at, last_address) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        terminalId,
        name,
        row.counter_id,
        secret,
        nowIso,
        nowIso,
        address ?? null,
      );
      stmt(db, 'UPDATE sync_pairing_codes SET used_at = ?, terminal_id = ? WHERE code_hash = ?').run(nowIso, terminalId, row.code_hash);
      return {
        terminalId,
        counterId: row.counter_id,
        publicKey: keys.publicX,
        village: getSetting<VillageSettings>(db, 'village', defaultVillage),
        schema: schemaVersion(db),
      };
    })
    .immediate();
}

/** Guessing codes: after maxFailures wrong ones inside the window, every open code is withdrawn. */
function noteFailedCode(db: DB, now: Date): void {
  failures.push(now.getTime());
  while (failures.length && failures[0] < now.getTime() - pairingMinutes * 60_000) failures.shift();
  if (failures.length >= maxFailures) {
    stmt(db, 'UPDATE sync_pairing_codes SET used_at = ? WHERE used_at IS NULL').run(now.toISOString());
    failures.length = 0;
  }
}

/**
 * A counter's X25519 public key, as a key the exchange can use. A key that does not decode, or a
 * low-order point (all zeros and friends) that would give an all-zero shared secret, is bad input.
 */
function checkPublicKey(x: string): string {
  try {
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });
    diffieHellman({ privateKey: probeKey, publicKey });
    return x;
  } catch {
    throw new AppError('INVALID_INPUT', '配对请求中的公钥无效 (bad public key)', { reason: 'bad_public_key' });
  }
}
const probeKey = generateKeyPairSync('x25519').privateKey;

// ---------------------------------------------------------------- authenticating a terminal

export interface Terminal {
  id: string;
  name: string;
  counter_id: string;
  secret: string;
  revoked_at: string | null;
  last_outbox_seq: number;
  last_pull_seq: number;
}

/**
 * A signed request from a known, unrevoked terminal, inside the window, never seen before. The
 * signature is checked before the nonce is stored, so forged requests cannot fill the nonce table.
 */
export function authenticate(db: DB, req: SignedRequest, now: Date, address: string | undefined): Terminal {
  const id = requestTerminal(req);
  const t = id
    ? (stmt(db, 'SELECT id, name, counter_id, secret, revoked_at, last_outbox_seq, last_pull_seq FROM sync_terminals WHERE id = ?').get(id) as
        Terminal | undefined)
    : undefined;
  if (!t) throw new AppError('UNAUTHENTICATED', '未知终端，请重新配对 (unknown terminal)', { reason: 'unknown_terminal' });
  const v = verifyRequest(t.secret, req, now.getTime());
  if (!v.ok) {
    const message = v.reason === 'stale' ? '请求时间超出允许范围，请校准电脑时间 (request outside the time window)' : '签名无效 (bad signature)';
    throw new AppError('UNAUTHENTICATED', message, { reason: v.reason });
  }
  if (t.revoked_at) throw new AppError('FORBIDDEN', '该终端已被村委会停用 (terminal revoked)', { reason: 'revoked' });
  db.transaction(() => {
    stmt(db, 'DELETE FROM sync_nonces WHERE at < ?').run(now.getTime() - replayWindowMs - 60_000);
    const fresh = stmt(db, 'INSERT OR IGNORE INTO sync_nonces (terminal_id, nonce, at) VALUES (?, ?, ?)').run(t.id, v.nonce, v.time).changes === 1;
    if (!fresh) throw new AppError('UNAUTHENTICATED', '重复的请求 (replayed request)', { reason: 'replay' });
    stmt(db, 'UPDATE sync_terminals SET last_seen_at = ?, last_address = ? WHERE id = ?').run(now.toISOString(), address ?? null, t.id);
  }).immediate();
  return t;
}

export function schemaVersion(db: DB): number {
  return (stmt(db, 'SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}

// ---------------------------------------------------------------- push

export interface PushedEvent {
  seq: number;
  uuid: string;
  type: string;
  payload?: unknown;
  at: string;
}

const seqNo = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** The envelope only: a payload that is not its type's declared shape is refused (and acknowledged) event by event. */
const pushBody = z.object({
  after: seqNo,
  events: z
    .array(z.object({ seq: seqNo, uuid: z.string().min(1).max(64), type: z.string().max(64), payload: z.unknown().optional(), at: z.string().max(64) }))
    .max(1000),
});

function validPush(body: unknown): { after: number; events: PushedEvent[] } {
  const r = pushBody.safeParse(body);
  if (!r.success) throw new AppError('INVALID_INPUT', '推送内容无效 (bad push)', { reason: 'bad_push', path: r.error.issues[0]?.path.join('.') });
  requireRisingSeqs(r.data.after, r.data.events);
  return r.data;
}

/**
 * One batch, one transaction. A batch must continue from what this office already holds of the
 * terminal (its last outbox seq): one starting further on would leave a gap and is refused with the
 * seq to resend from. Anything at or before it is a retransmission, deduplicated by uuid.
 */
export function acceptPush(db: DB, t: Terminal, body: unknown, now: Date) {
  const { after, events } = validPush(body);
  return db
    .transaction(() => {
      const last = (stmt(db, 'SELECT last_outbox_seq FROM sync_terminals WHERE id = ?').get(t.id) as { last_outbox_seq: number }).last_outbox_seq;
      if (after > last) throw new AppError('CONFLICT', '推送不连续，请从村委会已收到的位置重发 (gap: resend)', { reason: 'gap', expected: last });
      const tally = { applied: 0, duplicates: 0, ignored: 0, failed: 0, refused: 0, conflicts: 0 };
      for (const e of events) {
        const o = applyEvent(
          db,
          { uuid: e.uuid, type: e.type, payload: e.payload, at: e.at, origin: t.id, originSeq: e.seq, originCounter: t.counter_id },
          'office',
          now,
        );
        tally[o.status === 'duplicate' ? 'duplicates' : o.status] += 1;
        tally.conflicts += o.conflicts;
      }
      const acked = Math.max(last, events.at(-1)?.seq ?? after);
      stmt(db, 'UPDATE sync_terminals SET last_outbox_seq = ? WHERE id = ?').run(acked, t.id);
      return { acked, ...tally, schema: schemaVersion(db) };
    })
    .immediate();
}

// ---------------------------------------------------------------- pull

export type PullItem =
  | { seq: number; row: { table: string; key: string; data: Snapshot } }
  | { seq: number; event: { uuid: string; origin: string; type: string; payload: Record<string, unknown>; at: string } };

interface FeedRow {
  seq: number;
  uuid: string | null;
  origin: string;
  type: string;
  tbl: string | null;
  row_key: string | null;
  payload: string | null;
  at: string;
}

export const maxPullBatch = 5000;

/**
 * What changed since the terminal's cursor: office rows as they are now (each once per batch, at
 * its first position), and events from every origin but the terminal itself. A cursor beyond what
 * this office remembers serving means the office was restored from an older backup and its feed
 * numbers start again lower: it serves from what it remembers, so nothing new is skipped.
 */
export function servePull(db: DB, t: Terminal, body: unknown) {
  const b = body as { after?: unknown; limit?: unknown };
  if (typeof b?.after !== 'number' || !Number.isSafeInteger(b.after) || b.after < 0)
    throw new AppError('INVALID_INPUT', '拉取内容无效 (bad pull)', { reason: 'bad_pull' });
  const limit = typeof b.limit === 'number' && Number.isSafeInteger(b.limit) ? Math.min(Math.max(b.limit, 1), maxPullBatch) : 2000;
  const after = Math.min(b.after, t.last_pull_seq);
  const rows = stmt(db, 'SELECT seq, uuid, origin, type, tbl, row_key, payload, at FROM sync_feed WHERE seq > ? ORDER BY seq LIMIT ?').all(
    after,
    limit,
  ) as FeedRow[];
  const last = (stmt(db, 'SELECT COALESCE(MAX(seq), 0) AS s FROM sync_feed').get() as { s: number }).s;
  const wanted = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const order: FeedRow[] = [];
  for (const r of rows) {
    if (r.type === 'row') {
      const k = `${r.tbl}\u0000${r.row_key}`;
      if (seen.has(k)) continue;
      seen.add(k);
      (wanted.get(r.tbl!) ?? wanted.set(r.tbl!, new Set()).get(r.tbl!)!).add(r.row_key!);
      order.push(r);
    } else if (r.origin !== t.id) {
      order.push(r);
    }
  }
  const resolved = new Map<string, Map<string, Snapshot>>();
  for (const [table, keys] of wanted) resolved.set(table, resolveRows(db, table, [...keys], { forCounter: true }));
  const items: PullItem[] = order.map((r) =>
    r.type === 'row'
      ? { seq: r.seq, row: { table: r.tbl!, key: r.row_key!, data: resolved.get(r.tbl!)!.get(r.row_key!) ?? null } }
      : { seq: r.seq, event: { uuid: r.uuid!, origin: r.origin, type: r.type, payload: JSON.parse(r.payload ?? '{}'), at: r.at } },
  );
  const next = rows.at(-1)?.seq ?? after;
  db.transaction(() => stmt(db, 'UPDATE sync_terminals SET last_pull_seq = ? WHERE id = ? AND last_pull_seq < ?').run(next, t.id, next)).immediate();
  const conflicts = (stmt(db, 'SELECT COUNT(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL AND counter_id = ?').get(t.counter_id) as { n: number }).n;
  return { items, next, last, conflicts, refused: refusedFor(db, t.id), schema: schemaVersion(db) };
}

export interface RefusedEvent {
  uuid: string;
  type: string;
  reason: string;
  ref: string | null;
  at: string;
}

/** What the office refused of this terminal's events, newest first: the counter shows it (sync.status). */
export function refusedFor(db: DB, terminalId: string, limit = 20): { count: number; items: RefusedEvent[] } {
  const count = (stmt(db, "SELECT COUNT(*) AS n FROM sync_inbox WHERE origin = ? AND status = 'refused'").get(terminalId) as { n: number }).n;
  const items =
    count === 0
      ? []
      : (
          stmt(
            db,
            `SELECT uuid, type, reason, at, COALESCE(json_extract(payload, '$.receiptNo'), json_extract(payload, '$.noteNo'),
      json_extract(payload, '$.sheetNo')) AS ref FROM sync_inbox WHERE origin = ? AND status = 'refused' ORDER BY at DESC, origin_seq DESC LIMIT ?`,
          ).all(terminalId, limit) as { uuid: string; type: string; reason: string; at: string; ref: unknown }[]
        ).map((r) => ({ uuid: r.uuid, type: r.type, reason: r.reason, at: r.at, ref: typeof r.ref === 'string' ? r.ref.slice(0, 64) : null }));
  return { count, items };
}

// ---------------------------------------------------------------- the office's own views

export function listTerminals(db: DB) {
  const feedLast = (stmt(db, 'SELECT COALESCE(MAX(seq), 0) AS s FROM sync_feed').get() as { s: number }).s;
  const rows = stmt(
    db,
    `SELECT t.id, t.name, t.counter_id, t.paired_at, t.last_seen_at, t.last_address, t.last_outbox_seq, t.last_pull_seq,
      t.revoked_at, t.revoke_reason, (SELECT COUNT(*) FROM sync_inbox i WHERE i.origin = t.id) AS events,
      (SELECT COUNT(*) FROM sync_conflicts c WHERE c.counter_id = t.counter_id AND c.resolved_at IS NULL) AS conflicts
    FROM sync_terminals t ORDER BY t.counter_id`,
  ).all() as {
    id: string;
    name: string;
    counter_id: string;
    paired_at: string;
    last_seen_at: string | null;
    last_address: string | null;
    last_outbox_seq: number;
    last_pull_seq: number;
    revoked_at: string | null;
    revoke_reason: string | null;
    events: number;
    conflicts: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    counterId: r.counter_id,
    pairedAt: r.paired_at,
    lastSeenAt: r.last_seen_at,
    lastAddress: r.last_address,
    eventsReceived: r.events,
    lastOutboxSeq: r.last_outbox_seq,
    behind: Math.max(0, feedLast - r.last_pull_seq),
    revoked: r.revoked_at !== null,
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    openConflicts: r.conflicts,
  }));
}

export function revokeTerminal(db: DB, p: { terminalId: string; reason: string; userId: number | null; now: Date }) {
  const t = stmt(db, 'SELECT id, counter_id, revoked_at FROM sync_terminals WHERE id = ?').get(p.terminalId) as
    { id: string; counter_id: string; revoked_at: string | null } | undefined;
  if (!t) throw new AppError('NOT_FOUND', '终端不存在 (not found)', { terminalId: p.terminalId });
  if (t.revoked_at) throw new AppError('CONFLICT', '该终端已停用 (already revoked)', { terminalId: p.terminalId });
  stmt(db, 'UPDATE sync_terminals SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?').run(p.now.toISOString(), p.userId, p.reason, t.id);
  return { terminalId: t.id, counterId: t.counter_id, revokedAt: p.now.toISOString() };
}

interface ConflictRow {
  id: number;
  kind: string;
  reason: string | null;
  counter_id: string | null;
  household_id: number | null;
  item_id: number | null;
  year: number | null;
  events: string;
  detail: string;
  at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
  resolution: string | null;
}

export function listConflicts(db: DB, p: { open?: boolean; limit: number }) {
  return (
    stmt(
      db,
      `SELECT c.*, u.name AS resolved_by_name FROM sync_conflicts c LEFT JOIN users u ON u.id = c.resolved_by
      WHERE (@open IS NULL OR (@open = 1) = (c.resolved_at IS NULL)) ORDER BY c.id DESC LIMIT @limit`,
    ).all({ open: p.open === undefined ? null : p.open ? 1 : 0, limit: p.limit }) as ConflictRow[]
  ).map((r) => ({
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    counterId: r.counter_id,
    householdId: r.household_id,
    itemId: r.item_id,
    year: r.year,
    events: JSON.parse(r.events) as string[],
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    at: r.at,
    resolved: r.resolved_at !== null,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by_name,
    resolution: r.resolution,
  }));
}

export function resolveConflict(db: DB, p: { id: number; resolution: string; userId: number | null; now: Date }) {
  const c = stmt(db, 'SELECT id, resolved_at FROM sync_conflicts WHERE id = ?').get(p.id) as { id: number; resolved_at: string | null } | undefined;
  if (!c) throw new AppError('NOT_FOUND', '冲突记录不存在 (not found)', { id: p.id });
  if (c.resolved_at) throw new AppError('CONFLICT', '该冲突已处理 (already resolved)', { id: p.id });
  stmt(db, 'UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?').run(p.now.toISOString(), p.userId, p.resolution, p.id);
  return { id: p.id, resolvedAt: p.now.toISOString() };
}

export const openConflictCount = (db: DB): number => (stmt(db, 'SELECT COUNT(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number }).n;
