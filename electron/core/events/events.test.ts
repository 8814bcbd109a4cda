import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ctx } from '../context.js';
import { freshVillage, goods, householdWithPoints, redeem, ownEvents, type Village } from '../test-support.js';
import { defOf, withParsedEvent } from './registry.js';
import type { Refusal } from './reasons.js';
import type { EventType } from './schemas.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const lastEvent = (type: string) => {
  const r = ownEvents(v.db, type).at(-1)!;
  return JSON.parse(r.payload) as Record<string, unknown>;
};

/** Parse and check as the office would for a terminal bound to counterId. */
const check = (type: string, payload: unknown, counterId = 'C01'): Refusal | null => {
  const r = withParsedEvent(type, payload, <T extends EventType>(t: T, p: Parameters<ReturnType<typeof defOf<T>>['check']>[1]) =>
    defOf(t).check(v.db, p, counterId),
  );
  return r.ok ? r.value : r.refusal;
};

describe('the event contract', () => {
  it('Ctx.emit is typed against the declared events: a wrong payload does not compile', () => {
    // Never run: the compiler is the test (tsc --noEmit fails if these @ts-expect-error lines compile).
    const typed = (ctx: Ctx) => {
      // @ts-expect-error a stock receipt needs its note number and lines
      ctx.emit('stock.receive', { itemId: 1, qty: 5 });
      // @ts-expect-error there is no bare stock count any more
      ctx.emit('stock.count', { itemId: 1, delta: -3, reason: 'x' });
      // @ts-expect-error a void names its supervisor
      ctx.emit('redemption.void', { receiptNo: 'C01-2026-000001', reason: 'x', userId: 1, at: '2026-03-15T02:00:00.000Z' });
    };
    expect(typeof typed).toBe('function');
  });

  it('what a counter emits parses and passes the office checks for its own counter id, and not for another', async () => {
    const h = (await householdWithPoints(v, 100)).id;
    const soap = (await goods(v, { points: 5, stock: 10 })).id;
    await redeem(v, h, [{ itemId: soap, qty: 2 }]);
    const p = lastEvent('redemption.create');
    expect(check('redemption.create', p)).toBeNull();
    expect(check('redemption.create', p, 'C02')).toMatchObject({ reason: 'receipt_namespace' });
    expect(check('redemption.create', { ...p, totalPoints: 1 })).toMatchObject({ reason: 'total_mismatch', detail: { sumOfLines: 10 } });
    expect(check('redemption.create', { ...p, source: undefined })).toMatchObject({ reason: 'schema_invalid' });
    expect(check('stock.receive', lastEvent('stock.receive'))).toBeNull();
    expect(check('stock.count', { itemId: soap, delta: -1 })).toMatchObject({ reason: 'count_without_sheet' });
    expect(check('no.such', {})).toMatchObject({ reason: 'unknown_type' });
  });

  it('a single-item count travels as a one-line stocktake sheet with its reason', async () => {
    const soap = (await goods(v, { points: 5, stock: 10 })).id;
    const r = await v.invoke('shop', 'stock.count', { itemId: soap, countedQty: 7, reason: '破损' });
    expect(r).toMatchObject({ stock: 7, delta: -3, sheetNo: expect.stringMatching(/^PD-C01-/) });
    const p = lastEvent('stock.stocktake');
    expect(p.lines).toEqual([expect.objectContaining({ itemId: soap, expectedQty: 10, countedQty: 7, delta: -3, reason: '破损' })]);
    expect(check('stock.stocktake', p)).toBeNull();
    expect(ownEvents(v.db, 'stock.count')).toEqual([]);
  });
});
