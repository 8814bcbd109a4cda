import { AppError, notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { stmt } from '../../statements.js';
import { checkSupervisor } from '../auth/users.js';
import { loadAccount } from '../households/account-query.js';
import { writeVoidRows } from './ledger-rows.js';

/** A void is a new row pointing at the redemption; points and stock come back through it, exactly once. */
export function voidRedemption(ctx: Ctx, p: { id: number; reason: string; supervisorUsername: string; supervisorPin: string }) {
  const r = stmt(ctx.db, 'SELECT id, household_id, year, receipt_no, counter_id FROM redemptions WHERE id = ?').get(p.id) as
    { id: number; household_id: number; year: number; receipt_no: string; counter_id: string } | undefined;
  if (!r) throw notFound('兑换单', { reason: 'unknown_receipt', redemptionId: p.id });
  // Two counters voiding the same receipt offline would both give the points back; a counter voids its own.
  if (ctx.deps.role === 'counter' && r.counter_id !== ctx.counter.counterId) {
    throw new AppError('FORBIDDEN', `兑换单 ${r.receipt_no} 由 ${r.counter_id} 开出，请在原柜台或村委会作废 (void at the issuing counter)`, {
      reason: 'void_at_issuing_counter',
      redemptionId: p.id,
      receiptNo: r.receipt_no,
      counterId: r.counter_id,
    });
  }
  if (stmt(ctx.db, 'SELECT 1 FROM redemption_voids WHERE redemption_id = ?').get(p.id)) {
    throw new AppError('CONFLICT', `兑换单 ${r.receipt_no} 已作废 (already voided)`, { reason: 'already_voided', redemptionId: p.id, receiptNo: r.receipt_no });
  }
  const supervisor = checkSupervisor(ctx, p.supervisorUsername, p.supervisorPin);
  const voidId = writeVoidRows(ctx.db, { redemptionId: p.id, reason: p.reason, userId: ctx.me.id, supervisorId: supervisor.id, at: ctx.nowIso });
  ctx.emit('redemption.void', { receiptNo: r.receipt_no, reason: p.reason, userId: ctx.me.id, supervisorId: supervisor.id, at: ctx.nowIso });
  return { voidId, redemptionId: p.id, receiptNo: r.receipt_no, account: loadAccount(ctx.db, r.household_id, r.year, ctx.now) };
}
