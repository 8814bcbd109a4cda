import { randomBytes, randomInt } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { codeAlphabet, codeHash, deriveSecret, newKeyPair, pairingMinutes } from '../sync/office.js';
import { replayWindowMs, requestTerminal, verifyRequest, type SignedRequest } from '../sync/signing.js';
import { tx } from './db/pool.js';

/**
 * A village office pairs with the county exactly as a counter pairs with its office (electron/sync):
 * a one-time code issued by the county admin for one registered village, an X25519 exchange bound to
 * the code, and from then on HMAC-signed requests. The code's village is the only village that link
 * may ever write.
 */
export async function issueVillageCode(
  pool: pg.Pool,
  villageCode: string,
  userId: number,
  now: Date,
): Promise<{ code: string; expiresAt: string; villageCode: string }> {
  const v = (await pool.query("SELECT name FROM areas WHERE code = $1 AND level = 'village'", [villageCode])).rows[0];
  if (!v) throw new AppError('NOT_FOUND', '该村未登记 (village not registered)', { villageCode });
  const raw = Array.from({ length: 8 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(now.getTime() + pairingMinutes * 60_000).toISOString();
  await pool.query('INSERT INTO village_pairing_codes (code_hash, village_code, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    codeHash(code),
    villageCode,
    userId,
    now,
    expiresAt,
  ]);
  return { code, expiresAt, villageCode };
}

export const pairRequest = z.strictObject({
  code: z.string().max(20),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The village's own idea of its code (settings): must match the code's village, so a code typed into the wrong village fails. */
  villageCode: z.string().regex(/^\d{12}$/),
});

const maxFailures = 20;
const failures: number[] = [];

export async function pairVillage(pool: pg.Pool, body: unknown, now: Date) {
  const b = pairRequest.safeParse(body);
  if (!b.success) throw new AppError('INVALID_INPUT', '配对请求无效 (bad pairing request)');
  return tx(pool, async (c) => {
    const row = (
      await c.query('SELECT code_hash, village_code, expires_at, used_at FROM village_pairing_codes WHERE code_hash = $1 FOR UPDATE', [codeHash(b.data.code)])
    ).rows[0] as { code_hash: string; village_code: string; expires_at: Date; used_at: Date | null } | undefined;
    if (!row || row.used_at || row.expires_at <= now) {
      failures.push(now.getTime());
      while (failures.length && failures[0] < now.getTime() - pairingMinutes * 60_000) failures.shift();
      if (failures.length >= maxFailures) {
        await c.query('UPDATE village_pairing_codes SET used_at = $1 WHERE used_at IS NULL', [now]);
        failures.length = 0;
        await c.query('COMMIT');
        await c.query('BEGIN');
      }
      throw new AppError('UNAUTHENTICATED', '配对码无效或已过期，请向县里重新申请 (pairing code invalid or expired)');
    }
    if (row.village_code !== b.data.villageCode) {
      throw new AppError('FORBIDDEN', `此配对码属于另一个村 (${row.village_code})，与本村代码不符 (code issued for another village)`, {
        reason: 'wrong_village',
        villageCode: row.village_code,
      });
    }
    const terminalId = `V${randomBytes(6).toString('hex')}`;
    const keys = newKeyPair();
    const secret = deriveSecret(keys.privateKey, b.data.publicKey, b.data.code, terminalId);
    // A village pairs once at a time: an earlier link of the same village stops being accepted.
    await c.query('UPDATE village_links SET revoked_at = $1 WHERE village_code = $2 AND revoked_at IS NULL', [now, row.village_code]);
    // A new link starts from the village's first event: the uuids already received are dropped as
    // repeats, and a reinstalled village (its seqs start again) loses nothing.
    await c.query('INSERT INTO village_links (terminal_id, village_code, secret, paired_at) VALUES ($1, $2, $3, $4)', [
      terminalId,
      row.village_code,
      secret,
      now,
    ]);
    await c.query('UPDATE village_pairing_codes SET used_at = $1, terminal_id = $2 WHERE code_hash = $3', [now, terminalId, row.code_hash]);
    const name = (await c.query('SELECT name FROM areas WHERE code = $1', [row.village_code])).rows[0].name as string;
    return { terminalId, publicKey: keys.publicX, villageCode: row.village_code, villageName: name };
  });
}

export interface VillageLink {
  terminal_id: string;
  village_code: string;
  secret: string;
  revoked_at: Date | null;
  last_seq: number;
}

/** A signed request from a known, unrevoked link, inside the window, never seen before (sync/office.ts's rules). */
export async function authenticateVillage(pool: pg.Pool, req: SignedRequest, now: Date): Promise<VillageLink> {
  const id = requestTerminal(req);
  const link = id
    ? ((await pool.query('SELECT terminal_id, village_code, secret, revoked_at, last_seq FROM village_links WHERE terminal_id = $1', [id])).rows[0] as
        VillageLink | undefined)
    : undefined;
  if (!link) throw new AppError('UNAUTHENTICATED', '未知的村，请重新配对 (unknown village link)', { reason: 'unknown_terminal' });
  const v = verifyRequest(link.secret, req, now.getTime());
  if (!v.ok) {
    throw new AppError(
      'UNAUTHENTICATED',
      v.reason === 'stale' ? '请求时间超出允许范围，请校准电脑时间 (request outside the time window)' : '签名无效 (bad signature)',
      { reason: v.reason },
    );
  }
  if (link.revoked_at) throw new AppError('FORBIDDEN', '该村的连接已停用，请重新配对 (link revoked)', { reason: 'revoked' });
  await pool.query('DELETE FROM nonces WHERE at < $1', [now.getTime() - replayWindowMs - 60_000]);
  const fresh =
    (await pool.query('INSERT INTO nonces (terminal_id, nonce, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [link.terminal_id, v.nonce, v.time]))
      .rowCount === 1;
  if (!fresh) throw new AppError('UNAUTHENTICATED', '重复的请求 (replayed request)', { reason: 'replay' });
  return link;
}
