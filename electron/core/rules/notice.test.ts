import { describe, expect, it } from 'vitest';
import { counts, countsFrom, noticeCutoff, noticeMove, noticeSummary } from './notice.js';

const reviewed = '2026-03-10T02:00:00.000Z';

describe('public-notice period (公示期)', () => {
  it('with no notice period an approval counts at once', () => {
    expect(counts(reviewed, new Date(reviewed), 0)).toBe(true);
    expect(countsFrom(reviewed, 0)).toBe(reviewed);
  });
  it('still counts with no notice period when the clock reads earlier than the review', () => {
    expect(counts(reviewed, new Date('2026-03-01T00:00:00Z'), 0)).toBe(true);
  });
  it('counts once reviewed_at + N days ≤ now, not a millisecond before', () => {
    expect(counts(reviewed, new Date('2026-03-17T01:59:59.999Z'), 7)).toBe(false);
    expect(counts(reviewed, new Date('2026-03-17T02:00:00.000Z'), 7)).toBe(true);
    expect(countsFrom(reviewed, 7)).toBe('2026-03-17T02:00:00.000Z');
  });
  it('gives a cutoff that compares as text with stored ISO instants', () => {
    expect(noticeCutoff(new Date('2026-03-17T02:00:00Z'), 7)).toBe(reviewed);
    expect(noticeCutoff(new Date('2026-03-17T02:00:00Z'), 0) > '2999-01-01').toBe(true);
  });
});

describe('what is in notice (公示中)', () => {
  const dateOf = (d: Date) => d.toISOString().slice(0, 10);
  const rows = [
    { points: 10, reviewedAt: '2026-03-10T02:00:00.000Z' },
    { points: 5, reviewedAt: '2026-03-12T02:00:00.000Z' },
    { points: -3, reviewedAt: '2026-03-12T03:00:00.000Z' },
    { points: 20, reviewedAt: '2026-03-01T02:00:00.000Z' }, // counted already
  ];
  it('sums what still waits, by the date it counts, earliest first', () => {
    expect(noticeSummary(rows, new Date('2026-03-15T00:00:00Z'), 7, dateOf)).toEqual({
      points: 12,
      countsOn: '2026-03-17',
      batches: [
        { points: 10, countsOn: '2026-03-17' },
        { points: 2, countsOn: '2026-03-19' },
      ],
    });
  });
  it('is null with no notice period or when everything counts', () => {
    expect(noticeSummary(rows, new Date('2026-03-15T00:00:00Z'), 0, dateOf)).toBeNull();
    expect(noticeSummary(rows, new Date('2026-04-15T00:00:00Z'), 7, dateOf)).toBeNull();
  });
  it('a net zero still in notice is shown (an award and its reversal wait together)', () => {
    const s = noticeSummary(
      [
        { points: 5, reviewedAt: reviewed },
        { points: -5, reviewedAt: reviewed },
      ],
      new Date('2026-03-11T00:00:00Z'),
      7,
      dateOf,
    );
    expect(s).toMatchObject({ points: 0, countsOn: '2026-03-17' });
  });
});

describe('changing the notice period', () => {
  const now = new Date('2026-03-15T00:00:00Z');
  const rows = [
    { householdId: 1, points: 10, reviewedAt: '2026-03-14T00:00:00.000Z' }, // 1 day old
    { householdId: 1, points: -4, reviewedAt: '2026-03-11T00:00:00.000Z' }, // 4 days old
    { householdId: 2, points: 7, reviewedAt: '2026-03-05T00:00:00.000Z' }, // 10 days old
  ];
  it('a longer period puts counted points back into notice', () => {
    expect(noticeMove(rows, now, 0, 7)).toEqual({ direction: 'into_notice', households: 1, entries: 2, points: 6 });
    expect(noticeMove(rows, now, 0, 30)).toEqual({ direction: 'into_notice', households: 2, entries: 3, points: 13 });
  });
  it('a shorter period releases them', () => {
    expect(noticeMove(rows, now, 7, 3)).toEqual({ direction: 'released', households: 1, entries: 1, points: -4 });
  });
  it('the same period, or one that moves nothing, is none', () => {
    expect(noticeMove(rows, now, 7, 7)).toEqual({ direction: 'none', households: 0, entries: 0, points: 0 });
    expect(noticeMove(rows, now, 30, 20)).toEqual({ direction: 'none', households: 0, entries: 0, points: 0 });
  });
});
