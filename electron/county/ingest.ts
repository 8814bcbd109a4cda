import type pg from 'pg';
import { AppError } from '../core/errors.js';
import { requireRisingSeqs } from '../core/events/push-order.js';
import { tx } from './db/pool.js';
import { bulkAppliers } from './events/bulk.js';
import type { Finding } from './events/checks.js';
import { pushBody, upwardPayloads, type UpwardType } from './events/schemas.js';
import type { VillageLink } from './pairing.js';

export interface PushResult {
  acked: number;
  applied: number;
  duplicates: number;
  flagged: number;
}

interface Fresh {
  uuid: string;
  seq: number;
  type: string;
  payload: unknown;
  data?: unknown;
  finding?: Finding;
}

/**
 * Types whose writers read nothing that another of them writes (they read the households, or
 * nothing, and the month and item totals they touch only add up): events of these types may be
 * applied grouped by type, in seq order within each type, with the result of seq order. A village's
 * outbox interleaves awards and redemptions a few at a time; grouped, a push of 500 is a couple of
 * runs rather than a hundred. Households (read by these), snapshots, voids and day closes (which read
 * the lines) are barriers.
 */
const commuting = new Set<string>(['ledger.line', 'redemption.line', 'funding', 'board', 'award.decision', 'household.token'] satisfies UpwardType[]);

/**
 * A village's push, in one transaction: continues from at most the seq acknowledged last (a gap is
 * refused with the expected seq, as at the office), takes each uuid once (a resend after a lost
 * answer is dropped by uuid, never by seq, so a village whose cursor went back loses nothing),
 * parses each payload with its type's schema, applies it or keeps it as a conflict with the
 * reason, and acknowledges the batch so the channel keeps flowing. Events apply in seq order, a run
 * of consecutive events of one type at a time, set-based (events/bulk.ts).
 */
export async function acceptVillagePush(pool: pg.Pool, link: VillageLink, body: unknown, now: Date): Promise<PushResult> {
  const parsed = pushBody.safeParse(body);
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', `推送内容无效 (bad push): ${parsed.error.issues[0]?.message ?? ''}`, {
      reason: 'bad_push',
      path: parsed.error.issues[0]?.path.join('.') ?? '',
    });
  const b = parsed.data;
  if (b.village !== link.village_code) {
    throw new AppError('FORBIDDEN', `本连接只能报送 ${link.village_code} 的数据 (a village writes only its own data)`, { reason: 'wrong_village' });
  }
  const top = requireRisingSeqs(b.after, b.events);
  if (new Set(b.events.map((e) => e.uuid)).size !== b.events.length)
    throw new AppError('INVALID_INPUT', '同一批内事件编号重复 (uuid repeated in one push)', { reason: 'push_uuid_repeated' });
  const v = link.village_code;
  return tx(pool, async (c) => {
    const last = Number((await c.query('SELECT last_seq FROM village_links WHERE terminal_id = $1 FOR UPDATE', [link.terminal_id])).rows[0].last_seq);
    if (b.after > last) throw new AppError('CONFLICT', `县里只收到序号 ${last} 为止，请从那里续传 (gap)`, { reason: 'gap', expected: last });
    const r: PushResult = { acked: Math.max(last, top), applied: 0, duplicates: 0, flagged: 0 };
    const taken =
      b.events.length === 0
        ? new Set<string>()
        : new Set(
            (
              await c.query(
                `INSERT INTO inbox (uuid, village_code, seq, type, status, received_at)
      SELECT u, $1, s, t, 'applied', $2 FROM unnest($3::text[], $4::bigint[], $5::text[]) AS x(u, s, t) ON CONFLICT DO NOTHING RETURNING uuid`,
                [v, now, b.events.map((e) => e.uuid), b.events.map((e) => e.seq), b.events.map((e) => e.type)],
              )
            ).rows.map((x) => x.uuid as string),
          );
    r.duplicates = b.events.length - taken.size;
    const fresh: Fresh[] = b.events
      .filter((e) => taken.has(e.uuid))
      .map((e) => {
        const schema = Object.hasOwn(upwardPayloads, e.type) ? upwardPayloads[e.type as UpwardType] : undefined;
        if (!schema) return { ...e, finding: { reason: 'unknown_type', detail: `未知的事件类型 ${e.type}` } };
        const p = schema.safeParse(e.payload);
        return p.success
          ? { ...e, data: p.data }
          : {
              ...e,
              finding: {
                reason: 'invalid_payload',
                detail: p.error.issues
                  .map((i) => `${i.path.join('.')}: ${i.message}`)
                  .join('; ')
                  .slice(0, 500),
              },
            };
      });
    // Seq order, a stretch at a time: a stretch of one type, or of types that commute (`commuting`),
    // applied type by type, each type's events in seq order: the result seq order would give.
    const pending = fresh.filter((e) => !e.finding);
    for (let i = 0; i < pending.length;) {
      const together = (t: string) => (commuting.has(pending[i].type) ? commuting.has(t) : t === pending[i].type);
      let j = i + 1;
      while (j < pending.length && together(pending[j].type)) j++;
      const byType = new Map<string, Fresh[]>();
      for (const e of pending.slice(i, j)) {
        const run = byType.get(e.type);
        if (run) run.push(e);
        else byType.set(e.type, [e]);
      }
      for (const [type, run] of byType) {
        const apply = bulkAppliers[type as UpwardType] as (c: pg.PoolClient, v: string, run: unknown[]) => Promise<Map<number, Finding>>;
        for (const [k, f] of await apply(
          c,
          v,
          run.map((e) => e.data),
        ))
          run[k].finding = f;
      }
      i = j;
    }
    const flagged = fresh.filter((e) => e.finding);
    r.flagged = flagged.length;
    r.applied = fresh.length - flagged.length;
    if (flagged.length) {
      await c.query("UPDATE inbox SET status = 'flagged' WHERE uuid = ANY($1::text[])", [flagged.map((e) => e.uuid)]);
      await c.query(
        `INSERT INTO conflicts (village_code, uuid, type, reason, detail, payload, at)
        SELECT $1, u, t, r, d, p::jsonb, $2 FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS x(u, t, r, d, p, n) ORDER BY n`,
        [
          v,
          now,
          flagged.map((e) => e.uuid),
          flagged.map((e) => e.type),
          flagged.map((e) => e.finding!.reason),
          flagged.map((e) => e.finding!.detail),
          flagged.map((e) => JSON.stringify(e.payload ?? null)),
        ],
      );
    }
    const sentAt = Number.isNaN(Date.parse(b.sentAt)) ? now : new Date(b.sentAt);
    await c.query('UPDATE village_links SET last_seq = $1, last_push_at = $2, as_of = $3, duplicates = duplicates + $4 WHERE terminal_id = $5', [
      r.acked,
      now,
      sentAt,
      r.duplicates,
      link.terminal_id,
    ]);
    return r;
  });
}
