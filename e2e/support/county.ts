/**
 * The county server for the e2e suite: a real `--role county` process on its own new database in a
 * throwaway PostgreSQL cluster (tests/support/pg.ts, one cluster per worker), and a village office
 * process on a fresh data dir that pushes to it quickly. Both are stopped after each test.
 */
import { CountyProcess } from '../../tests/county/harness.js';
import { createTestDatabase } from '../../tests/support/pg.js';
import { startServer, type E2EServer } from './server.js';

export const countyCode = '469030000000';

/** Two towns and three villages, as in the pilots (tests/county/harness.ts). */
export { pilot } from '../../tests/county/harness.js';

export interface E2ECounty {
  url: string;
  process: CountyProcess;
  ok<T = any>(method: string, params?: unknown, token?: string): Promise<T>;
  call(method: string, params?: unknown, token?: string): ReturnType<CountyProcess['call']>;
  login(username?: string, pin?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startCounty(): Promise<E2ECounty> {
  const pgUrl = await createTestDatabase('e2e_county');
  // Playwright's loader in NODE_OPTIONS must not reach the server (as in support/server.ts).
  const p = await CountyProcess.start(pgUrl, { env: { NODE_OPTIONS: '' } });
  return {
    url: p.url,
    process: p,
    ok: (m, params, token) => p.ok(m, params, token),
    call: (m, params, token) => p.call(m, params, token),
    login: (u, pin) => p.login(u, pin),
    stop: () => p.stop(),
  };
}

/** A village office (demo data: households with approved points and redemptions) that pushes to the county every 300 ms once paired. */
export function startVillageOffice(): Promise<E2EServer> {
  return startServer({ demo: true, testClock: false, role: 'office', env: { POS_COUNTY_INTERVAL_MS: '300', POS_COUNTY_MAX_BACKOFF_MS: '1000' } });
}

/** Pairs the office with the county through the API (for tests whose subject is not the pairing screen). */
export async function pairByApi(county: E2ECounty, office: E2EServer, villageCode: string): Promise<void> {
  const admin = await county.login();
  const { code } = await county.ok('county.villages.pairingCode', { villageCode }, admin);
  await office.ok('county.pair', { countyUrl: county.url, code, villageCode }, await office.login('admin'));
}

/** One push cycle now, until the office's outbox is empty. */
export async function drainToCounty(office: E2EServer): Promise<void> {
  const token = await office.login('admin');
  for (let i = 0; i < 20; i++) {
    const s = await office.ok('county.sync', {}, token);
    if (s.pending === 0 && s.lastPushAt) return;
  }
  throw new Error('the village did not drain its county outbox');
}
