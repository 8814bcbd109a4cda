import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countySeason, freshVillage, household, type Village } from '../../core/test-support.js';
import { checkYearArithmetic } from '../events/checks.js';
import { upwardPayloads, type UpwardType } from '../events/schemas.js';
import { materializeSnapshots } from './agent.js';
import { startCountyReporting } from './reporting.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
  // As at the first pairing with the county (reporting.test.ts covers the time before it).
  v.db.transaction(() => startCountyReporting(v.db, v.clock.now().toISOString()))();
});
afterEach(() => v.close());

const events = () =>
  (v.db.prepare('SELECT seq, type, payload FROM county_outbox ORDER BY seq').all() as { seq: number; type: string; payload: string }[]).map((e) => ({
    seq: e.seq,
    type: e.type,
    payload: JSON.parse(e.payload) as Record<string, unknown>,
  }));

describe("the village's county outbox, once reporting has started", () => {
  it("writes one event per fact in the fact's transaction, each parsing with the county's schema, and no ID number or phone", async () => {
    const { household: h } = await countySeason(v);
    expect(materializeSnapshots(v.db, v.clock.now().toISOString())).toBe(1);

    const all = events();
    for (const e of all) {
      const parsed = upwardPayloads[e.type as UpwardType].safeParse(e.payload);
      expect(parsed.success, `${e.type} ${JSON.stringify(e.payload)} ${parsed.error?.message}`).toBe(true);
    }
    expect(JSON.stringify(all)).not.toMatch(/13800001234|460000199001011235|cardNo/);
    const types = all.map((e) => e.type);
    expect(types.filter((t) => t === 'ledger.line')).toHaveLength(4);
    expect(types.filter((t) => t === 'redemption.line')).toHaveLength(3);
    expect(types).toEqual(expect.arrayContaining(['household', 'redemption.void', 'day.close', 'board', 'funding', 'household.token']));
    // The snapshot comes last and adds up to the lines before it.
    const last = all.at(-1)!;
    expect(last.type).toBe('household.year');
    const lines = all.filter((e) => e.type === 'ledger.line').map((e) => e.payload as { heading: string; points: number });
    const awarded = lines.filter((l) => l.heading === 'award').reduce((s, l) => s + l.points, 0);
    const deducted = -lines.filter((l) => l.heading === 'deduction').reduce((s, l) => s + l.points, 0);
    expect(last.payload).toMatchObject({ householdId: h.id, awarded, deducted, redeemed: 3, score: awarded - deducted });
    expect(awarded).toBe(20);
    expect(checkYearArithmetic(upwardPayloads['household.year'].parse(last.payload))).toBeNull();
    // Coalesced: nothing changed since, nothing more to send.
    expect(materializeSnapshots(v.db, v.clock.now().toISOString())).toBe(0);
  });

  it('holds nothing for an entry until it is approved, and nothing for a rejected one', async () => {
    const h = await household(v);
    const before = events().length;
    const rule = await v.invoke('admin', 'rules.save', { category: '通用', name: '测试', kind: 'award', minPoints: 1, maxPoints: 100 });
    const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: rule.id, points: 5, occurredOn: '2026-03-15' });
    expect(events().length).toBe(before);
    await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '不符' });
    expect(events().length).toBe(before);
  });

  it('issues a QR token once, reissues on request, and sends only its hash', async () => {
    const h = await household(v);
    const a = await v.invoke('admin', 'county.qrToken', { householdId: h.id });
    expect(a.url).toBeNull();
    expect((await v.invoke('admin', 'county.qrToken', { householdId: h.id })).token).toBe(a.token);
    const b = await v.invoke('admin', 'county.qrToken', { householdId: h.id, reissue: true });
    expect(b.token).not.toBe(a.token);
    const tokens = events().filter((e) => e.type === 'household.token');
    expect(tokens).toHaveLength(2);
    expect(JSON.stringify(tokens)).not.toContain(a.token);
    expect(((await v.call('clerk', 'county.qrToken', { householdId: h.id })) as { error?: { code: string } }).error?.code).toBe('FORBIDDEN');
    expect(((await v.call('admin', 'county.qrToken', { householdId: 999 })) as { error?: { code: string } }).error?.code).toBe('NOT_FOUND');
  });
});
