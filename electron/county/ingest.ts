import type pg from 'pg';
import { AppError } from '../core/errors.js';
import { tx } from './db/pool.js';
import { appliers } from './events/apply.js';
import { pushBody, upwardPayloads, type UpwardType } from './events/schemas.js';
import type { VillageLink } from './pairing.js';

export interface PushResult { acked: number; applied: number; duplicates: number; flagged: number }

/**
 * A village's push, in one transaction: continues from at most the seq acknowledged last (a gap is
 * refused with the expected seq, as at the office), takes each uuid once (a resend after a lost
 * answer is dropped by uuid, never by seq, so a village whose cursor went back loses nothing), parses each payload with its type's schema, applies it or keeps it as a conflict with the
 * reason, and acknowledges the batch so the channel keeps flowing.
 */
export async function acceptVillagePush(pool: pg.Pool, link: VillageLink, body: unknown, now: Date): Promise<PushResult> {
  const parsed = pushBody.safeParse(body);
  if (!parsed.success) throw new AppError('INVALID_INPUT', `推送内容无效 (bad push): ${parsed.error.issues[0]?.message ?? ''}`);
  const b = parsed.data;
  if (b.village !== link.village_code) {
    throw new AppError('FORBIDDEN', `本连接只能报送 ${link.village_code} 的数据 (a village writes only its own data)`, { reason: 'wrong_village' });
  }
  let prev = b.after;
  for (const e of b.events) {
    if (e.seq <= prev) throw new AppError('INVALID_INPUT', '事件序号应递增 (event seqs must increase)');
    prev = e.seq;
  }
  return tx(pool, async (c) => {
    const last = (await c.query('SELECT last_seq FROM village_links WHERE terminal_id = $1 FOR UPDATE', [link.terminal_id])).rows[0].last_seq as number;
    if (b.after > last) throw new AppError('CONFLICT', `县里只收到序号 ${last} 为止，请从那里续传 (gap)`, { reason: 'gap', expected: last });
    const r: PushResult = { acked: last, applied: 0, duplicates: 0, flagged: 0 };
    for (const e of b.events) {
      const fresh = (await c.query(`INSERT INTO inbox (uuid, village_code, seq, type, status, received_at) VALUES ($1, $2, $3, $4, 'applied', $5)
        ON CONFLICT DO NOTHING`, [e.uuid, link.village_code, e.seq, e.type, now])).rowCount === 1;
      r.acked = Math.max(r.acked, e.seq);
      if (!fresh) {
        r.duplicates++;
        continue;
      }
      const schema = Object.hasOwn(upwardPayloads, e.type) ? upwardPayloads[e.type as UpwardType] : undefined;
      const payload = schema?.safeParse(e.payload);
      let finding = !schema ? { reason: 'unknown_type', detail: `未知的事件类型 ${e.type}` }
        : !payload!.success ? { reason: 'invalid_payload', detail: payload!.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 500) }
          : null;
      if (!finding) {
        await c.query('SAVEPOINT ev');
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        finding = await (appliers[e.type as UpwardType] as any)(c, link.village_code, payload!.data);
        await c.query(finding ? 'ROLLBACK TO SAVEPOINT ev' : 'RELEASE SAVEPOINT ev');
      }
      if (finding) {
        r.flagged++;
        await c.query("UPDATE inbox SET status = 'flagged' WHERE uuid = $1", [e.uuid]);
        await c.query('INSERT INTO conflicts (village_code, uuid, type, reason, detail, payload, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [link.village_code, e.uuid, e.type, finding.reason, finding.detail, JSON.stringify(e.payload ?? null), now]);
      } else r.applied++;
    }
    const sentAt = Number.isNaN(Date.parse(b.sentAt)) ? now : new Date(b.sentAt);
    await c.query('UPDATE village_links SET last_seq = $1, last_push_at = $2, as_of = $3, duplicates = duplicates + $4 WHERE terminal_id = $5', [r.acked, now, sentAt, r.duplicates, link.terminal_id]);
    return r;
  });
}
