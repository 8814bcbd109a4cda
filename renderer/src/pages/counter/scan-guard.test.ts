import { describe, expect, it } from 'vitest';
import { addItem, type CatalogItem } from './cart';
import { guardAdd, redeemBlock } from './scan-guard';

const soap: CatalogItem = { id: 1, kind: 'goods', name: '洗衣粉', unit: '袋', points: 15, openPrice: false, stock: 2, limitPerHouseholdPerYear: 3 };
const oil: CatalogItem = { id: 2, kind: 'goods', name: '食用油', unit: '桶', points: 60, openPrice: false, stock: 10 };
const cut: CatalogItem = { id: 3, kind: 'service', name: '剪头发', unit: '次', points: 5, openPrice: false, stock: null };
const rich = { available: 1000, itemUse: [] };

describe('guardAdd: refused at the scan, with the figure', () => {
  it('allows what fits', () => {
    expect(guardAdd([], soap, 15, 1, rich)).toBeNull();
    expect(guardAdd([], cut, 5, 1, rich)).toBeNull();
  });
  it('out of stock gives the stock (counting what is already in the cart)', () => {
    const cart = addItem(addItem([], soap), soap);
    expect(guardAdd(cart, soap, 15, 1, rich)).toEqual({ reason: 'out_of_stock', itemName: '洗衣粉', unit: '袋', stock: 2, inCart: 2 });
    expect(guardAdd([], { ...soap, stock: 0 }, 15, 1, rich)).toMatchObject({ reason: 'out_of_stock', stock: 0 });
  });
  it('over the yearly limit gives the limit and what was already redeemed', () => {
    const h = { available: 1000, itemUse: [{ itemId: 1, qty: 2 }] };
    const cart = addItem([], soap);
    expect(guardAdd(cart, { ...soap, stock: 50 }, 15, 1, h)).toEqual({ reason: 'item_limit', itemName: '洗衣粉', unit: '袋', limit: 3, already: 2, inCart: 1 });
  });
  it('over the available points gives the points short, and notice points that would cover it', () => {
    const cart = addItem([], oil);
    expect(guardAdd(cart, oil, 60, 1, { available: 100, itemUse: [] })).toEqual({
      reason: 'insufficient_points',
      itemName: '食用油',
      available: 100,
      required: 120,
      shortBy: 20,
    });
    expect(guardAdd(cart, oil, 60, 1, { available: 100, itemUse: [], notice: { points: 30, countsOn: '2026-03-22' } })).toMatchObject({
      shortBy: 20,
      notice: { points: 30, countsOn: '2026-03-22' },
    });
    expect(guardAdd([], cut, 5, 1, { available: -8, itemUse: [] })).toEqual({ reason: 'owed', owed: 8 });
  });
  it('stock is checked before the limit, the limit before points', () => {
    expect(guardAdd([], { ...soap, stock: 0 }, 15, 1, { available: 0, itemUse: [{ itemId: 1, qty: 3 }] })).toMatchObject({ reason: 'out_of_stock' });
    expect(guardAdd([], soap, 15, 1, { available: 0, itemUse: [{ itemId: 1, qty: 3 }] })).toMatchObject({ reason: 'item_limit' });
  });
});

describe('redeemBlock: why 兑换 is disabled', () => {
  it('names the first thing in the way', () => {
    expect(redeemBlock([], null, false)).toEqual({ reason: 'no_household' });
    expect(redeemBlock([], rich, false)).toEqual({ reason: 'empty_cart' });
    expect(redeemBlock(addItem([], oil), rich, true)).toEqual({ reason: 'busy' });
    expect(redeemBlock(addItem([], oil), { available: -5, itemUse: [] }, false)).toEqual({ reason: 'owed', owed: 5 });
    expect(redeemBlock(addItem([], oil), { available: 50, itemUse: [] }, false)).toEqual({ reason: 'over_available', shortBy: 10 });
    expect(redeemBlock(addItem([], { ...soap, stock: 0 }), rich, false)).toMatchObject({ reason: 'out_of_stock', stock: 0 });
    expect(redeemBlock(addItem([], soap), { available: 100, itemUse: [{ itemId: 1, qty: 3 }] }, false)).toMatchObject({ reason: 'item_limit', limit: 3 });
    expect(redeemBlock(addItem([], oil), rich, false)).toBeNull();
  });
});
