import { z } from 'zod';

/**
 * What the counter tells the customer display over a BroadcastChannel (same origin, same machine).
 * Only what the villager's screen shows crosses: no card number, no ids, no token. Objects are strict
 * so a message carrying anything more is dropped on arrival rather than half shown.
 */
export const displayChannelName = 'pos.customer-display';

const name = z.string().max(200);
const points = z.number().finite();

const line = z.strictObject({ name, qty: z.number().int().positive(), points });

export const displayViewSchema = z.discriminatedUnion('screen', [
  z.strictObject({ screen: z.literal('idle') }),
  z.strictObject({
    screen: z.literal('cart'),
    household: z.strictObject({ name, year: z.number().int(), score: points, available: points }),
    lines: z.array(line).max(500),
    total: points,
    left: points,
  }),
  z.strictObject({
    screen: z.literal('done'),
    name,
    receiptNo: z.string().max(64),
    total: points,
    left: points,
    /** When the counter saw the redemption go through (ms since epoch; both windows share the clock). */
    at: z.number().finite(),
  }),
]);

export const displayMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('state'), lang: z.enum(['zh', 'en']), village: name, view: displayViewSchema }),
  // A display that has just opened asks the counter to repeat where it is.
  z.strictObject({ kind: z.literal('hello') }),
]);

export type DisplayView = z.infer<typeof displayViewSchema>;
export type DisplayMessage = z.infer<typeof displayMessageSchema>;
export type DisplayState = Extract<DisplayMessage, { kind: 'state' }>;

/** Anything else on the channel (another build, a typo, a hostile tab) is ignored, never thrown. */
export function parseDisplayMessage(data: unknown): DisplayMessage | null {
  const r = displayMessageSchema.safeParse(data);
  return r.success ? r.data : null;
}
