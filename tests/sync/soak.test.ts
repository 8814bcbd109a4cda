/**
 * The sync soak (scripts/soak-sync.ts) at CI size: one office and two counters as processes, a faulty
 * link, an outage, a counter SIGKILLed mid-push, an office killed and restarted. `npm run soak:sync`
 * runs the same with 10,000 events; SOAK_SYNC_EVENTS sets the count here.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../scripts/soak-sync.js';
import { villageLink } from './fault-proxy.js';

const events = Number(process.env.SOAK_SYNC_EVENTS ?? 500);

describe('sync soak', () => {
  it(`${events} events through drops, duplicates, delays, reorders, cut bodies, an outage and crashes: 0 lost, 0 applied twice, all converge`, async () => {
    // A harsher link than the full soak's: fewer requests at this size, so each is likelier to go wrong.
    const faults = { ...villageLink, drop: 0.1, dropResponse: 0.1, duplicate: 0.12, reorder: 0.05, truncateRequest: 0.08, truncateResponse: 0.08 };
    const r = await runSoak({ events, seed: 20260315, households: 120, crashes: true, pushBench: 0, pullBench: false, faults, log: () => {} });
    console.log(
      `[soak:sync] sent ${r.sent} / applied ${r.applied} / duplicates ${r.duplicates} / lost ${r.lost} / seconds ${r.seconds.toFixed(1)}; faults ${JSON.stringify(r.proxy)}`,
    );
    expect(r.differences).toEqual([]);
    expect(r.converged).toBe(true);
    expect(r.sent).toBeGreaterThanOrEqual(events);
    expect(r.lost).toBe(0);
    expect(r.ackedMissingAtOffice).toBe(0);
    expect(r.duplicates).toBe(0);
    expect(r.applied).toBe(r.sent);
    expect(r.failed).toBe(0);
    expect(r.conflicts).toBe(0);
    expect(r.kills).toBe(1);
    expect(r.officeRestarts).toBe(1);
    const p = r.proxy;
    expect(p.refused, 'the outage refused requests').toBeGreaterThan(0);
    for (const kind of ['dropped', 'droppedResponses', 'duplicated', 'delayed', 'reordered', 'truncatedRequests', 'truncatedResponses'] as const) {
      expect(p[kind], `${kind} happened`).toBeGreaterThanOrEqual(1);
    }
  }, 240_000);
});
