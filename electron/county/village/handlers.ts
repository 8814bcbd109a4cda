import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { handler } from '../../core/handler.js';
import { stmt } from '../../core/statements.js';
import { requiredText } from '../../core/validation.js';
import type { CountyStatus } from './agent.js';
import { countyReporting, queueTokenEvent } from './reporting.js';

function requireAgent(ctx: Ctx) {
  if (!ctx.deps.county) throw new AppError('FORBIDDEN', '只有村委会主机向县里报送 (only the village office reports to the county)', { reason: 'not_office' });
  return ctx.deps.county;
}

/** The QR token a household's passbook and card carry; the county sees only its hash. */
export function issueQrToken(ctx: Ctx, householdId: number, reissue: boolean): { token: string; issuedAt: string; reissued: boolean } {
  if (!stmt(ctx.db, 'SELECT 1 FROM households WHERE id = ?').get(householdId)) throw notFound('农户', { reason: 'unknown_household', householdId });
  const existing = stmt(ctx.db, 'SELECT token, issued_at FROM household_qr_tokens WHERE household_id = ?').get(householdId) as
    { token: string; issued_at: string } | undefined;
  if (existing && !reissue) return { token: existing.token, issuedAt: existing.issued_at, reissued: false };
  const token = randomBytes(18).toString('base64url');
  stmt(
    ctx.db,
    `INSERT INTO household_qr_tokens (household_id, token, issued_at) VALUES (?, ?, ?)
    ON CONFLICT (household_id) DO UPDATE SET token = excluded.token, issued_at = excluded.issued_at`,
  ).run(householdId, token, ctx.nowIso);
  if (countyReporting(ctx.db)) queueTokenEvent(ctx.db, householdId, token, ctx.nowIso);
  return { token, issuedAt: ctx.nowIso, reissued: existing !== undefined };
}

export const countyVillageHandlers = {
  'county.pairingStatus': handler({
    access: ['admin'],
    input: z.strictObject({}).optional(),
    // The village's own 统计用区划代码 (first-run wizard) comes along, so the pairing form can offer it.
    run: (ctx) => ({ ...(requireAgent(ctx).status() as CountyStatus), localVillageCode: ctx.village.code ?? null }),
  }),
  'county.pair': handler({
    access: ['admin'],
    input: z.strictObject({
      countyUrl: requiredText(200),
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, '配对码应为 8 位字母数字，如 K7QM-3XPA'),
      villageCode: z.string().regex(/^\d{12}$/, '村的区划代码应为12位数字'),
    }),
    run: (ctx, p) => requireAgent(ctx).pair(p.countyUrl, p.code, p.villageCode, { userId: ctx.me.id, at: ctx.nowIso }),
  }),
  'county.sync': handler({
    access: ['admin'],
    input: z.strictObject({}).optional(),
    run: async (ctx) => ({ ...((await requireAgent(ctx).syncNow()) as CountyStatus), localVillageCode: ctx.village.code ?? null }),
  }),
  'county.qrToken': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ householdId: z.number().int().positive(), reissue: z.boolean().default(false) }),
    run: (ctx, p) => {
      const r = issueQrToken(ctx, p.householdId, p.reissue);
      const link = ctx.deps.county?.link() ?? null;
      return { ...r, url: link ? `${link.countyUrl}/v/${r.token}` : null };
    },
    audit: (p, r) => `${r.reissued ? '重新生成' : '生成'}农户 ${p.householdId} 的查分二维码`,
  }),
  // A sheet of points cards: each household's current token, issued where it has none (never reissued here).
  'county.qrTokens': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ householdIds: z.array(z.number().int().positive()).min(1).max(2000) }),
    run: (ctx, p) => {
      const base = ctx.deps.county?.link()?.countyUrl ?? null;
      const items = [...new Set(p.householdIds)].map((householdId) => {
        const r = issueQrToken(ctx, householdId, false);
        return { householdId, token: r.token, url: base ? `${base}/v/${r.token}` : null };
      });
      return { items, issued: items.length };
    },
    audit: (p) => `打印积分卡：${p.householdIds.length} 户的查分二维码`,
  }),
};
