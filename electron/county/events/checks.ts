import type { UpwardPayload } from './schemas.js';

/**
 * What the county refuses to believe, as pure rules (the recomputed sums come from the database).
 * Each returns null when the event is sound, else a machine-readable reason and a line for people.
 */
export interface Finding {
  reason: string;
  detail: string;
}

/** score = awarded − deducted, available = score − redeemed, none of the parts negative. */
export function checkYearArithmetic(p: UpwardPayload<'household.year'>): Finding | null {
  if (p.awarded < 0 || p.deducted < 0 || p.redeemed < 0) return { reason: 'negative_total', detail: `负的合计 (negative total): ${JSON.stringify(p)}` };
  if (p.score !== p.awarded - p.deducted) return { reason: 'score_mismatch', detail: `得分 ${p.score} ≠ 奖励 ${p.awarded} − 扣分 ${p.deducted}` };
  if (p.available !== p.score - p.redeemed) return { reason: 'available_mismatch', detail: `可用 ${p.available} ≠ 得分 ${p.score} − 已兑换 ${p.redeemed}` };
  return null;
}

/** The snapshot must equal what the county summed from the lines the same village sent before it. */
export function checkYearAgainstLines(p: UpwardPayload<'household.year'>, lines: { awarded: number; deducted: number; redeemed: number }): Finding | null {
  if (p.awarded !== lines.awarded || p.deducted !== lines.deducted || p.redeemed !== lines.redeemed) {
    return {
      reason: 'totals_differ_from_lines',
      detail: `户年合计 (${p.awarded}/${p.deducted}/${p.redeemed}) 与明细之和 (${lines.awarded}/${lines.deducted}/${lines.redeemed}) 不符 (awarded/deducted/redeemed)`,
    };
  }
  return null;
}

/** An award adds, a deduction takes away, a reversal does the opposite of what it reverses. */
export function checkLineSign(p: UpwardPayload<'ledger.line'>): Finding | null {
  const positive = (p.heading === 'award') !== p.reversal;
  if (p.points === 0 || p.points > 0 !== positive) {
    return { reason: 'sign_mismatch', detail: `${p.reversal ? '冲正' : ''}${p.heading === 'award' ? '奖励' : '扣分'}的分值符号不对 (points ${p.points})` };
  }
  if (p.year !== Number(p.date.slice(0, 4)) && Math.abs(p.year - Number(p.date.slice(0, 4))) > 1) {
    return { reason: 'year_mismatch', detail: `年度 ${p.year} 与日期 ${p.date} 不符` };
  }
  return null;
}

/** A day close's net points cannot exceed what its receipts total, nor count fewer voids than it lists. */
export function checkDayClose(p: UpwardPayload<'day.close'>): Finding | null {
  if (p.count === 0 && p.points !== 0) return { reason: 'close_mismatch', detail: `无小票却有积分 (no receipts but ${p.points} points)` };
  return null;
}

/** The day-close figures equal the county's own sum of that counter's lines for the date, where it holds them all. */
export function checkDayCloseAgainstLines(p: UpwardPayload<'day.close'>, lines: { receipts: number; points: number }): Finding | null {
  if (lines.receipts === p.count && lines.points !== p.points) {
    return { reason: 'close_differs_from_lines', detail: `日结积分 ${p.points} 与小票明细之和 ${lines.points} 不符` };
  }
  return null;
}
