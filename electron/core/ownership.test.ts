import { describe, expect, it } from 'vitest';
import { handlers } from '../app-contract.js';
import { counterWrites, writeAllowed } from './ownership.js';

describe('write ownership at a counter', () => {
  it('lets a counter write only what it originates; all and office write everything', () => {
    expect(writeAllowed('counter', 'redemptions.create')).toBe(true);
    expect(writeAllowed('counter', 'day.close')).toBe(true);
    expect(writeAllowed('counter', 'households.create')).toBe(false);
    expect(writeAllowed('counter', 'points.review')).toBe(false);
    expect(writeAllowed('counter', 'some.futureMethod')).toBe(false);
    expect(writeAllowed('office', 'households.create')).toBe(true);
    expect(writeAllowed('all', 'households.create')).toBe(true);
    expect(writeAllowed(undefined, 'catalog.save')).toBe(true);
  });

  it('lets a counter keep its own machine: printer, local backups, bulk-day bundle, office address', () => {
    for (const m of ['printer.configure', 'backup.configure', 'bulk.bundle.set', 'sync.setOffice', 'auth.logout'])
      expect(writeAllowed('counter', m), m).toBe(true);
    // The village-wide settings stay the office's.
    for (const m of ['office.settings.set', 'calendar.set', 'boards.configure', 'reports.setPointValue']) expect(writeAllowed('counter', m), m).toBe(false);
  });

  it('lists only methods that exist and write (clock.set is the test clock, not data)', () => {
    const all = handlers as Record<string, { write?: boolean }>;
    for (const m of counterWrites) {
      expect(all[m], `${m} is not a method`).toBeDefined();
      if (m !== 'clock.set') expect(all[m].write, `${m} does not write`).toBe(true);
    }
  });
});
