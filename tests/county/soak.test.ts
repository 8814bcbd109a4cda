/**
 * The county soak (scripts/soak-county.ts) at CI size: a real PostgreSQL, the county and three
 * village offices as processes behind the fault proxy, an outage, a village SIGKILLed mid-push and a
 * county restart. `npm run soak:county` runs the full one.
 */
import { describe, expect, it } from 'vitest';
import { runCountySoak } from '../../scripts/soak-county.js';
import { villageLink } from '../sync/fault-proxy.js';

describe('county soak', () => {
  it('three villages through a bad link, an outage, a SIGKILL and a county restart: nothing lost, nothing applied twice, totals equal', async () => {
    const faults = { ...villageLink, drop: 0.1, dropResponse: 0.1, duplicate: 0.1, truncateRequest: 0.08, truncateResponse: 0.08 };
    const r = await runCountySoak({ villages: 3, ops: Number(process.env.SOAK_COUNTY_OPS ?? 45), households: 20, seed: 20260315, faults, log: () => {} });
    console.log(
      `[soak:county] villages ${r.villages}, events sent ${r.sent} / applied ${r.applied} / duplicates ${r.duplicates} / lost ${r.lost}, seconds ${r.seconds.toFixed(1)}; link ${JSON.stringify(r.proxy)}`,
    );
    expect(r.differences).toEqual([]);
    expect(r.totalsEqual).toBe(true);
    expect(r.lost).toBe(0);
    expect(r.flagged).toBe(0);
    expect(r.applied).toBe(r.sent);
    expect(r.kills).toBe(1);
    expect(r.countyRestarts).toBe(1);
    expect(r.proxy.refused, 'the outage refused requests').toBeGreaterThan(0);
  }, 300_000);
});
