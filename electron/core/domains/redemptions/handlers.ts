import { z } from 'zod';
import { handler } from '../../handler.js';
import { date, id, pin, points, qty, requestId, username, requiredNoteText } from '../../validation.js';
import { redeem } from './redemption.js';
import { getRedemption, listRedemptions } from './queries.js';
import { voidRedemption } from './void.js';

const supervisor = { supervisorUsername: username, supervisorPin: pin };

export const redemptionHandlers = {
  'redemptions.create': handler({
    access: ['shopkeeper'],
    write: true,
    input: z.strictObject({
      householdId: id,
      lines: z
        .array(z.strictObject({ itemId: id, qty, points: points.optional(), providerId: id.optional() }))
        .min(1, '购物车是空的')
        .max(50),
      requestId,
      override: z.strictObject({ ...supervisor, reason: requiredNoteText(200) }).optional(),
    }),
    run: (ctx, p) => redeem(ctx, p, { kind: 'counter' }),
    // An override given on a redemption day is not used; the supervisor and reason are noted only when it is (see redeem).
    audit: (p, r) => `兑换 ${r.receiptNo} 户#${p.householdId} ${r.totalPoints} 分`,
  }),
  'redemptions.void': handler({
    access: ['shopkeeper'],
    write: true,
    input: z.strictObject({ id, reason: requiredNoteText(200), ...supervisor }),
    run: voidRedemption,
    audit: (p, r) => `作废 ${r.receiptNo}: ${p.reason}`,
  }),
  'redemptions.list': handler({
    access: ['shopkeeper', 'provider', 'viewer'],
    input: z.strictObject({ date: date.optional(), householdId: id.optional(), limit: z.number().int().min(1).max(500).optional() }).optional(),
    run: (ctx, p) => ({ items: listRedemptions(ctx.db, { date: p?.date, householdId: p?.householdId, limit: p?.limit ?? 100 }) }),
  }),
  'redemptions.get': handler({
    access: ['shopkeeper', 'provider', 'viewer'],
    input: z.strictObject({ id }),
    run: (ctx, p) => getRedemption(ctx.db, p.id),
  }),
  'services.log': handler({
    access: ['provider'],
    write: true,
    input: z.strictObject({ itemId: id, householdId: id, requestId, points: points.optional() }),
    run: (ctx, p) =>
      redeem(
        ctx,
        { householdId: p.householdId, requestId: p.requestId, lines: [{ itemId: p.itemId, qty: 1, points: p.points }] },
        { kind: 'service', providerId: ctx.me.roles.includes('provider') ? ctx.me.id : undefined },
      ),
    audit: (p, r) => `服务 ${r.receiptNo} 户#${p.householdId} 项目#${p.itemId} ${r.totalPoints} 分`,
  }),
};
