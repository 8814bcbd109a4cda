import { describe, expect, it } from 'vitest';
import { calendarParams, clickDate, dayKind, monthGrid, shiftMonth } from './calendar-edit';

describe('the calendar month view', () => {
  it('lays a month out in weeks from Sunday', () => {
    const march = monthGrid(2026, 3);
    expect(march[0]).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(march.flat().filter(Boolean)).toHaveLength(31);
    const feb = monthGrid(2026, 2);
    expect(feb[0].slice(0, 1)).toEqual(['2026-02-01']);
    expect(feb.flat().filter(Boolean).at(-1)).toBe('2026-02-28');
    expect(monthGrid(2026, 4)[0].slice(0, 3)).toEqual([null, null, null]);
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
  });

  it('a click toggles a chosen date, moves the monthly day, and does nothing on "every day"', () => {
    let cal = clickDate({ mode: 'dates', dates: [] }, '2026-03-15', 'dates');
    expect(cal).toEqual({ mode: 'dates', dates: ['2026-03-15'] });
    cal = clickDate(cal, '2026-03-01', 'dates');
    expect(cal).toEqual({ mode: 'dates', dates: ['2026-03-01', '2026-03-15'] });
    expect(clickDate(cal, '2026-03-15', 'dates')).toEqual({ mode: 'dates', dates: ['2026-03-01'] });
    expect(clickDate({ mode: 'monthly', day: 1 }, '2026-03-20', 'dates')).toEqual({ mode: 'monthly', day: 20 });
    expect(clickDate({ mode: 'any' }, '2026-03-20', 'dates')).toEqual({ mode: 'any' });
  });

  it('a bulk click starts the trial on that date; clicking a bulk day ends it', () => {
    const cal = clickDate({ mode: 'monthly', day: 1 }, '2026-03-15', 'bulk');
    expect(cal).toEqual({ mode: 'monthly', day: 1, trial: { start: '2026-03-15' } });
    expect(dayKind(cal, '2026-03-15')).toBe('bulk');
    expect(dayKind(cal, '2026-04-15')).toBe('bulk');
    expect(dayKind(cal, '2026-06-15')).toBe('none');
    expect(dayKind(cal, '2026-04-01')).toBe('redeem');
    expect(dayKind(cal, '2026-04-02')).toBe('none');
    expect(clickDate(cal, '2026-04-15', 'bulk')).toEqual({ mode: 'monthly', day: 1 });
    expect(calendarParams(cal)).toEqual({ mode: 'monthly', day: 1, trial: { start: '2026-03-15' } });
    expect(calendarParams({ mode: 'any', trial: { start: '2026-03-15', bulkDay: 20 } })).toEqual({ mode: 'any', trial: { start: '2026-03-15', bulkDay: 20 } });
  });
});
