import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from './dispatcher.js';
import { codeOfReason } from './error-reasons.js';
import type { ErrorCode, ErrorReason } from './errors.js';
import {
  approved,
  expectRefused,
  freshVillage,
  goods,
  household,
  householdWithPoints,
  recordPending,
  redeem,
  rid,
  users,
  type Village,
  type Who,
} from './test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const admin = { supervisorUsername: users.admin.username, supervisorPin: users.admin.pin };

/** The refusal's code and reason, the reason declared under that code; returns its details. */
function expectReason(reply: Reply, code: ErrorCode, reason: ErrorReason): Record<string, unknown> {
  if (!('error' in reply)) throw new Error(`expected ${code}/${reason}, got a result`);
  expect([reply.error.code, reply.error.reason], reply.error.message).toEqual([code, reason]);
  expect(codeOfReason(reason)).toBe(code);
  expect(reply.error.details ?? {}).not.toHaveProperty('reason');
  return reply.error.details ?? {};
}

/** As expectReason, and nothing in the database changed. */
async function refused(who: Who, method: string, params: unknown, code: ErrorCode, reason: ErrorReason) {
  const err = await expectRefused(v, who, method, params, code);
  return expectReason({ error: err } as Reply, code, reason);
}

describe("the counter's refusals say which refusal they are, with the figures", () => {
  it('insufficient points: available, required and short', async () => {
    const h = await householdWithPoints(v, 73);
    const oil = await goods(v, { name: '食用油', points: 50 });
    const d = await refused(
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: oil.id, qty: 2 }], requestId: rid() },
      'INSUFFICIENT_POINTS',
      'insufficient_points',
    );
    expect(d).toMatchObject({ available: 73, required: 100, shortBy: 27 });
  });

  it('points still in their notice period: how many, and the village date they count from', async () => {
    await v.invoke('admin', 'office.settings.set', { noticeDays: 7 });
    const h = await household(v);
    await approved(v, h.id, 'award', 30);
    const soap = await goods(v, { points: 10 });
    const d = await refused(
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: soap.id, qty: 2 }], requestId: rid() },
      'INSUFFICIENT_POINTS',
      'in_notice_period',
    );
    expect(d).toMatchObject({ available: 0, required: 20, shortBy: 20, inNotice: 30, countsFrom: '2026-03-22' });
    // More than the notice covers is a plain shortfall.
    await refused(
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: soap.id, qty: 4 }], requestId: rid() },
      'INSUFFICIENT_POINTS',
      'insufficient_points',
    );
  });

  it('out of stock: the item, its stock and unit, and what was asked', async () => {
    const h = await householdWithPoints(v, 500);
    const rice = await goods(v, { name: '大米', points: 10, stock: 3 });
    const d = await refused(
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: rice.id, qty: 4 }], requestId: rid() },
      'OUT_OF_STOCK',
      'out_of_stock',
    );
    expect(d).toMatchObject({ itemId: rice.id, itemName: '大米', unit: '袋', stock: 3, requested: 4 });
  });

  it("an item's yearly limit per household", async () => {
    const h = await householdWithPoints(v, 500);
    const oil = await goods(v, { name: '食用油', points: 10, limit: 2 });
    await redeem(v, h.id, [{ itemId: oil.id, qty: 2 }]);
    const d = await refused(
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: oil.id, qty: 1 }], requestId: rid() },
      'LIMIT_EXCEEDED',
      'item_limit',
    );
    expect(d).toMatchObject({ itemName: '食用油', limit: 2, already: 2, requested: 1 });
  });

  it("a scoring rule's yearly cap", async () => {
    const h = await household(v);
    const rule = await v.invoke('admin', 'rules.save', { category: '乡风文明', name: '义务劳动', kind: 'award', points: 5, capPerYear: 5 });
    await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: rule.id, occurredOn: '2026-03-01' });
    const d = await refused('clerk', 'points.record', { householdIds: [h.id], ruleId: rule.id, occurredOn: '2026-03-02' }, 'LIMIT_EXCEEDED', 'rule_cap');
    expect(d).toMatchObject({ householdName: '张三丰', ruleName: '义务劳动', used: 5, cap: 5 });
  });

  it('not a redemption day; then a supervisor who is not an admin, and a wrong supervisor PIN', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v);
    await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: ['2026-03-10'] });
    const line = { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }] };
    expect(await refused('shop', 'redemptions.create', { ...line, requestId: rid() }, 'NOT_REDEMPTION_DAY', 'not_redemption_day')).toMatchObject({
      today: '2026-03-15',
    });
    const notAdmin = { supervisorUsername: users.review.username, supervisorPin: users.review.pin, reason: '老人行动不便' };
    expect(await refused('shop', 'redemptions.create', { ...line, requestId: rid(), override: notAdmin }, 'FORBIDDEN', 'supervisor_not_admin')).toMatchObject({
      name: users.review.name,
    });
    await refused(
      'shop',
      'redemptions.create',
      { ...line, requestId: rid(), override: { ...admin, supervisorPin: '000000', reason: '特批' } },
      'UNAUTHENTICATED',
      'supervisor_pin_wrong',
    );
  });
});

describe('voids, reviews and sign-in', () => {
  it('a void: a non-admin supervisor, a wrong PIN, a locked supervisor, then already voided', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v);
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    const voidWith = (s: { supervisorUsername: string; supervisorPin: string }) => ({ id: r.id, reason: '扫错', ...s });
    await refused('shop', 'redemptions.void', voidWith({ supervisorUsername: 'shop', supervisorPin: users.shop.pin }), 'FORBIDDEN', 'supervisor_not_admin');
    // A wrong PIN is counted even though the call rolls back, so expectRefused's "nothing changed" does not apply.
    for (let i = 0; i < 5; i++)
      expectReason(await v.call('shop', 'redemptions.void', voidWith({ ...admin, supervisorPin: '000000' })), 'UNAUTHENTICATED', 'supervisor_pin_wrong');
    expect(expectReason(await v.call('shop', 'redemptions.void', voidWith(admin)), 'UNAUTHENTICATED', 'supervisor_locked')).toHaveProperty('lockedUntil');
    await v.moveClock('2026-03-15T10:06:00+08:00');
    await v.invoke('shop', 'redemptions.void', voidWith(admin));
    expect(await refused('shop', 'redemptions.void', voidWith(admin), 'CONFLICT', 'already_voided')).toMatchObject({ receiptNo: r.receiptNo });
  });

  it('a recorder may not review their own entry; a reviewed entry is not reviewed twice', async () => {
    const h = await household(v);
    const own = (
      await v.invoke('admin', 'points.record', {
        householdIds: [h.id],
        ruleId: (await v.invoke('admin', 'rules.save', { category: '通用', name: '好人好事', kind: 'award', points: 5 })).id,
        occurredOn: '2026-03-01',
      })
    ).entries[0].id;
    await refused('admin', 'points.review', { entryIds: [own], decision: 'approve' }, 'FORBIDDEN', 'recorder_cannot_review');
    const other = await recordPending(v, h.id, 'award', 5);
    await v.invoke('review', 'points.review', { entryIds: [other], decision: 'approve' });
    await refused('review', 'points.review', { entryIds: [other], decision: 'reject', reason: '重复' }, 'CONFLICT', 'already_reviewed');
  });

  it('sign-in: a wrong PIN, no token, an expired session', async () => {
    expectReason(await v.call(null, 'auth.login', { username: 'shop', pin: '000000' }), 'UNAUTHENTICATED', 'pin_wrong');
    expectReason(await v.call(null, 'auth.login', { username: 'nobody', pin: '000000' }), 'UNAUTHENTICATED', 'pin_wrong');
    expectReason(await v.d.call('households.search', { q: '张' }), 'UNAUTHENTICATED', 'not_signed_in');
    const token = v.tokens.shop;
    v.clock.set(new Date('2026-03-16T10:00:00+08:00'));
    expectReason(await v.d.call('households.search', { q: '张' }, token), 'UNAUTHENTICATED', 'session_expired');
  });

  it('a role that does not allow the method', async () => {
    expect(
      expectReason(await v.call('clerk', 'redemptions.create', { householdId: 1, lines: [], requestId: rid() }), 'FORBIDDEN', 'role_not_allowed'),
    ).toMatchObject({ method: 'redemptions.create' });
  });
});

describe('the rest of the common refusals', () => {
  it('duplicate card and barcode, a replayed requestId with other lines, an unknown household', async () => {
    const h = await household(v, { headName: '李四', cardNo: 'A0001' });
    expect(await refused('clerk', 'households.create', { headName: '王五', cardNo: 'A0001' }, 'CONFLICT', 'duplicate_card')).toMatchObject({ cardNo: 'A0001' });
    await goods(v, { name: '香皂', barcode: '6900000000011' });
    await refused('shop', 'catalog.save', { kind: 'goods', name: '肥皂', unit: '块', points: 5, barcode: '6900000000011' }, 'CONFLICT', 'duplicate_barcode');
    await approved(v, h.id, 'award', 100);
    const soap = await goods(v, { name: '牙膏' });
    const requestId = rid();
    await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }], { requestId });
    await refused(
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: soap.id, qty: 2 }], requestId },
      'CONFLICT',
      'request_replayed_different',
    );
    expect(await refused('shop', 'households.get', { id: 9999 }, 'NOT_FOUND', 'unknown_household')).toMatchObject({ householdId: 9999 });
  });

  it("invalid params list the fields and zod's issue codes, not its text", async () => {
    const d = await refused(
      'shop',
      'redemptions.create',
      { householdId: 1, lines: [{ itemId: 1, qty: 1.5 }], requestId: 'x' },
      'INVALID_INPUT',
      'invalid_params',
    );
    const issues = d.issues as { path: string; code: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(['lines.0.qty', 'requestId']);
    expect(issues.every((i) => /^[a-z_]+$/.test(i.code))).toBe(true);
    expect(JSON.stringify(d)).not.toMatch(/[\u3400-\u9fff]/);
  });
});
