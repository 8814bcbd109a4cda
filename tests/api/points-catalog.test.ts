// The office side of the error table over real HTTP: recorder ≠ reviewer (403), already reviewed and
// duplicates (409), a rule's yearly cap (422).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, householdByCard, snapshot, startServer, type TestServer } from './server.js';

let s: TestServer;
let admin: string;
let clerk: string;
let review: string;
let shop: string;
let today: string;
let zhang: number;
let liu: number;

beforeAll(async () => {
  s = await startServer();
  [admin, clerk, review, shop] = await Promise.all([s.login('admin'), s.login('clerk'), s.login('review'), s.login('shop')]);
  today = (await s.ok('calendar.get', {}, admin)).today;
  zhang = await householdByCard(s, admin, '66010001');
  liu = await householdByCard(s, admin, '66010002');
});
afterAll(async () => {
  await s?.stop();
});

const ledgerOf = async (id: number) =>
  (await s.ok('ledger.list', { householdId: id, year: Number(today.slice(0, 4)) }, admin)).items as { id: string; status: string; points: number }[];

describe('FORBIDDEN 403: a recorder reviewing its own entry', () => {
  it('the admin records an award and cannot approve it; a reviewer can', async () => {
    const rule = await s.ok('rules.save', { category: '测试', name: '自审测试', kind: 'award', points: 7 }, admin);
    const { entries } = await s.ok('points.record', { householdIds: [zhang], ruleId: rule.id, occurredOn: today }, admin);
    expect(entries).toHaveLength(1);
    expect(entries[0].status).toBe('pending');
    const before = await snapshot(s, admin, zhang);
    const e = expectError(await s.call('points.review', { entryIds: [entries[0].id], decision: 'approve' }, admin), 'FORBIDDEN', 403);
    expect(e.message).toMatch(/自己/);
    expectError(await s.call('points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '自己驳回' }, admin), 'FORBIDDEN', 403);
    expect(await snapshot(s, admin, zhang)).toEqual(before);
    expect((await ledgerOf(zhang)).find((x) => x.id === `e${entries[0].id}`)?.status).toBe('pending');

    await s.ok('points.review', { entryIds: [entries[0].id], decision: 'approve' }, review);
    const after = await snapshot(s, admin, zhang);
    expect((after.account as { score: number }).score).toBe((before.account as { score: number }).score + 7);
  });

  it('a clerk cannot review at all; a reviewer cannot record', async () => {
    const rules = (await s.ok('rules.list', {}, clerk)).items as { id: number; kind: string; points: number | null }[];
    const award = rules.find((r) => r.kind === 'award' && r.points !== null)!;
    const { entries } = await s.ok('points.record', { householdIds: [zhang], ruleId: award.id, occurredOn: today }, clerk);
    expectError(await s.call('points.review', { entryIds: [entries[0].id], decision: 'approve' }, clerk), 'FORBIDDEN', 403);
    expectError(await s.call('points.record', { householdIds: [zhang], ruleId: award.id, occurredOn: today }, review), 'FORBIDDEN', 403);
    await s.ok('points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '测试' }, review);
  });
});

describe('CONFLICT 409', () => {
  it('an entry already reviewed', async () => {
    const rule = await s.ok('rules.save', { category: '测试', name: '重复审核测试', kind: 'award', points: 3 }, admin);
    const { entries } = await s.ok('points.record', { householdIds: [liu], ruleId: rule.id, occurredOn: today }, clerk);
    await s.ok('points.review', { entryIds: [entries[0].id], decision: 'approve' }, review);
    const before = await snapshot(s, admin, liu);
    const e = expectError(await s.call('points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '改主意' }, review), 'CONFLICT', 409);
    expect(e.message).toMatch(/已审核/);
    expectError(await s.call('points.review', { entryIds: [entries[0].id], decision: 'approve' }, admin), 'CONFLICT', 409);
    expect(await snapshot(s, admin, liu)).toEqual(before);
  });

  it('a duplicate card number', async () => {
    const h = await s.ok('households.create', { headName: '测试户甲', cardNo: '77000001' }, clerk);
    expect(h.cardNo).toBe('77000001');
    const e = expectError(await s.call('households.create', { headName: '测试户乙', cardNo: '77000001' }, clerk), 'CONFLICT', 409);
    expect(e.message).toContain('77000001');
    expectError(await s.call('households.create', { headName: '测试户丙', cardNo: '66010001' }, clerk), 'CONFLICT', 409);
    expect((await s.ok('households.search', { q: '测试户' }, clerk)).items.map((x: { headName: string }) => x.headName)).toEqual(['测试户甲']);
  });

  it('a duplicate barcode, on create and on edit', async () => {
    const count = async () => (await s.ok('catalog.list', { includeInactive: true }, shop)).items.length;
    const n = await count();
    const e = expectError(
      await s.call('catalog.save', { kind: 'goods', name: '假冒食用油', barcode: '6920000000018', unit: '桶', points: 1 }, shop),
      'CONFLICT',
      409,
    );
    expect(e.message).toContain('6920000000018');
    expect(await count()).toBe(n);
    const mine = await s.ok('catalog.save', { kind: 'goods', name: '测试饼干', barcode: '6930000000017', unit: '包', points: 4 }, shop);
    expectError(
      await s.call('catalog.save', { id: mine.id, kind: 'goods', name: '测试饼干', barcode: '6920000000025', unit: '包', points: 4 }, shop),
      'CONFLICT',
      409,
    );
    const [again] = (await s.ok('catalog.list', { barcode: '6930000000017' }, shop)).items;
    expect(again.id).toBe(mine.id);
    expect((await s.ok('catalog.list', { barcode: '6920000000025' }, shop)).items[0].name).toMatch(/^大米/);
  });
});

describe("LIMIT_EXCEEDED 422: a rule's yearly cap", () => {
  it('the 3rd award of 10 under a 20-point cap is refused, for the whole batch', async () => {
    const rule = await s.ok('rules.save', { category: '测试', name: '封顶测试', kind: 'award', points: 10, capPerYear: 20 }, admin);
    await s.ok('points.record', { householdIds: [zhang], ruleId: rule.id, occurredOn: today }, clerk);
    await s.ok('points.record', { householdIds: [zhang], ruleId: rule.id, occurredOn: today }, clerk);
    const beforeZhang = await snapshot(s, admin, zhang);
    const beforeLiu = await snapshot(s, admin, liu);
    const e = expectError(await s.call('points.record', { householdIds: [zhang], ruleId: rule.id, occurredOn: today }, clerk), 'LIMIT_EXCEEDED', 422);
    expect(e.details).toMatchObject({ used: 20, cap: 20 });
    // 刘䶮 is within the cap, 张三丰 is not: the batch records nobody.
    expectError(await s.call('points.record', { householdIds: [liu, zhang], ruleId: rule.id, occurredOn: today }, clerk), 'LIMIT_EXCEEDED', 422);
    expect(await snapshot(s, admin, zhang)).toEqual(beforeZhang);
    expect(await snapshot(s, admin, liu)).toEqual(beforeLiu);
  });

  it('a rejected entry no longer counts against the cap', async () => {
    const rule = await s.ok('rules.save', { category: '测试', name: '封顶驳回测试', kind: 'award', points: 10, capPerYear: 10 }, admin);
    const { entries } = await s.ok('points.record', { householdIds: [liu], ruleId: rule.id, occurredOn: today }, clerk);
    expectError(await s.call('points.record', { householdIds: [liu], ruleId: rule.id, occurredOn: today }, clerk), 'LIMIT_EXCEEDED', 422);
    await s.ok('points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '记错了' }, review);
    await s.ok('points.record', { householdIds: [liu], ruleId: rule.id, occurredOn: today }, clerk);
  });
});

describe('NOT_FOUND 404 on the office side', () => {
  it('an unknown rule, household or entry', async () => {
    expectError(await s.call('points.record', { householdIds: [zhang], ruleId: 999_999, occurredOn: today }, clerk), 'NOT_FOUND', 404);
    const rules = (await s.ok('rules.list', {}, clerk)).items as { id: number; points: number | null; kind: string }[];
    const award = rules.find((r) => r.kind === 'award' && r.points !== null)!;
    const before = await snapshot(s, admin, zhang);
    expectError(await s.call('points.record', { householdIds: [zhang, 999_999], ruleId: award.id, occurredOn: today }, clerk), 'NOT_FOUND', 404);
    expect(await snapshot(s, admin, zhang)).toEqual(before);
    expectError(await s.call('points.review', { entryIds: [999_999], decision: 'approve' }, review), 'NOT_FOUND', 404);
  });
});
