import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidDate, villageDate, villageYear, yearOf } from './village-date.js';

describe('village date', () => {
  it('uses the village time zone, not UTC, at the year boundary', () => {
    // 16:30 UTC on 31 Dec is already 00:30 on 1 Jan in Shanghai.
    const instant = new Date('2026-12-31T16:30:00Z');
    expect(villageDate(instant, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(villageYear(instant, 'Asia/Shanghai')).toBe(2027);
    expect(villageDate(instant, 'UTC')).toBe('2026-12-31');
  });

  it('keeps the last second of the year in the old year', () => {
    expect(villageYear(new Date('2026-12-31T23:59:59+08:00'), 'Asia/Shanghai')).toBe(2026);
    expect(villageYear(new Date('2027-01-01T00:00:00+08:00'), 'Asia/Shanghai')).toBe(2027);
  });

  it('answers from its per-minute memory exactly as Intl does, across midnights and zones with 30- and 45-minute offsets', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'Asia/Kathmandu', 'Asia/Kolkata', 'America/St_Johns'];
    const intl = new Map(zones.map((z) => [z, new Intl.DateTimeFormat('en-CA', { timeZone: z, year: 'numeric', month: '2-digit', day: '2-digit' })]));
    const fresh = (t: number, z: string) => intl.get(z)!.format(new Date(t));
    // Instants clustered around local midnights, where a wrong memory would show.
    const midnight = Date.parse('2026-12-31T16:00:00Z');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -36 * 3600_000, max: 36 * 3600_000 }), fc.constantFrom(...zones)), { minLength: 1, maxLength: 8 }),
        (calls) => {
          for (const [offset, zone] of calls) {
            // Walk minute by minute through the next hour and a half, so a memory held past its minute shows.
            for (let step = 0; step <= 90; step++) {
              const t = midnight + offset + step * 60_000;
              expect(villageDate(new Date(t), zone)).toBe(fresh(t, zone));
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads the year of a date', () => {
    expect(yearOf('2025-06-30')).toBe(2025);
  });

  it('validates calendar dates strictly', () => {
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-2-1')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
  });
});
