import { describe, expect, it } from 'vitest';
import { countyMethods } from './methods.js';

/** The county's access table, written out by hand: admins write, viewers read their own area (checked in the handlers, tests/county). */
const expected: Record<string, 'public' | 'any' | string[]> = {
  'county.login': 'public',
  'villager.page': 'public',
  'county.me': 'any',
  'county.logout': 'any',
  'county.areas.list': 'any',
  'county.dashboard': 'any',
  'county.report': 'any',
  'county.reportExport': 'any',
  'county.areas.add': ['county_admin'],
  'county.users.add': ['county_admin'],
  'county.users.list': ['county_admin'],
  'county.villages.pairingCode': ['county_admin'],
  'county.conflicts': ['county_admin'],
};

describe('county access table', () => {
  it('every method is in the table, with the access it declares', () => {
    expect(Object.keys(countyMethods).sort()).toEqual(Object.keys(expected).sort());
    for (const [m, def] of Object.entries(countyMethods)) expect([m, def.access]).toEqual([m, expected[m]]);
  });
});
