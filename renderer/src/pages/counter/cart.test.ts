import { describe, expect, it } from 'vitest';
import {
  addItem,
  cartSignature,
  cartTotal,
  changeQty,
  checkCart,
  checkOpenPrice,
  keepSelection,
  moveSelection,
  removeLine,
  requestFor,
  setQty,
  toRequestLines,
  type CatalogItem,
} from './cart';

const oil: CatalogItem = { id: 1, kind: 'goods', name: '食用油 5L', unit: '桶', points: 60, openPrice: false, stock: 2 };
const soap: CatalogItem = { id: 3, kind: 'goods', name: '洗衣粉 1kg', unit: '袋', points: 15, openPrice: false, stock: 80 };
const haircut: CatalogItem = { id: 10, kind: 'service', name: '剪头发', unit: '次', points: 10, openPrice: false, stock: null };
const insurance: CatalogItem = {
  id: 13,
  kind: 'service',
  name: '缴纳医保',
  unit: '次',
  points: null,
  openPrice: true,
  minPoints: 10,
  maxPoints: 400,
  stock: null,
};

describe('cart', () => {
  it('adds a line, and +1 when the same goods come again', () => {
    let c = addItem([], oil);
    c = addItem(c, soap);
    c = addItem(c, oil);
    expect(c.map((l) => [l.itemId, l.qty])).toEqual([
      [1, 2],
      [3, 1],
    ]);
    expect(cartTotal(c)).toBe(60 * 2 + 15);
  });

  it('keeps open-price payments of different amounts apart', () => {
    let c = addItem([], insurance, 120);
    c = addItem(c, insurance, 80);
    c = addItem(c, insurance, 120);
    expect(c.map((l) => [l.unitPoints, l.qty])).toEqual([
      [120, 2],
      [80, 1],
    ]);
    expect(toRequestLines(c)).toEqual([
      { itemId: 13, qty: 2, points: 120 },
      { itemId: 13, qty: 1, points: 80 },
    ]);
  });

  it('refuses an item without a price', () => {
    expect(() => addItem([], insurance)).toThrow();
    expect(() => addItem([], insurance, 1.5)).toThrow();
  });

  it('sends points only for open-price lines', () => {
    const c = addItem(addItem([], haircut), oil);
    expect(toRequestLines(c)).toEqual([
      { itemId: 10, qty: 1 },
      { itemId: 1, qty: 1 },
    ]);
  });

  it('+/− never goes below 1; setQty 0 and removeLine remove', () => {
    let c = addItem([], soap);
    c = changeQty(c, '3', -1);
    expect(c[0].qty).toBe(1);
    c = changeQty(c, '3', +1);
    expect(c[0].qty).toBe(2);
    expect(setQty(c, '3', 0)).toEqual([]);
    expect(removeLine(c, '3')).toEqual([]);
    expect(setQty(c, '3', 7.9)[0].qty).toBe(7);
    expect(changeQty(c, 'nope', 1)).toEqual(c);
  });

  it('warns when the total is over what is available, and when qty is over stock', () => {
    const c = setQty(addItem([], oil), '1', 3);
    const check = checkCart(c, 100);
    expect(check.total).toBe(180);
    expect(check.remaining).toBe(-80);
    expect(check.overBy).toBe(80);
    expect(check.shortStock).toEqual([{ itemId: 1, name: '食用油 5L', unit: '桶', stock: 2, wanted: 3 }]);
    expect(check.blocked).toBe(false);
    expect(checkCart([], -5).blocked).toBe(true);
    expect(checkCart(addItem([], haircut), 100).shortStock).toEqual([]);
  });

  it('the signature changes with the cart and the household, not otherwise', () => {
    const c = addItem([], oil);
    expect(cartSignature(1, c)).toBe(cartSignature(1, addItem([], oil)));
    expect(cartSignature(1, c)).not.toBe(cartSignature(2, c));
    expect(cartSignature(1, c)).not.toBe(cartSignature(1, addItem(c, oil)));
  });

  it('selection follows the lines', () => {
    const c = addItem(addItem(addItem([], oil), soap), haircut);
    expect(keepSelection(c, null)).toBe('10');
    expect(keepSelection(c, '1')).toBe('1');
    expect(keepSelection(c, 'gone')).toBe('10');
    expect(keepSelection([], '1')).toBeNull();
    expect(moveSelection(c, '3', 1)).toBe('10');
    expect(moveSelection(c, '10', 1)).toBe('10');
    expect(moveSelection(c, '1', -1)).toBe('1');
    expect(moveSelection(c, null, -1)).toBe('10');
  });

  it('checks an open price against the item bounds', () => {
    expect(checkOpenPrice(insurance, '120')).toEqual({ ok: true, points: 120 });
    expect(checkOpenPrice(insurance, ' 10 ')).toEqual({ ok: true, points: 10 });
    expect(checkOpenPrice(insurance, '9')).toEqual({ ok: false, min: 10, max: 400 });
    expect(checkOpenPrice(insurance, '401').ok).toBe(false);
    expect(checkOpenPrice(insurance, '12.5').ok).toBe(false);
    expect(checkOpenPrice(insurance, '').ok).toBe(false);
  });

  it('reuses the requestId for a retry of the same cart, and makes a new one when the cart changes', () => {
    let n = 0;
    const fresh = () => `req${++n}aaaaaa`;
    const c = addItem([], oil);
    const first = requestFor(null, cartSignature(1, c), fresh);
    expect(first.requestId).toBe('req1aaaaaa');
    expect(requestFor(first, cartSignature(1, c), fresh)).toBe(first);
    expect(requestFor(first, cartSignature(1, addItem(c, oil)), fresh).requestId).toBe('req2aaaaaa');
    expect(requestFor(first, cartSignature(2, c), fresh).requestId).toBe('req3aaaaaa');
  });
});
