import { afterEach, describe, expect, it } from 'vitest';
import { freshVillage, household, ownEvents, type Village } from '../test-support.js';
import { eventRef, historyHeld, ledgerTables } from './feed.js';

describe('the key a feed event is found by', () => {
  it('is the receipt, note or sheet number, or counter#close number', () => {
    expect(eventRef({ receiptNo: 'C01-2026-000007', counterId: 'C01' })).toBe('C01-2026-000007');
    expect(eventRef({ noteNo: 'RK-C01-2026-0003' })).toBe('RK-C01-2026-0003');
    expect(eventRef({ sheetNo: 'PD-C02-2026-0001' })).toBe('PD-C02-2026-0001');
    expect(eventRef({ counterId: 'C02', closeNo: 12, from: 'x' })).toBe('C02#12');
  });

  it('is absent for news without one, and for anything a terminal sent that is not a key', () => {
    expect(eventRef({ year: 2026, quarter: 3 })).toBeNull();
    expect(eventRef({ receiptNo: 42 })).toBeNull();
    expect(eventRef({ closeNo: '12', counterId: 'C01' })).toBeNull();
    expect(eventRef(null)).toBeNull();
    expect(eventRef('C01-2026-000007')).toBeNull();
  });

  it('cuts a forged long key to 64 characters', () => {
    expect(eventRef({ receiptNo: 'x'.repeat(500) })).toHaveLength(64);
  });
});

describe('whether a machine holds events of its own', () => {
  let v: Village;
  afterEach(() => v.close());

  it('is no for a fresh machine and for row changes alone, yes once it wrote an event, even one that touches no ledger table', async () => {
    v = await freshVillage();
    await household(v);
    expect(historyHeld(v.db, ledgerTables)).toEqual([]);
    await v.invoke('admin', 'reports.setPointValue', { fenPerPoint: 10 });
    expect(ownEvents(v.db).map((e) => e.type)).toEqual(['settings.pointValue']);
    expect(historyHeld(v.db, ledgerTables)).toEqual(['events']);
  });
});
