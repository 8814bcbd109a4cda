import { AppError } from '../errors.js';

/**
 * A push's events continue from `after` with rising seqs, whichever channel carries them (a counter
 * to its office, a village to the county): a receiver that applied them out of order could skip one.
 * Returns the highest seq, `after` itself for an empty push.
 */
export function requireRisingSeqs(after: number, events: readonly { seq: number }[]): number {
  let prev = after;
  for (const e of events) {
    if (e.seq <= prev) throw new AppError('INVALID_INPUT', '推送事件顺序错误，序号应递增 (event seqs must rise)', { reason: 'push_out_of_order', seq: e.seq });
    prev = e.seq;
  }
  return prev;
}
