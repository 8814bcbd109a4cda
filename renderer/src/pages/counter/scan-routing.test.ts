import { describe, expect, it } from 'vitest';
import { decideHouseholdHits, filterItems, looksLikeBarcode, moveIndex, pickIndexFromKey, routeScan } from './scan-routing';
import { isTextEntry } from './focus';

const zsf = { id: 1, cardNo: '66010001', headName: '张三丰' };
const liu = { id: 2, cardNo: '66010002', headName: '刘䶮' };

describe('routeScan', () => {
  it('with no customer, anything typed looks up a household', () => {
    expect(routeScan('66010001', { householdActive: false, cartEmpty: true })).toEqual({ kind: 'find-household', q: '66010001' });
    expect(routeScan(' zsf ', { householdActive: false, cartEmpty: true })).toEqual({ kind: 'find-household', q: 'zsf' });
  });
  it('with a customer, a code is goods first', () => {
    expect(routeScan('6920000000018', { householdActive: true, cartEmpty: true })).toEqual({ kind: 'find-item', q: '6920000000018', barcode: true });
    expect(routeScan('牙膏', { householdActive: true, cartEmpty: false })).toEqual({ kind: 'find-item', q: '牙膏', barcode: false });
  });
  it('Enter on an empty field redeems a non-empty cart, and does nothing otherwise', () => {
    expect(routeScan('', { householdActive: true, cartEmpty: false })).toEqual({ kind: 'redeem' });
    expect(routeScan('   ', { householdActive: true, cartEmpty: true })).toEqual({ kind: 'none' });
    expect(routeScan('', { householdActive: false, cartEmpty: true })).toEqual({ kind: 'none' });
  });
  it('knows a barcode when it sees one', () => {
    expect(looksLikeBarcode('6920000000018')).toBe(true);
    expect(looksLikeBarcode('AB-12')).toBe(true);
    expect(looksLikeBarcode('zsf')).toBe(false);
    expect(looksLikeBarcode('张三丰')).toBe(false);
  });
});

describe('decideHouseholdHits', () => {
  const idle = { currentId: null, cartEmpty: true };
  it('one hit loads, several pick, none is none', () => {
    expect(decideHouseholdHits([zsf], idle)).toEqual({ kind: 'load', id: 1 });
    expect(decideHouseholdHits([zsf, liu], idle)).toEqual({ kind: 'pick', items: [zsf, liu] });
    expect(decideHouseholdHits([], idle)).toEqual({ kind: 'none' });
  });
  it('an exact card number wins over prefix matches', () => {
    expect(decideHouseholdHits([zsf, liu], { ...idle, q: '66010002' })).toEqual({ kind: 'load', id: 2 });
    expect(decideHouseholdHits([zsf, liu], { ...idle, q: '6601000' })).toMatchObject({ kind: 'pick' });
  });
  it('switches household only with an empty cart', () => {
    expect(decideHouseholdHits([liu], { currentId: 1, cartEmpty: true })).toEqual({ kind: 'load', id: 2 });
    expect(decideHouseholdHits([liu], { currentId: 1, cartEmpty: false })).toEqual({ kind: 'blocked' });
    expect(decideHouseholdHits([zsf, liu], { currentId: 1, cartEmpty: false })).toEqual({ kind: 'blocked' });
    expect(decideHouseholdHits([zsf], { currentId: 1, cartEmpty: false })).toEqual({ kind: 'same' });
  });
});

describe('pick list keys', () => {
  it('digits 1–9 pick within the list', () => {
    expect(pickIndexFromKey('1', 3)).toBe(0);
    expect(pickIndexFromKey('3', 3)).toBe(2);
    expect(pickIndexFromKey('4', 3)).toBeNull();
    expect(pickIndexFromKey('0', 3)).toBeNull();
    expect(pickIndexFromKey('a', 3)).toBeNull();
  });
  it('arrows wrap', () => {
    expect(moveIndex(0, -1, 3)).toBe(2);
    expect(moveIndex(2, 1, 3)).toBe(0);
    expect(moveIndex(1, 1, 3)).toBe(2);
    expect(moveIndex(0, 1, 0)).toBe(0);
  });
});

describe('filterItems', () => {
  const items = [
    { name: '食用油 5L', barcode: '6920000000018' },
    { name: '酱油 500ml', barcode: '6920000000070' },
    { name: '牙膏', barcode: null },
  ];
  it('matches by name part or exact barcode, exact name first', () => {
    expect(filterItems(items, '油').map((i) => i.name)).toEqual(['食用油 5L', '酱油 500ml']);
    expect(filterItems(items, '6920000000070').map((i) => i.name)).toEqual(['酱油 500ml']);
    expect(filterItems(items, '').length).toBe(3);
    expect(filterItems([{ name: '大米' }, { name: '米' }], '米').map((i) => i.name)).toEqual(['米', '大米']);
  });
});

describe('isTextEntry', () => {
  it('keeps focus in text fields only', () => {
    expect(isTextEntry({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'password' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(isTextEntry({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextEntry({ tagName: 'BODY' })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
