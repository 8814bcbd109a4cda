import { z } from 'zod';

/**
 * The sync events: what one database tells another that it did. Each type is declared once here;
 * the counter emits exactly this shape (Ctx.emit is typed against it) and every receiver parses it
 * before anything else. No field is optional "for older events": there are none deployed.
 */

const int = z.number().int();
const userId = int.positive().max(Number.MAX_SAFE_INTEGER);
const counterId = z.string().regex(/^C\d{2}$/);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const year = int.min(2000).max(2100);
const text = (max: number) => z.string().max(max);
const points = int.min(0).max(1_000_000_000);
/** Generous on purpose: the office's checks, not the schema, say what a sane quantity is. */
const anyQty = int.min(-1_000_000_000).max(1_000_000_000);

/** Where and when: added by Ctx.emit to every payload, so the receiver never guesses who, where or which day. */
export const eventSource = z.strictObject({ counterId, userId, at: instant, date: day, year });
export type EventSource = z.infer<typeof eventSource>;

const redemptionLine = z.strictObject({
  itemId: userId,
  name: text(64),
  kind: z.enum(['goods', 'service']),
  unit: text(16),
  qty: anyQty,
  unitPoints: points,
  linePoints: points,
  providerId: userId.nullable(),
});

const redemption = z.strictObject({
  receiptNo: z.string().regex(/^C\d{2}-\d{4}-\d{6,}$/),
  counterId,
  year,
  householdId: userId,
  cardNo: text(32),
  kind: z.enum(['counter', 'service']),
  totalPoints: points,
  requestId: text(200),
  requestHash: z.string().regex(/^[0-9a-f]{64}$/),
  result: text(10_000),
  at: instant,
  localDate: day,
  operatorId: userId,
  overrideBy: userId.nullable(),
  overrideReason: text(200).nullable(),
  lines: z.array(redemptionLine).min(1).max(50),
});

const receiveLine = z.strictObject({
  itemId: userId,
  qty: anyQty,
  fundingSource: z.enum(['fiscal', 'collective', 'donation', 'sponsor']),
  donor: text(64).nullable(),
  unitCostFen: int.min(0).max(100_000_000).nullable(),
});

const stocktakeLine = z.strictObject({
  itemId: userId,
  name: text(64),
  unit: text(16),
  expectedQty: anyQty,
  countedQty: anyQty,
  delta: anyQty,
  reason: text(200),
});

const closeFacts = z.strictObject({
  closeNo: int.positive(),
  counterId,
  after: instant.nullable(),
  from: instant,
  to: instant,
  localDate: day,
  userId,
  at: instant,
  count: int.min(0),
  points: int.min(0),
  voids: int.min(0),
  voidPoints: int.min(0),
  firstReceiptNo: z.string().max(32).nullable(),
  lastReceiptNo: z.string().max(32).nullable(),
  receipts: z.array(z.string().max(32)).max(100_000),
});

const voidFacts = z.strictObject({ receiptNo: z.string().regex(/^C\d{2}-\d{4}-\d{6,}$/), reason: text(200), userId, supervisorId: userId, at: instant });
const receiveFacts = z.strictObject({
  noteNo: z.string().regex(/^RK-C\d{2}-\d{4}-\d{4,}$/),
  note: text(200),
  at: instant,
  lines: z.array(receiveLine).min(1).max(200),
});
const stocktakeFacts = z.strictObject({
  sheetNo: z.string().regex(/^PD-C\d{2}-\d{4}-\d{4,}$/),
  scope: z.enum(['all', 'partial']),
  note: text(200),
  at: instant,
  lines: z.array(stocktakeLine).max(2000),
});
// Office-only: they reach counters through the feed; their rows stay at the office.
const boardPublish = z.strictObject({
  id: userId,
  year,
  quarter: int.min(1).max(4),
  basis: z.string().max(32),
  from: day,
  to: day,
  red: z.array(z.unknown()),
  black: z.array(z.unknown()),
});
const boardWithdraw = z.strictObject({ id: userId, year, quarter: int.min(1).max(4), withdrawsId: userId, reason: text(200) });
const awardDecide = z.strictObject({
  id: userId,
  award: z.string().max(32),
  year,
  householdId: userId,
  personId: userId.optional(),
  decision: z.enum(['awarded', 'not_awarded']),
  note: text(200).optional(),
  rank: int.nullable(),
  score: int,
});
const pointValue = z.strictObject({ fenPerPoint: int.min(0).nullable() });

const src = { source: eventSource };

/** Every event type and its whole payload as it travels: the facts the handler gives, and their source. */
const rawPayloads = {
  'redemption.create': redemption.extend(src),
  'service.log': redemption.extend(src),
  'redemption.void': voidFacts.extend(src),
  'stock.receive': receiveFacts.extend(src),
  'stock.stocktake': stocktakeFacts.extend(src),
  'day.close': closeFacts.extend(src),
  'board.publish': boardPublish.extend(src),
  'board.withdraw': boardWithdraw.extend(src),
  'award.decide': awardDecide.extend(src),
  'settings.pointValue': pointValue.extend(src),
} as const;

export type EventType = keyof typeof rawPayloads;
export type EventPayload<T extends EventType> = z.infer<(typeof rawPayloads)[T]>;
/** What a handler passes to Ctx.emit for this type: the payload without `source`, which emit adds. */
export type EventFacts<T extends EventType> = Omit<z.input<(typeof rawPayloads)[T]>, 'source'>;

/** Typed per key, so a generic T picks its own schema (TypeScript would widen a plain index to the union). */
export const eventPayloads: { readonly [T in EventType]: z.ZodType<EventPayload<T>> } = rawPayloads;
export const eventTypes = Object.keys(rawPayloads) as EventType[];
export const isEventType = (t: string): t is EventType => Object.hasOwn(rawPayloads, t);

/** Written only by the office; a terminal that pushes one is refused. */
export const officeOnlyTypes: ReadonlySet<EventType> = new Set(['board.publish', 'board.withdraw', 'award.decide', 'settings.pointValue']);
