import { z } from 'zod';

/**
 * The events a village office pushes to the county: one zod schema per type, declared once. The
 * village builds the payloads in SQL (db/migrations/*_county_outbox.sql, one view per type); the
 * county parses each on arrival with these and believes nothing it can recompute (checks.ts).
 * Strict objects: a payload carrying anything more (an ID number, a phone) is refused, not stripped.
 */
const id = z.number().int().positive();
const points = z.number().int().min(-1_000_000).max(1_000_000);
const total = z.number().int().min(-100_000_000).max(100_000_000);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const year = z.number().int().min(2000).max(2100);
const text = z.string().max(200);

const boardRow = z.strictObject({ householdId: id, name: text, group: text, score: total, rank: z.number().int().positive() });

export const upwardPayloads = {
  household: z.strictObject({ householdId: id, name: text.min(1), group: text }),
  'household.year': z.strictObject({
    householdId: id,
    year,
    awarded: total,
    deducted: total,
    redeemed: total,
    score: total,
    available: total,
  }),
  'ledger.line': z.strictObject({
    entryId: id,
    householdId: id,
    year,
    date,
    category: text,
    rule: text,
    heading: z.enum(['award', 'deduction']),
    reversal: z.boolean(),
    points,
  }),
  'redemption.line': z.strictObject({
    lineId: id,
    receiptNo: z.string().min(1).max(40),
    householdId: id,
    year,
    date,
    counterId: z.string().min(1).max(20),
    itemKind: z.enum(['goods', 'service']),
    itemName: text,
    qty: z.number().int().positive().max(100_000),
    points: z.number().int().positive().max(1_000_000),
  }),
  'redemption.void': z.strictObject({ receiptNo: z.string().min(1).max(40) }),
  'day.close': z.strictObject({
    counterId: z.string().min(1).max(20),
    closeNo: id,
    date,
    count: z.number().int().min(0),
    points: z.number().int().min(0),
    voids: z.number().int().min(0),
    voidPoints: z.number().int().min(0),
  }),
  board: z.strictObject({
    publicationId: id,
    year,
    quarter: z.number().int().min(1).max(4),
    action: z.enum(['publish', 'withdraw']),
    withdrawsId: id.nullable(),
    snapshot: z.strictObject({ red: z.array(boardRow).max(1000), black: z.array(boardRow).max(1000) }).nullable(),
    at: z.string().max(40),
  }),
  'award.decision': z.strictObject({
    decisionId: id,
    award: z.enum(['star_party_member', 'civilized_household', 'filial_family', 'moral_model']),
    year,
    householdId: id,
    decision: z.enum(['awarded', 'not_awarded']),
    score: total,
  }),
  funding: z.strictObject({
    movementId: id,
    date,
    source: z.enum(['fiscal', 'collective', 'donation', 'sponsor']),
    itemName: text,
    qty: z.number().int(),
    unitCostFen: z.number().int().min(0),
  }),
  'household.token': z.strictObject({
    householdId: id,
    tokenHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
  }),
} as const;

export type UpwardType = keyof typeof upwardPayloads;
export type UpwardPayload<T extends UpwardType> = z.output<(typeof upwardPayloads)[T]>;
export const upwardTypes = Object.keys(upwardPayloads) as UpwardType[];

/** One event as it travels: the village's outbox row. */
export const upwardEvent = z.strictObject({
  seq: z.number().int().positive(),
  uuid: z.string().regex(/^[0-9a-f]{32}$|^[0-9a-f-]{36}$/),
  type: z.string().max(40),
  payload: z.unknown(),
  at: z.string().max(40),
});

/** POST /county/push: `village` must be the code the signing link was paired for. */
export const pushBody = z.strictObject({
  village: z.string().regex(/^\d{12}$/),
  after: z.number().int().min(0),
  events: z.array(upwardEvent).max(1000),
  /** The village's clock when it sent this: "as of when" in the progress report. */
  sentAt: z.string().max(40),
});
export type PushBody = z.output<typeof pushBody>;
