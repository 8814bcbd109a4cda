/**
 * Why the office refused a counter's event: machine-readable, carried in the conflict it records and
 * back to the counter. The UI maps each to zh-CN and English (renderer/src/pages/sync/text.ts).
 */
export const refusalReasons = [
  'schema_invalid', // the payload is not the declared shape
  'unknown_type', // no such event type
  'office_only', // boards, awards, village settings: only the office writes them
  'receipt_namespace', // a receipt number outside the terminal's own counter id
  'document_namespace', // a receiving note or stocktake sheet number outside it
  'void_not_own', // a void of a receipt another counter (or the office) issued
  'total_mismatch', // total ≠ sum of lines, or a line ≠ qty × unit points
  'price_mismatch', // a fixed-price line at a price the office never had for that item that day
  'open_price_bounds', // an open-price line outside the item's bounds
  'qty_bounds', // a quantity ≤ 0 or above the sane bound
  'count_without_sheet', // a stock count without its sheet: a bare delta, no lines, a delta that is not counted − expected, or a variance with no reason
  'operator_not_allowed', // the operator is not a user allowed at a counter for that action
  'supervisor_not_admin', // an override or a void authorised by someone who is not an active admin
  'close_other_terminal', // a day close for another counter
  'unknown_reference', // a household, item or receipt the office does not have
  'item_mismatch', // a line whose kind is not the item's (goods sold as a service, a service on a receiving note)
  'provider_not_allowed', // a service line credited to someone who does not provide that service
] as const;

export type RefusalReason = (typeof refusalReasons)[number];

export interface Refusal {
  reason: RefusalReason;
  detail?: Record<string, unknown>;
}

export const refuse = (reason: RefusalReason, detail?: Record<string, unknown>): Refusal => ({ reason, detail });

/** Per line of a delivery or a redemption: more than this in one line is not a village shop's (the counter's own input stops at 10,000). */
export const maxLineQty = 100_000;
/** A counted or expected shelf quantity: the counter's own stocktake input allows up to 1,000,000. */
export const maxCountQty = 1_000_000;
