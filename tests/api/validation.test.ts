// INVALID_INPUT 400 over real HTTP for the counter methods; every rejection leaves the books untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, expectError, householdByCard, newRequestId, snapshot, startServer, type Snapshot, type TestServer } from './server.js';

let s: TestServer;
let admin: string;
let shop: string;
let householdId: number;
let toothpaste: number;
let insurance: number;
let before: Snapshot;

beforeAll(async () => {
  s = await startServer();
  admin = await s.login('admin');
  shop = await s.login('shop');
  householdId = await householdByCard(s, shop, '66010001');
  const c = await catalog(s, shop);
  toothpaste = c.byBarcode('6920000000049').id;
  insurance = c.byName('缴纳医保').id;
  before = await snapshot(s, admin, householdId);
});
afterAll(async () => {
  await s?.stop();
});

const create = (over: Record<string, unknown>) => ({ householdId, lines: [{ itemId: toothpaste, qty: 1 }], requestId: newRequestId(), ...over });

describe('redemptions.create: INVALID_INPUT 400', () => {
  const cases: [string, () => Record<string, unknown>][] = [
    ['qty is a string', () => create({ lines: [{ itemId: toothpaste, qty: '2' }] })],
    ['qty is negative', () => create({ lines: [{ itemId: toothpaste, qty: -1 }] })],
    ['qty is fractional', () => create({ lines: [{ itemId: toothpaste, qty: 1.5 }] })],
    ['qty is zero', () => create({ lines: [{ itemId: toothpaste, qty: 0 }] })],
    ['qty is huge', () => create({ lines: [{ itemId: toothpaste, qty: 1e9 }] })],
    ['qty is missing', () => create({ lines: [{ itemId: toothpaste }] })],
    ['householdId is a string', () => create({ householdId: String(householdId) })],
    ['householdId is fractional', () => create({ householdId: 1.5 })],
    ['lines is empty', () => create({ lines: [] })],
    ['lines is not an array', () => create({ lines: { itemId: toothpaste, qty: 1 } })],
    ['an unknown field on the call', () => create({ discount: 5 })],
    ['an unknown field on a line', () => create({ lines: [{ itemId: toothpaste, qty: 1, price: 1 }] })],
    ['requestId is too short', () => create({ requestId: 'abc' })],
    ['requestId is missing', () => ({ householdId, lines: [{ itemId: toothpaste, qty: 1 }] })],
    ['line points are fractional', () => create({ lines: [{ itemId: insurance, qty: 1, points: 20.5 }] })],
    ['line points are negative', () => create({ lines: [{ itemId: insurance, qty: 1, points: -20 }] })],
    ['an open-price line without points', () => create({ lines: [{ itemId: insurance, qty: 1 }] })],
    ['an open-price line above its maximum', () => create({ lines: [{ itemId: insurance, qty: 1, points: 401 }] })],
    ['a fixed-price line with a changed price', () => create({ lines: [{ itemId: toothpaste, qty: 1, points: 1 }] })],
    ['an override reason that is too long', () => create({ override: { supervisorUsername: 'admin', supervisorPin: '123456', reason: '长'.repeat(201) } })],
    ['an override with an empty reason', () => create({ override: { supervisorUsername: 'admin', supervisorPin: '123456', reason: '   ' } })],
    ['an override PIN with letters', () => create({ override: { supervisorUsername: 'admin', supervisorPin: 'abcdef', reason: '特批' } })],
    ['params are an array', () => [] as unknown as Record<string, unknown>],
    ['params are null', () => null as unknown as Record<string, unknown>],
  ];
  for (const [name, params] of cases) {
    it(name, async () => {
      const e = expectError(await s.call('redemptions.create', params(), shop), 'INVALID_INPUT', 400);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/); // shown at the counter: Chinese first
      expect(await snapshot(s, admin, householdId)).toEqual(before);
    });
  }

  it('no body at all', async () => {
    expectError(await s.call('redemptions.create', undefined, shop), 'INVALID_INPUT', 400);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
  });
});

describe('other counter methods: INVALID_INPUT 400', () => {
  it('redemptions.void: reason too long, empty reason, id not a number', async () => {
    const r = await s.ok('redemptions.create', create({}), shop);
    const mid = await snapshot(s, admin, householdId);
    const sup = { supervisorUsername: 'admin', supervisorPin: '123456' };
    expectError(await s.call('redemptions.void', { id: r.id, reason: '错'.repeat(201), ...sup }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('redemptions.void', { id: r.id, reason: '', ...sup }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('redemptions.void', { id: String(r.id), reason: '错', ...sup }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('redemptions.void', { id: r.id, reason: '错', ...sup, extra: true }, shop), 'INVALID_INPUT', 400);
    expect(await snapshot(s, admin, householdId)).toEqual(mid);
    await s.ok('redemptions.void', { id: r.id, reason: '测试清理', ...sup }, shop);
    before = await snapshot(s, admin, householdId);
  });

  it('stock.receive: unknown funding source, negative / fractional / zero qty, donation without donor', async () => {
    const bad = [
      { itemId: toothpaste, qty: 5, fundingSource: 'bank' },
      { itemId: toothpaste, qty: -5, fundingSource: 'fiscal' },
      { itemId: toothpaste, qty: 2.5, fundingSource: 'fiscal' },
      { itemId: toothpaste, qty: 0, fundingSource: 'fiscal' },
      { itemId: toothpaste, qty: 5, fundingSource: 'donation' },
      { itemId: toothpaste, qty: 5, fundingSource: 'fiscal', note: '注'.repeat(201) },
      { itemId: toothpaste, qty: 5, fundingSource: 'fiscal', unitCostFen: 1.5 },
    ];
    for (const p of bad) expectError(await s.call('stock.receive', p, shop), 'INVALID_INPUT', 400);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
  });

  it('stock.count: a negative count', async () => {
    expectError(await s.call('stock.count', { itemId: toothpaste, countedQty: -1, reason: '盘点' }, shop), 'INVALID_INPUT', 400);
    expect(await snapshot(s, admin, householdId)).toEqual(before);
  });

  it('catalog.list: an unknown kind; households.search: an empty or too long query', async () => {
    expectError(await s.call('catalog.list', { kind: 'food' }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('households.search', { q: '' }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('households.search', { q: '6'.repeat(33) }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('households.search', { q: '张', limit: 0 }, shop), 'INVALID_INPUT', 400);
  });

  it('catalog.save: name too long, negative points, unknown kind', async () => {
    const items = (await s.ok('catalog.list', { includeInactive: true }, shop)).items.length;
    expectError(await s.call('catalog.save', { kind: 'goods', name: '品'.repeat(65), unit: '个', points: 5 }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('catalog.save', { kind: 'goods', name: '测试品', unit: '个', points: -5 }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('catalog.save', { kind: 'gift', name: '测试品', unit: '个', points: 5 }, shop), 'INVALID_INPUT', 400);
    expect((await s.ok('catalog.list', { includeInactive: true }, shop)).items.length).toBe(items);
  });

  it('calendar.set: an impossible date, an unknown mode', async () => {
    const cal = await s.ok('calendar.get', {}, admin);
    expectError(await s.call('calendar.set', { mode: 'dates', dates: ['2026-02-30'] }, admin), 'INVALID_INPUT', 400);
    expectError(await s.call('calendar.set', { mode: 'weekly' }, admin), 'INVALID_INPUT', 400);
    expect(await s.ok('calendar.get', {}, admin)).toEqual(cal);
  });

  it('auth.login: a username with spaces, a missing PIN', async () => {
    expectError(await s.call('auth.login', { username: 'ad min', pin: '123456' }), 'INVALID_INPUT', 400);
    expectError(await s.call('auth.login', { username: 'admin' }), 'INVALID_INPUT', 400);
  });
});
