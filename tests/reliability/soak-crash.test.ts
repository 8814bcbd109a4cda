import { describe, expect, it } from 'vitest';
import { runSoak } from '../../scripts/soak-crash.js';

// CI runs a short soak; `npm run soak:crash` runs the full 200 kills.
const kills = Number(process.env.SOAK_KILLS ?? 20);

describe('crash soak: SIGKILL a redeeming process at random instants', () => {
  it(`${kills} kills leave a consistent database with every reported redemption in it`, async () => {
    const r = await runSoak({ kills, seed: 7 });
    console.log(
      `[soak] kills: ${r.kills}, checks: ${r.checks}, violations: ${r.violations.length} (${r.committed} redemptions, ${r.voids} voids reported committed, ${r.seconds.toFixed(0)} s)`,
    );
    expect(r.kills).toBe(kills);
    expect(r.committed).toBeGreaterThan(kills);
    expect(r.violations).toEqual([]);
  }, 240_000);
});
