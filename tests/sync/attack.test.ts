/**
 * The office trusts nothing it is told. A real office process and a real paired counter process; the
 * attacker holds the counter's real signing key (read from its database file, as anyone with the PC
 * could) and pushes forged events straight to /sync/push. Each forged event must be refused with its
 * reason (flagged, acknowledged) and never applied; a legitimate event pushed after each one is applied
 * exactly once; at the end the office still redeems at its own counter. Then a bounded fuzz over every
 * event schema, judged by the office's own invariants, and the pairing edge (lockout, bad key, depth).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventPayloads, eventTypes, type EventType } from '../../electron/core/events/schemas.js';
import { fuzzParams } from '../../electron/core/fuzz-support.js';
import { signRequest } from '../../electron/sync/signing.js';
import { newKeyPair } from '../../electron/sync/office.js';
import type { SyncLink } from '../../electron/sync/counter.js';
import { pairedCounter, prepareOffice, ServerProcess, staff, type PreparedVillage } from './harness.js';

let village: PreparedVillage;
let office: ServerProcess;
let counter: ServerProcess;
let link: SyncLink;
let shopCounter: string;
let officeShop: string;
let officeAdmin: string;
let priced: number; // a goods item at 50 points
let openItem: number; // an open-price service, 10–100 points
const users: Record<string, number> = {};

/** Every forged uuid, with the reason the office must give (null: any refusal will do, as in the fuzz). */
const forged = new Map<string, string | null>();
let fuzzed = 0;

function readDb<T>(dataDir: string, f: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'points.db'), { readonly: true, fileMustExist: true });
  try {
    return f(db);
  } finally {
    db.close();
  }
}

interface Outboxed {
  seq: number;
  uuid: string;
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

/** The counter's newest outbox event of a type: a legitimate event, exactly as the counter wrote it. */
const lastOutboxed = (type: string): Outboxed =>
  readDb(counter.dataDir, (db) => {
    const r = db.prepare('SELECT seq, uuid, type, payload, at FROM outbox WHERE type = ? ORDER BY seq DESC LIMIT 1').get(type) as Omit<Outboxed, 'payload'> & {
      payload: string;
    };
    return { ...r, payload: JSON.parse(r.payload) as Record<string, unknown> };
  });

let acked = 0;

/** A signed push of these events, as the counter's agent would send them (the next seqs after what the office acknowledged). */
async function push(events: { uuid: string; type: string; payload: unknown; at?: string }[]) {
  const body = JSON.stringify({
    after: acked,
    events: events.map((e, i) => ({ seq: acked + 1 + i, uuid: e.uuid, type: e.type, payload: e.payload, at: e.at ?? new Date().toISOString() })),
  });
  const headers = {
    'content-type': 'application/json',
    ...signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path: '/sync/push', body }),
  };
  const res = await fetch(`${office.url}/sync/push`, { method: 'POST', headers, body });
  const json = (await res.json()) as { result?: { acked: number; applied: number; refused: number }; error?: { code: string; message: string } };
  if (!json.result) throw new Error(`push refused: ${res.status} ${JSON.stringify(json.error)}`);
  acked = json.result.acked;
  return json.result;
}

const inbox = (uuid: string) =>
  readDb(
    office.dataDir,
    (db) => db.prepare('SELECT status, reason FROM sync_inbox WHERE uuid = ?').get(uuid) as { status: string; reason: string | null } | undefined,
  );

/** A real redemption at the counter, pushed by us (its uuid and all): it must be applied once. */
async function legit(n: number): Promise<void> {
  const r = await counter.ok(
    'redemptions.create',
    { householdId: village.households[n % village.households.length], lines: [{ itemId: village.goods[0], qty: 1 }], requestId: `legit-${n}-${randomUUID()}` },
    shopCounter,
  );
  const ev = lastOutboxed('redemption.create');
  expect(ev.payload.receiptNo).toBe(r.receiptNo);
  await push([ev]);
  await push([ev]); // a retransmission: still once
  expect(inbox(ev.uuid)?.status).toBe('applied');
  expect(readDb(office.dataDir, (db) => (db.prepare('SELECT COUNT(*) AS n FROM redemptions WHERE receipt_no = ?').get(r.receiptNo) as { n: number }).n)).toBe(
    1,
  );
}

let legitN = 0;

/** One forged event, then a legitimate one. */
async function attempt(type: string, payload: unknown, reason: string): Promise<void> {
  const uuid = randomUUID();
  forged.set(uuid, reason);
  await push([{ uuid, type, payload }]);
  expect(inbox(uuid), `${type} → ${reason}`).toMatchObject({ status: 'refused', reason });
  await legit(legitN++);
}

beforeAll(async () => {
  village = await prepareOffice({ households: 3, goods: 3, services: 1, pointsPerHousehold: 5000, stockPerItem: 500 });
  office = await ServerProcess.start('office', { dataDir: village.dataDir });
  officeAdmin = await office.login('admin');
  officeShop = await office.login('shop');
  priced = (await office.ok('catalog.save', { kind: 'goods', name: '大米 10斤', unit: '袋', points: 50 }, officeShop)).id;
  await office.ok('stock.receive', { itemId: priced, qty: 100, fundingSource: 'fiscal' }, officeShop);
  openItem = (await office.ok('catalog.save', { kind: 'service', name: '缴纳医保', unit: '次', openPrice: true, minPoints: 10, maxPoints: 100 }, officeShop))
    .id;
  // The counter's agent waits 10 minutes between cycles: the attacker, not the agent, pushes here.
  ({ counter } = await pairedCounter(office, office.url, { name: '被盗柜台', env: { POS_SYNC_INTERVAL_MS: '600000' } }));
  link = readDb(
    counter.dataDir,
    (db) => JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'sync.link'").get() as { value: string }).value) as SyncLink,
  );
  shopCounter = await counter.login('shop');
  for (const who of Object.keys(staff))
    users[who] = readDb(
      office.dataDir,
      (db) => (db.prepare('SELECT id FROM users WHERE username = ?').get(staff[who as keyof typeof staff].username) as { id: number }).id,
    );
  acked = readDb(office.dataDir, (db) => (db.prepare('SELECT last_outbox_seq AS s FROM sync_terminals WHERE id = ?').get(link.terminalId) as { s: number }).s);
}, 180_000);

afterAll(async () => {
  for (const p of [counter, office]) await p?.dispose();
});

/** A valid redemption payload from the counter, to forge from: only the fields a case names change. */
async function template(): Promise<Record<string, unknown>> {
  await legit(legitN++);
  return structuredClone(lastOutboxed('redemption.create').payload);
}

const year = () => new Date().getFullYear();

describe("forged events through a real office with the counter's real key", () => {
  it('refuses each forged case with its reason; the legitimate event after each is applied exactly once', async () => {
    expect(link.counterId).toBe('C02');
    const t = await template();
    const source = t.source as Record<string, unknown>;
    const line = (t.lines as Record<string, unknown>[])[0];

    // 1. A void of a receipt the office itself issued.
    const own = await office.ok(
      'redemptions.create',
      { householdId: village.households[0], lines: [{ itemId: village.goods[1], qty: 1 }], requestId: `office-own-${randomUUID()}` },
      officeShop,
    );
    await attempt(
      'redemption.void',
      { receiptNo: own.receiptNo, reason: '伪造作废', userId: users.shop, supervisorId: users.admin, at: new Date().toISOString(), source },
      'void_not_own',
    );
    expect(readDb(office.dataDir, (db) => db.prepare('SELECT COUNT(*) AS n FROM redemption_voids').get())).toEqual({ n: 0 });

    // 2. Receipt numbers in the office's namespace (C01), with the counter id claimed as C01 or left as C02.
    await attempt('redemption.create', { ...t, receiptNo: `C01-${year()}-900001`, counterId: 'C01', requestId: randomUUID() }, 'receipt_namespace');
    await attempt('redemption.create', { ...t, receiptNo: `C01-${year()}-900002`, requestId: randomUUID() }, 'receipt_namespace');
    await attempt(
      'redemption.create',
      { ...t, receiptNo: `C02-${year()}-900003`, source: { ...source, counterId: 'C01' }, requestId: randomUUID() },
      'receipt_namespace',
    );

    // 3. 10 bags of rice (500 points of lines) for a total of 1; a line under the catalog price; a line that is not qty × price.
    const rice = { itemId: priced, name: '大米 10斤', kind: 'goods', unit: '袋', qty: 10, unitPoints: 50, linePoints: 500, providerId: null };
    const fresh = (n: number) => ({ ...t, receiptNo: `C02-${year()}-8${String(n).padStart(5, '0')}`, requestId: randomUUID() });
    await attempt('redemption.create', { ...fresh(1), lines: [rice], totalPoints: 1 }, 'total_mismatch');
    await attempt('redemption.create', { ...fresh(2), lines: [{ ...rice, unitPoints: 1, linePoints: 10 }], totalPoints: 10 }, 'price_mismatch');
    await attempt('redemption.create', { ...fresh(3), lines: [{ ...rice, linePoints: 5 }], totalPoints: 5 }, 'total_mismatch');
    const medical = { itemId: openItem, name: '缴纳医保', kind: 'service', unit: '次', qty: 1, unitPoints: 5000, linePoints: 5000, providerId: null };
    await attempt('redemption.create', { ...fresh(4), lines: [medical], totalPoints: 5000 }, 'open_price_bounds');
    await attempt('redemption.create', { ...fresh(5), lines: [{ ...rice, qty: -10, linePoints: -500 }], totalPoints: 0 }, 'schema_invalid');
    await attempt('redemption.create', { ...fresh(6), lines: [{ ...line, kind: 'service' }] }, 'item_mismatch');

    // 4. Stock receipts of −1000 and 1e9.
    const note = (n: number, qty: number) => ({
      noteNo: `RK-C02-${year()}-9${String(n).padStart(3, '0')}`,
      note: '',
      at: new Date().toISOString(),
      lines: [{ itemId: priced, qty, fundingSource: 'fiscal', donor: null, unitCostFen: null }],
      source,
    });
    await attempt('stock.receive', note(1, -1000), 'qty_bounds');
    await attempt('stock.receive', note(2, 1e9), 'qty_bounds');
    await attempt('stock.receive', { ...note(3, 5), noteNo: `RK-C01-${year()}-9003` }, 'document_namespace');

    // 5. A count: a bare delta (the retired stock.count), a sheet with no lines, a delta that is not counted − expected, a variance without a reason.
    await attempt('stock.count', { itemId: priced, delta: -50, reason: '伪造', source }, 'count_without_sheet');
    const sheet = (n: number, lines: unknown[]) => ({
      sheetNo: `PD-C02-${year()}-9${String(n).padStart(3, '0')}`,
      scope: 'partial',
      note: '',
      at: new Date().toISOString(),
      lines,
      source,
    });
    const counted = { itemId: priced, name: '大米 10斤', unit: '袋', expectedQty: 100, countedQty: 90, delta: -10, reason: '破损' };
    await attempt('stock.stocktake', sheet(1, []), 'count_without_sheet');
    await attempt('stock.stocktake', sheet(2, [{ ...counted, delta: -90 }]), 'count_without_sheet');
    await attempt('stock.stocktake', sheet(3, [{ ...counted, reason: '' }]), 'count_without_sheet');
    await attempt('stock.stocktake', sheet(4, [{ ...counted, countedQty: 1e9, delta: 1e9 - 100 }]), 'qty_bounds');

    // 6. The operator and the supervisor: a clerk at the till, an operator that is not who signed the event, a shopkeeper as supervisor.
    await attempt('redemption.create', { ...fresh(7), operatorId: users.clerk, source: { ...source, userId: users.clerk } }, 'operator_not_allowed');
    await attempt('redemption.create', { ...fresh(8), operatorId: users.admin }, 'operator_not_allowed');
    await attempt('redemption.create', { ...fresh(9), overrideBy: users.shop, overrideReason: '特批' }, 'supervisor_not_admin');
    const mine = t.receiptNo as string;
    await attempt(
      'redemption.void',
      { receiptNo: mine, reason: '伪造', userId: users.shop, supervisorId: users.shop, at: new Date().toISOString(), source },
      'supervisor_not_admin',
    );
    await attempt('stock.receive', { ...note(4, 5), source: { ...source, userId: users.review } }, 'operator_not_allowed');

    // 7. A day close for another terminal.
    const to = new Date().toISOString();
    const close = {
      closeNo: 1,
      counterId: 'C01',
      after: null,
      from: to,
      to,
      localDate: source.date,
      userId: users.shop,
      at: to,
      count: 0,
      points: 0,
      voids: 0,
      voidPoints: 0,
      firstReceiptNo: null,
      lastReceiptNo: null,
      receipts: [],
      source,
    };
    await attempt('day.close', close, 'close_other_terminal');

    // 8. Office-only news, unknown types and malformed payloads.
    await attempt('settings.pointValue', { fenPerPoint: 1, source }, 'office_only');
    await attempt('board.withdraw', { id: 1, year: year(), quarter: 1, withdrawsId: 1, reason: 'x', source }, 'office_only');
    await attempt('points.record', { householdId: village.households[0], points: 1_000_000, source }, 'unknown_type');
    await attempt('redemption.create', { ...fresh(10), source: undefined }, 'schema_invalid');
    await attempt('redemption.create', { ...fresh(11), totalPoints: '500' }, 'schema_invalid');
    await attempt('redemption.create', null, 'schema_invalid');

    // Nothing forged reached the ledger: the rice shelf is where the office left it, no stock of 1e9 anywhere.
    expect(readDb(office.dataDir, (db) => db.prepare('SELECT qty FROM stock_levels WHERE item_id = ?').get(priced))).toEqual({ qty: 100 });
    expect(
      readDb(office.dataDir, (db) => db.prepare("SELECT COUNT(*) AS n FROM redemptions WHERE receipt_no LIKE 'C02-%-8%' OR receipt_no LIKE 'C01-%-9%'").get()),
    ).toEqual({ n: 0 });
  }, 240_000);

  it('fuzz: every event schema, 200 runs each, nearly valid payloads mutated; whatever the office applies keeps its invariants', async () => {
    const source = lastOutboxed('redemption.create').payload.source as Record<string, unknown>;
    for (const type of eventTypes as EventType[]) {
      const payloads = fc.sample(fuzzParams(eventPayloads[type]), { numRuns: 200, seed: 1010 + type.length });
      for (let i = 0; i < payloads.length; i += 50) {
        const batch = payloads.slice(i, i + 50).map((payload) => {
          const uuid = randomUUID();
          forged.set(uuid, null);
          // Half keep the real source, so the checks (not only the schema) are reached.
          const p = i % 100 === 0 && payload && typeof payload === 'object' && !Array.isArray(payload) ? { ...payload, source } : payload;
          return { uuid, type, payload: p };
        });
        fuzzed += batch.length;
        await push(batch);
      }
      await legit(legitN++);
    }
  }, 300_000);

  it('the office still redeems and logs services at its own counter, and the counter sees what was refused', async () => {
    const r = await office.ok(
      'redemptions.create',
      { householdId: village.households[1], lines: [{ itemId: priced, qty: 1 }], requestId: `office-after-${randomUUID()}` },
      officeShop,
    );
    expect(r.receiptNo).toMatch(/^C01-/);
    const barber = await office.login('barber');
    const s = await office.ok(
      'services.log',
      { itemId: village.barberService, householdId: village.households[2], requestId: `office-svc-${randomUUID()}` },
      barber,
    );
    expect(s.receiptNo).toMatch(/^C01-/);

    const status = await counter.ok('sync.now', {}, shopCounter);
    expect(status.refused.count).toBeGreaterThanOrEqual(30);
    expect(status.refused.items[0]).toMatchObject({ reason: expect.any(String), type: expect.any(String) });
    expect(status.pending).toBe(0);
    const conflicts = await office.ok('sync.conflicts', { open: true, limit: 500 }, officeAdmin);
    expect(conflicts.items.every((c: { kind: string; reason: string | null }) => c.kind !== 'refused' || typeof c.reason === 'string')).toBe(true);
    expect(
      readDb(office.dataDir, (db) => db.prepare("SELECT counter_id, events FROM sync_conflicts WHERE kind = 'refused' AND reason = 'void_not_own'").all()),
    ).toEqual([{ counter_id: 'C02', events: expect.any(String) }]);

    // The tally: every forged event is either flagged, or (fuzz only) a valid event that keeps every invariant.
    const result = readDb(office.dataDir, (db) => {
      const statuses = new Map(
        (db.prepare('SELECT uuid, status, reason FROM sync_inbox').all() as { uuid: string; status: string; reason: string | null }[]).map((x) => [x.uuid, x]),
      );
      const flaggedUuids = new Set(
        (db.prepare("SELECT events FROM sync_conflicts WHERE kind IN ('refused', 'apply_failed')").all() as { events: string }[]).flatMap(
          (c) => JSON.parse(c.events) as string[],
        ),
      );
      let flagged = 0;
      let appliedForged = 0;
      let validFuzz = 0;
      for (const [uuid, reason] of forged) {
        const st = statuses.get(uuid);
        if (flaggedUuids.has(uuid)) flagged++;
        else if (st?.status === 'applied' || st?.status === 'ignored' || st?.status === 'duplicate') {
          if (reason === null) validFuzz++;
          else appliedForged++;
        } else appliedForged++; // neither flagged nor recorded: lost, which is as bad
      }
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      // The office's invariants, read from its own rows: anything forged that got through shows here.
      const violations =
        n(
          `SELECT COUNT(*) AS n FROM redemptions d WHERE total_points <> (SELECT COALESCE(SUM(line_points), 0) FROM redemption_lines l WHERE l.redemption_id = d.id)`,
        ) +
        n('SELECT COUNT(*) AS n FROM redemption_lines WHERE line_points <> qty * unit_points OR qty <= 0 OR qty > 100000') +
        n(
          'SELECT COUNT(*) AS n FROM redemption_lines l JOIN catalog_items c ON c.id = l.item_id WHERE (c.open_price = 0 AND l.unit_points <> c.points) OR (c.open_price = 1 AND (l.unit_points < c.min_points OR l.unit_points > c.max_points)) OR c.kind <> l.item_kind',
        ) +
        n('SELECT COUNT(*) AS n FROM redemptions WHERE substr(receipt_no, 1, 3) <> counter_id') +
        n("SELECT COUNT(*) AS n FROM redemption_voids v JOIN redemptions d ON d.id = v.redemption_id WHERE d.counter_id = 'C01'") +
        n("SELECT COUNT(*) AS n FROM stock_movements WHERE kind = 'receive' AND (delta <= 0 OR delta > 100000)") +
        n("SELECT COUNT(*) AS n FROM stock_movements WHERE kind = 'count' AND stocktake_id IS NULL") +
        n('SELECT COUNT(*) AS n FROM stock_levels WHERE qty > 1000000') +
        n("SELECT COUNT(*) AS n FROM day_closes WHERE counter_id = 'C01'") +
        n(
          `SELECT COUNT(*) AS n FROM redemptions d JOIN users u ON u.id = d.operator_id WHERE u.roles NOT LIKE '%shopkeeper%' AND u.roles NOT LIKE '%admin%' AND u.roles NOT LIKE '%provider%'`,
        ) +
        n(`SELECT COUNT(*) AS n FROM redemptions d JOIN users u ON u.id = d.override_by WHERE u.roles NOT LIKE '%admin%'`) +
        n(`SELECT COUNT(*) AS n FROM redemption_voids v JOIN users u ON u.id = v.supervisor_id WHERE u.roles NOT LIKE '%admin%'`);
      return { flagged, silent: appliedForged + violations, validFuzz };
    });
    console.log(
      `forged events tried ${forged.size}, applied silently ${result.silent}, flagged ${result.flagged}` +
        ` (${forged.size - fuzzed} hand-made, ${fuzzed} fuzzed; ${result.validFuzz} fuzzed payloads were still valid events, applied within every invariant)`,
    );
    expect(result.silent).toBe(0);
    expect(result.flagged + result.validFuzz).toBe(forged.size);
  }, 120_000);
});

describe('the pairing and push edge of /sync/', () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${office.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('a 20,000-deep payload in a signed push is 400, and the channel still flows', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const body = `{"after":${acked},"events":[{"seq":${acked + 1},"uuid":"${randomUUID()}","type":"redemption.create","payload":${deep},"at":"${new Date().toISOString()}"}]}`;
    const res = await post('/sync/push', body, {
      ...signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path: '/sync/push', body }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; reason: string } }).error).toMatchObject({
      code: 'INVALID_INPUT',
      reason: 'too_deep',
    });
    await legit(legitN++);
  });

  it('each malformed request at the edge says why, and the channel still flows', async () => {
    const signed = (path: string, body: string) =>
      post(path, body, { ...signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path, body }) });
    const event = (seq: number) => ({ seq, uuid: randomUUID(), type: 'redemption.create', payload: {}, at: new Date().toISOString() });
    const cases: [string, () => Promise<Response>, number, string][] = [
      [
        'a push whose seqs do not rise',
        () => signed('/sync/push', JSON.stringify({ after: acked, events: [event(acked + 2), event(acked + 1)] })),
        400,
        'push_out_of_order',
      ],
      ['a pull from a negative seq', () => signed('/sync/pull', JSON.stringify({ after: -1 })), 400, 'bad_pull'],
      ['a pairing without a code', () => post('/sync/pair', JSON.stringify({ publicKey: 'short' })), 400, 'bad_pairing_request'],
      ['a pairing that is not JSON', () => post('/sync/pair', '{"code":'), 400, 'invalid_json'],
      ['a GET of the pull', () => fetch(`${office.url}/sync/pull`), 400, 'method_not_allowed'],
      ['an endpoint that does not exist', () => post('/sync/nothing', '{}'), 404, 'unknown_sync_endpoint'],
    ];
    for (const [what, send, status, reason] of cases) {
      const res = await send();
      expect(res.status, what).toBe(status);
      expect(((await res.json()) as { error: { reason?: string } }).error.reason, what).toBe(reason);
    }
    // A counter's own API port is not the office: its /sync/ answers 404 with its reason.
    const res = await fetch(`${counter.url}/sync/pull`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { reason?: string } }).error.reason).toBe('sync_not_served');
    await legit(legitN++);
  });

  it('an all-zero or malformed X25519 public key in pairing is 400 INVALID_INPUT', async () => {
    const { code } = await office.ok('sync.pairingCode', {}, officeAdmin);
    // All zeros and u = 1 are low-order points (an all-zero shared secret); the others do not decode.
    for (const publicKey of ['A'.repeat(43), 'AQ' + 'A'.repeat(41), '+'.repeat(43), 'short', 'A'.repeat(44)]) {
      const res = await post('/sync/pair', JSON.stringify({ code, publicKey }));
      expect(res.status, publicKey).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
    }
  });

  it('after 20 wrong codes every open code is withdrawn, and it sticks', async () => {
    const { code } = await office.ok('sync.pairingCode', {}, officeAdmin);
    const key = newKeyPair().publicX;
    for (let i = 0; i < 20; i++) {
      const res = await post('/sync/pair', JSON.stringify({ code: `WRNG-${'ABCDEFGHJKMNPQRSTUVW'[i]}XYZ`, publicKey: key }));
      expect(res.status).toBe(401);
    }
    const res = await post('/sync/pair', JSON.stringify({ code, publicKey: key }));
    expect(res.status).toBe(401);
    expect(readDb(office.dataDir, (db) => db.prepare('SELECT COUNT(*) AS n FROM sync_pairing_codes WHERE used_at IS NULL').get())).toEqual({ n: 0 });
  });
});
