/**
 * Bad input, generically over every method in the contract (methods added later are fuzzed too):
 * random, nearly valid and malformed params from every role and from nobody. Two properties:
 * never INTERNAL (a 500), and a rejected call writes nothing: row counts of every table are
 * unchanged and nothing was committed. total_changes() would also count work a rollback undid, so
 * commits are seen through PRAGMA data_version on a second connection, which moves exactly when
 * another connection commits. The one allowed commit on rejection is the failed-PIN count behind
 * the lockout, which must survive its call's rollback.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/connection.js';
import { handlers } from '../app-contract.js';
import type { Reply } from './dispatcher.js';
import { fuzzParams } from './fuzz-support.js';
import type { AnyHandler } from './handler.js';
import { allows, roles, type Role } from './roles.js';
import { stmt } from './statements.js';
import { approved, freshVillage, goods, householdWithPoints, recordPending, redeem, service, tableNames, type Village, type Who } from './test-support.js';

const defs = handlers as Record<string, AnyHandler>;
const methods = Object.keys(defs).sort();
const runs = Number(process.env.FUZZ_RUNS ?? 50);
const seed = Number(process.env.FUZZ_SEED ?? 20260315);

const userFor: Record<Role, Who> = { admin: 'admin', shopkeeper: 'shop', clerk: 'clerk', reviewer: 'review', provider: 'barber', viewer: 'viewer' };

const watchers = new WeakMap<DB, DB>();
const tablesOf = new WeakMap<DB, string[]>();

function fingerprint(db: DB): string {
  let watcher = watchers.get(db);
  if (!watcher) watchers.set(db, (watcher = new Database(db.name, { readonly: true })));
  let tables = tablesOf.get(db);
  if (!tables) tablesOf.set(db, (tables = tableNames(db)));
  const counts = tables.map((t) => (stmt(db, `SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n);
  return `${counts.join(',')}|${watcher.pragma('data_version', { simple: true })}`;
}

function closeWatchers(...dbs: DB[]): void {
  for (const db of dbs) watchers.get(db)?.close();
}

/** A small village with something behind every kind of id, so nearly valid calls reach the handlers' rules. */
async function seeded(): Promise<Village> {
  const v = await freshVillage();
  const h1 = await householdWithPoints(v, 200);
  const h2 = await householdWithPoints(v, 50, { headName: '李秀兰', phone: '13900001234' });
  const soap = await goods(v, { name: '香皂', points: 10, stock: 20, barcode: '6901234567892' });
  await goods(v, { name: '食用油', points: 30, stock: 5 });
  await service(v, { name: '剪头发', points: 5 });
  await redeem(v, h1.id, [{ itemId: soap.id, qty: 1 }]);
  await recordPending(v, h2.id, 'award', 5);
  await approved(v, h2.id, 'deduction', 3);
  return v;
}

/** Users' failed-login counters are the only thing a rejected call may commit (lockout survives rollback). */
const lockoutState = (db: DB) => JSON.stringify(stmt(db, 'SELECT id, failed_logins, locked_until FROM users ORDER BY id').all());
const usersButLockout = (db: DB) =>
  JSON.stringify(
    stmt(db, 'SELECT * FROM users ORDER BY id')
      .all()
      .map((u) => ({ ...(u as object), failed_logins: 0, locked_until: null })),
  );

const tally = { calls: 0, rejected: 0, internal: 0, writesOnRejection: 0, methods: 0 };

afterAll(() => {
  console.log(
    `[fuzz in-process] ${tally.calls} calls over ${tally.methods} methods × ${roles.length + 1} identities (seed ${seed}): ` +
      `${tally.rejected} rejected, ${tally.internal} INTERNAL, ${tally.writesOnRejection} writes on rejection`,
  );
});

describe('fuzz: every method, every role, bad input', () => {
  it.each(methods)('%s', async (method) => {
    const def = defs[method];
    const allowedRoles = roles.filter((r) => allows(def.access, [r]));
    const anyone: (Who | null)[] = [...roles.map((r) => userFor[r]), null];
    // Mostly callers the method admits, so params get past the role check and into validation and the rules.
    const who = allowedRoles.length
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...allowedRoles.map((r) => userFor[r])) }, { weight: 1, arbitrary: fc.constantFrom(...anyone) })
      : fc.constantFrom(...anyone);
    const v = await seeded();
    tally.methods++;
    try {
      await fc.assert(
        fc.asyncProperty(who, fuzzParams(def.input), async (caller, params) => {
          const db = v.d.deps.db;
          const before = fingerprint(db);
          const lockoutBefore = lockoutState(db);
          const usersBefore = usersButLockout(db);
          const reply: Reply = await v.call(caller, method, params);
          tally.calls++;
          expect(Object.keys(reply)).toHaveLength(1);
          if (!('error' in reply)) return;
          tally.rejected++;
          if (reply.error.code === 'INTERNAL') tally.internal++;
          expect(reply.error.code, `${method} ${JSON.stringify(params)?.slice(0, 300)}`).not.toBe('INTERNAL');
          const after = fingerprint(v.d.deps.db);
          if (after === before) return;
          // UNAUTHENTICATED (login, supervisor PIN) or FORBIDDEN (a wrong old PIN in auth.changePin).
          const lockoutBookkeeping =
            ['UNAUTHENTICATED', 'FORBIDDEN'].includes(reply.error.code) &&
            after.split('|')[0] === before.split('|')[0] &&
            lockoutState(v.d.deps.db) !== lockoutBefore &&
            usersButLockout(v.d.deps.db) === usersBefore;
          if (!lockoutBookkeeping) tally.writesOnRejection++;
          expect(lockoutBookkeeping, `${method} rejected with ${reply.error.code} but wrote: ${before} → ${after}`).toBe(true);
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
    } finally {
      closeWatchers(v.db, v.d.deps.db);
      if (v.d.deps.db !== v.db && v.d.deps.db.open) v.d.deps.db.close();
      v.close();
    }
  });
});
