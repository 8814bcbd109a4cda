// The fuzz over real HTTP, a smaller sample than the in-process one (electron/core/fuzz.test.ts):
// random methods (real and made-up), every demo user or none or a forged token, nearly valid,
// malformed and non-JSON bodies. Never a 500, every reply well-formed, and a rejected call
// commits nothing (row counts, and PRAGMA data_version seen from a second connection to the file).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../electron/app-contract.js';
import { fuzzParams } from '../../electron/core/fuzz-support.js';
import type { AnyHandler } from '../../electron/core/handler.js';
import { startServer, type DemoUser, type TestServer } from './server.js';

const defs = handlers as Record<string, AnyHandler>;
const runs = Number(process.env.FUZZ_HTTP_RUNS ?? 300);
const seed = Number(process.env.FUZZ_SEED ?? 20260315);

let s: TestServer;
let watcher: Database.Database;
const tokens: Record<string, string | undefined> = {};

beforeAll(async () => {
  s = await startServer();
  for (const u of ['admin', 'shop', 'clerk', 'review', 'barber'] as DemoUser[]) tokens[u] = await s.login(u);
  tokens.none = undefined;
  tokens.forged = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  watcher = new Database(join(s.dataDir, 'points.db'), { readonly: true });
});
afterAll(async () => {
  watcher?.close();
  await s?.stop();
});

const tables = () =>
  (watcher.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );
function fingerprint() {
  const counts = tables()
    .map((t) => (watcher.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n)
    .join(',');
  return { counts, version: watcher.pragma('data_version', { simple: true }) as number };
}

const methodArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...Object.keys(defs)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('nope.none', '__proto__', 'constructor', 'auth.login/../users.create', '%2e%2e', 'users.create?x=1', 'a'.repeat(300)),
  },
);

describe('fuzz over HTTP', () => {
  it(`${runs} random calls: no 500, well-formed replies, no commit on rejection`, async () => {
    const tally = { calls: 0, rejected: 0, s500: 0 };
    const call = fc
      .record({
        method: methodArb,
        who: fc.constantFrom(...Object.keys(tokens)),
        raw: fc.oneof(
          { weight: 6, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.constantFrom('{', 'null', '[]', '"x"', '{"a":', '\u0000', 'true', '1e999', '{"__proto__":{"x":1}}') },
        ),
      })
      .chain((c) => fc.tuple(fc.constant(c), Object.hasOwn(defs, c.method) ? fuzzParams(defs[c.method].input) : fc.jsonValue()));
    await fc.assert(
      fc.asyncProperty(call, async ([c, params]) => {
        const before = fingerprint();
        // server.call/raw assert the reply shape: exactly {result} with 200 or {error:{code,message}} otherwise.
        const r = c.raw !== null ? await s.raw(c.method, c.raw, tokens[c.who]) : await s.call(c.method, params, tokens[c.who]);
        tally.calls++;
        if (r.status >= 500 && r.status !== 503) tally.s500++;
        expect(r.status, `${c.method} ${JSON.stringify(r.body)}`).not.toBe(500);
        if (!r.body.error) return;
        tally.rejected++;
        const after = fingerprint();
        expect(after.counts, `${c.method} rejected (${r.body.error.code}) but row counts changed`).toBe(before.counts);
        // A wrong PIN commits its failure count (the lockout; UNAUTHENTICATED, or FORBIDDEN for auth.changePin's old PIN).
        if (!['UNAUTHENTICATED', 'FORBIDDEN'].includes(r.body.error.code))
          expect(after.version, `${c.method} rejected (${r.body.error.code}) but committed`).toBe(before.version);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    console.log(`[fuzz http] ${tally.calls} calls: ${tally.rejected} rejected, ${tally.s500} HTTP 500, 0 commits on rejection`);
  }, 180_000);
});
