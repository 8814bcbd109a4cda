import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accountOf,
  approved,
  count,
  expectError,
  expectRefused,
  freshVillage,
  goods,
  household,
  householdWithPoints,
  recordPending,
  redeem,
  type Village,
} from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const rule = (
  p: Partial<{ category: string; name: string; kind: 'award' | 'deduction'; points: number; minPoints: number; maxPoints: number; capPerYear: number }>,
) => v.invoke('admin', 'rules.save', { category: '乡风文明', name: '好人好事', kind: 'award', ...p } as never);

describe('score = approved awards − approved deductions', () => {
  it('counts only approved entries: pending and rejected ones do not count', async () => {
    const h = await household(v);
    await approved(v, h.id, 'award', 40);
    await approved(v, h.id, 'deduction', 15);
    await recordPending(v, h.id, 'award', 100);
    await recordPending(v, h.id, 'deduction', 7);
    const rejected = await recordPending(v, h.id, 'award', 200);
    await v.invoke('review', 'points.review', { entryIds: [rejected], decision: 'reject', reason: '无证明材料' });
    const rejectedDeduction = await recordPending(v, h.id, 'deduction', 30);
    await v.invoke('review', 'points.review', { entryIds: [rejectedDeduction], decision: 'reject', reason: '核实无误' });

    expect(await accountOf(v, h.id)).toEqual({ year: 2026, awarded: 40, deducted: 15, redeemed: 0, score: 25, available: 25, owed: 0 });
    const ledger = await v.invoke('clerk', 'ledger.list', { householdId: h.id, year: 2026 });
    expect(ledger.items.map((i) => [i.kind, i.points, i.status])).toEqual([
      ['award', 40, 'approved'],
      ['deduction', -15, 'approved'],
      ['award', 100, 'pending'],
      ['deduction', -7, 'pending'],
      ['award', 200, 'rejected'],
      ['deduction', -30, 'rejected'],
    ]);
  });

  it('a pending entry cannot be redeemed', async () => {
    const h = await household(v);
    await recordPending(v, h.id, 'award', 100);
    const soap = await goods(v, { points: 10 });
    expectError(
      await v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: 'pending-000001' }),
      'INSUFFICIENT_POINTS',
    );
  });

  it('a person-level award names the member and counts for the household', async () => {
    const h = await household(v, {
      headName: '张三丰',
      members: [
        { name: '张三丰', relation: '户主' },
        { name: '张翠山', relation: '儿子', partyMember: true },
      ],
    });
    const star = await rule({ category: '星级党员', name: '党员先锋', points: 10 });
    const son = h.members[1];
    const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: star.id, personId: son.id, occurredOn: '2026-03-01' });
    await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'approve' });
    expect(v.db.prepare('SELECT person_id, points FROM point_entries WHERE id = ?').get(entries[0].id)).toEqual({ person_id: son.id, points: 10 });
    expect((await accountOf(v, h.id)).score).toBe(10);
    const other = await household(v, { headName: '李四' });
    await expectRefused(v, 'clerk', 'points.record', { householdIds: [other.id], ruleId: star.id, personId: son.id, occurredOn: '2026-03-01' }, 'NOT_FOUND');
  });
});

describe('points.record', () => {
  it('a range rule needs points inside its range', async () => {
    const h = await household(v);
    const r = await rule({ kind: 'deduction', name: '乱堆乱放', minPoints: 2, maxPoints: 10 });
    for (const points of [1, 11]) {
      await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, points, occurredOn: '2026-03-01' }, 'INVALID_INPUT');
    }
    await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' }, 'INVALID_INPUT');
    const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, points: 10, occurredOn: '2026-03-01' });
    expect(entries[0]).toMatchObject({ status: 'pending', points: -10 });
  });

  it('a fixed rule refuses a different points value', async () => {
    const h = await household(v);
    const r = await rule({ points: 5 });
    await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, points: 6, occurredOn: '2026-03-01' }, 'INVALID_INPUT');
  });

  it('the yearly cap counts pending entries but not rejected ones', async () => {
    const h = await household(v);
    const r = await rule({ name: '义务劳动', points: 5, capPerYear: 10 });
    const rec = () => v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' });
    const first = (await rec()).entries[0].id;
    await rec();
    const err = await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' }, 'LIMIT_EXCEEDED');
    expect(err.details).toMatchObject({ used: 10, cap: 10 });
    await v.invoke('review', 'points.review', { entryIds: [first], decision: 'reject', reason: '重复录入' });
    await rec();
    await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' }, 'LIMIT_EXCEEDED');
  });

  it('a batch of several households is refused whole when one of them would pass the cap', async () => {
    const a = await household(v, { headName: '张三丰' });
    const b = await household(v, { headName: '李四' });
    const c = await household(v, { headName: '王五' });
    const r = await rule({ name: '义务劳动', points: 5, capPerYear: 10 });
    await v.invoke('clerk', 'points.record', { householdIds: [b.id], ruleId: r.id, occurredOn: '2026-03-01' });
    await v.invoke('clerk', 'points.record', { householdIds: [b.id], ruleId: r.id, occurredOn: '2026-03-02' });
    const err = await expectRefused(
      v,
      'clerk',
      'points.record',
      { householdIds: [a.id, b.id, c.id], ruleId: r.id, occurredOn: '2026-03-03' },
      'LIMIT_EXCEEDED',
    );
    expect(err.details).toMatchObject({ householdId: b.id });
    const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [a.id, c.id], ruleId: r.id, occurredOn: '2026-03-03' });
    expect(entries.map((e) => e.householdId)).toEqual([a.id, c.id]);
  });

  it('the cap is per year of occurrence', async () => {
    const h = await household(v);
    const r = await rule({ name: '义务劳动', points: 5, capPerYear: 5 });
    await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2025-12-31' });
    await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-01-01' });
    await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' }, 'LIMIT_EXCEEDED');
  });

  it('occurredOn in the future is INVALID_INPUT; today is fine', async () => {
    const h = await household(v);
    const r = await rule({ points: 5 });
    await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-16' }, 'INVALID_INPUT');
    await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-15' });
  });

  type Case = [name: string, code: 'INVALID_INPUT' | 'NOT_FOUND', params: (h: number, r: number) => unknown];
  const ok = { points: 5, occurredOn: '2026-03-01' };
  const bad: Case[] = [
    ['not a date', 'INVALID_INPUT', (h, r) => ({ householdIds: [h], ruleId: r, ...ok, occurredOn: '2026-02-30' })],
    ['points as a fraction', 'INVALID_INPUT', (h, r) => ({ householdIds: [h], ruleId: r, ...ok, points: 2.5 })],
    ['negative points', 'INVALID_INPUT', (h, r) => ({ householdIds: [h], ruleId: r, ...ok, points: -3 })],
    ['unknown field', 'INVALID_INPUT', (h, r) => ({ householdIds: [h], ruleId: r, ...ok, approved: true })],
    ['no households', 'INVALID_INPUT', (_h, r) => ({ householdIds: [], ruleId: r, ...ok })],
    ['the same household twice', 'INVALID_INPUT', (h, r) => ({ householdIds: [h, h], ruleId: r, ...ok })],
    ['ruleId as a string', 'INVALID_INPUT', (h, r) => ({ householdIds: [h], ruleId: String(r), ...ok })],
    ['unknown household', 'NOT_FOUND', (_h, r) => ({ householdIds: [9999], ruleId: r, ...ok })],
    ['unknown household after a good one', 'NOT_FOUND', (h, r) => ({ householdIds: [h, 9999], ruleId: r, ...ok })],
    ['unknown rule', 'NOT_FOUND', (h) => ({ householdIds: [h], ruleId: 9999, ...ok })],
  ];
  it.each(bad)('%s → %s, nothing written', async (_n, code, params) => {
    const h = await household(v);
    const r = await rule({ kind: 'deduction', minPoints: 1, maxPoints: 10, name: '乱倒垃圾' });
    await expectRefused(v, 'clerk', 'points.record', params(h.id, r.id), code);
  });

  it('an inactive rule is refused; a shopkeeper cannot record points', async () => {
    const h = await household(v);
    const r = await rule({ points: 5 });
    await expectRefused(v, 'shop', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' }, 'FORBIDDEN');
    await v.invoke('admin', 'rules.save', { id: r.id, category: r.category, name: r.name, kind: 'award', points: 5, active: false });
    await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' }, 'INVALID_INPUT');
  });
});

describe('points.review', () => {
  it('the recorder may not review their own entry, even as admin', async () => {
    const h = await household(v);
    const r = await rule({ points: 5 });
    const { entries } = await v.invoke('admin', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' });
    await expectRefused(v, 'admin', 'points.review', { entryIds: [entries[0].id], decision: 'approve' }, 'FORBIDDEN');
    await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'approve' });
    expect(v.db.prepare('SELECT reviewed_by FROM point_reviews WHERE entry_id = ?').get(entries[0].id)).toEqual({ reviewed_by: v.ids.review });
  });

  it('an entry is reviewed once: a second review is a CONFLICT', async () => {
    const h = await household(v);
    const id = await recordPending(v, h.id, 'award', 5);
    await v.invoke('review', 'points.review', { entryIds: [id], decision: 'approve' });
    await expectRefused(v, 'review', 'points.review', { entryIds: [id], decision: 'approve' }, 'CONFLICT');
    await expectRefused(v, 'admin', 'points.review', { entryIds: [id], decision: 'reject', reason: '改判' }, 'CONFLICT');
  });

  it('a batch with one bad entry reviews none of them', async () => {
    const h = await household(v);
    const a = await recordPending(v, h.id, 'award', 5);
    const b = await recordPending(v, h.id, 'award', 6);
    await v.invoke('review', 'points.review', { entryIds: [b], decision: 'approve' });
    await expectRefused(v, 'review', 'points.review', { entryIds: [a, b], decision: 'approve' }, 'CONFLICT');
    await expectRefused(v, 'review', 'points.review', { entryIds: [a, 9999], decision: 'approve' }, 'NOT_FOUND');
    expect(count(v.db, 'point_reviews')).toBe(1);
  });

  it('a rejection needs a reason', async () => {
    const h = await household(v);
    const id = await recordPending(v, h.id, 'award', 5);
    await expectRefused(v, 'review', 'points.review', { entryIds: [id], decision: 'reject' }, 'INVALID_INPUT');
    await expectRefused(v, 'review', 'points.review', { entryIds: [id], decision: 'reject', reason: '   ' }, 'INVALID_INPUT');
    await expectRefused(v, 'review', 'points.review', { entryIds: [id], decision: 'maybe' }, 'INVALID_INPUT');
  });

  it('a clerk cannot review', async () => {
    const h = await household(v);
    const id = await recordPending(v, h.id, 'award', 5);
    await expectRefused(v, 'clerk', 'points.review', { entryIds: [id], decision: 'approve' }, 'FORBIDDEN');
  });
});

describe('points.reverse', () => {
  it('reversing an approved award restores the score; the original stays; a second reversal is a CONFLICT', async () => {
    const h = await householdWithPoints(v, 30);
    const wrong = await approved(v, h.id, 'award', 50);
    expect((await accountOf(v, h.id)).score).toBe(80);
    const original = v.db.prepare('SELECT * FROM point_entries WHERE id = ?').get(wrong);

    const rev = await v.invoke('clerk', 'points.reverse', { entryId: wrong, reason: '录错户' });
    expect(rev).toMatchObject({ reversesId: wrong, points: -50, kind: 'reversal' });
    expect((await accountOf(v, h.id)).score).toBe(30);
    expect(v.db.prepare('SELECT * FROM point_entries WHERE id = ?').get(wrong)).toEqual(original);
    expect(v.db.prepare('SELECT reverses_id, points, note, recorded_by FROM point_entries WHERE id = ?').get(rev.id)).toEqual({
      reverses_id: wrong,
      points: -50,
      note: '录错户',
      recorded_by: v.ids.clerk,
    });

    await expectRefused(v, 'clerk', 'points.reverse', { entryId: wrong, reason: '再冲一次' }, 'CONFLICT');
    await expectRefused(v, 'review', 'points.reverse', { entryId: rev.id, reason: '冲正冲正' }, 'CONFLICT');
  });

  it('a reversed award is no longer "awarded" and never shows as "deducted"', async () => {
    const h = await householdWithPoints(v, 30);
    const wrong = await approved(v, h.id, 'award', 50);
    await v.invoke('clerk', 'points.reverse', { entryId: wrong, reason: '录错户' });
    expect(await accountOf(v, h.id)).toMatchObject({ awarded: 30, deducted: 0, score: 30 });
  });

  it('reversing an approved deduction gives the points back', async () => {
    const h = await householdWithPoints(v, 30);
    const ded = await approved(v, h.id, 'deduction', 10);
    expect((await accountOf(v, h.id)).score).toBe(20);
    await v.invoke('review', 'points.reverse', { entryId: ded, reason: '申诉成立' });
    expect(await accountOf(v, h.id)).toMatchObject({ awarded: 30, deducted: 0, score: 30 });
  });

  it('a pending or rejected entry cannot be reversed (it is rejected instead)', async () => {
    const h = await household(v);
    const pending = await recordPending(v, h.id, 'award', 5);
    await expectRefused(v, 'clerk', 'points.reverse', { entryId: pending, reason: '错' }, 'CONFLICT');
    await v.invoke('review', 'points.review', { entryIds: [pending], decision: 'reject', reason: '错' });
    await expectRefused(v, 'clerk', 'points.reverse', { entryId: pending, reason: '错' }, 'CONFLICT');
    await expectRefused(v, 'clerk', 'points.reverse', { entryId: 9999, reason: '错' }, 'NOT_FOUND');
    await expectRefused(v, 'clerk', 'points.reverse', { entryId: pending }, 'INVALID_INPUT');
  });

  it('a reversed entry no longer counts against the cap', async () => {
    const h = await household(v);
    const r = await rule({ name: '义务劳动', points: 5, capPerYear: 5 });
    const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-01' });
    await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'approve' });
    await expectRefused(v, 'clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-02' }, 'LIMIT_EXCEEDED');
    await v.invoke('clerk', 'points.reverse', { entryId: entries[0].id, reason: '日期录错' });
    await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: '2026-03-02' });
  });

  it('a reversal after a redemption can leave the household owing', async () => {
    const h = await household(v);
    const award = await approved(v, h.id, 'award', 30);
    const soap = await goods(v, { points: 10 });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 3 }]);
    await v.invoke('clerk', 'points.reverse', { entryId: award, reason: '录错户' });
    expect(await accountOf(v, h.id)).toMatchObject({ score: 0, redeemed: 30, available: -30, owed: 30 });
  });
});
