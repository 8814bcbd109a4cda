import { describe, expect, it } from 'vitest';
import { hashFor, navEntries, pageFromHash, visibleEntries, type NavEntry } from './nav';

const entries: NavEntry[] = [
  { key: 'counter', labelKey: 'navCounter', testId: 'nav-counter', roles: ['shopkeeper'], group: 'counter' },
  { key: 'today', labelKey: 'navToday', testId: 'nav-today', roles: ['shopkeeper', 'viewer'], group: 'counter' },
  { key: 'printer', labelKey: 'navPrinter', testId: 'nav-printer', roles: ['shopkeeper'], group: 'counter' },
];

describe('nav', () => {
  it('has the counter pages with their test ids, counter first', () => {
    expect(navEntries.slice(0, 3).map((e) => [e.key, e.testId])).toEqual([
      ['counter', 'nav-counter'],
      ['today', 'nav-today'],
      ['printer', 'nav-printer'],
    ]);
    expect(new Set(navEntries.map((e) => e.key)).size).toBe(navEntries.length);
    expect(
      visibleEntries(['shopkeeper'])
        .slice(0, 3)
        .map((e) => e.key),
    ).toEqual(['counter', 'today', 'printer']);
  });
  it('shows pages by role; admins see every page', () => {
    expect(visibleEntries(['admin'], entries).length).toBe(3);
    expect(visibleEntries(['admin']).length).toBe(navEntries.length);
    expect(visibleEntries(['clerk'], entries)).toEqual([]);
    expect(visibleEntries(['viewer'], entries).map((e) => e.key)).toEqual(['today']);
  });
  it('follows the hash when allowed, else the first page', () => {
    expect(pageFromHash('#/today', ['shopkeeper'], entries)).toBe('today');
    expect(pageFromHash('', ['shopkeeper'], entries)).toBe('counter');
    expect(pageFromHash('#/printer', ['viewer'], entries)).toBe('today');
    expect(pageFromHash('#/counter', ['clerk'], entries)).toBeNull();
    expect(hashFor('today')).toBe('#/today');
  });
});
