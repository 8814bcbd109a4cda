import { describe, expect, it } from 'vitest';
import { counts, countsFrom, noticeCutoff } from './notice.js';

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
