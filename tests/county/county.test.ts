import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../electron/sync/signing.js';
import { createTestDatabase } from '../support/pg.js';
import { prepareOffice, ServerProcess, staff, type PreparedVillage } from '../sync/harness.js';
import { CountyProcess, countyFigures, pilot, registerPilot, sameFigures, villageFigures } from './harness.js';

const fastCounty = { POS_COUNTY_INTERVAL_MS: '200', POS_COUNTY_TIMEOUT_MS: '3000', POS_COUNTY_MAX_BACKOFF_MS: '1000' };
const [hongyang, shanzhugou] = pilot.villages;

let pgUrl: string;
let county: CountyProcess;
let admin: string;
const villages: { prepared: PreparedVillage; office: ServerProcess; token: string; code: string }[] = [];

async function pairVillage(code: string, households: number) {
  const prepared = await prepareOffice({ households, goods: 3, services: 1, pointsPerHousehold: 40, stockPerItem: 500 });
  const office = await ServerProcess.start('office', { dataDir: prepared.dataDir, env: fastCounty });
  const token = await office.login('admin');
  const { code: pairing } = await county.ok('county.villages.pairingCode', { villageCode: code }, admin);
  const paired = await office.ok('county.pair', { countyUrl: county.url, code: pairing, villageCode: code }, token);
  expect(paired.villageCode).toBe(code);
  const v = { prepared, office, token, code };
  villages.push(v);
  return v;
}

async function drain(v: (typeof villages)[number]) {
  for (let i = 0; i < 50; i++) {
    const s = await v.office.ok('county.sync', {}, v.token);
    if (s.pending === 0 && !s.lastError) return s;
  }
  throw new Error('village did not drain its county outbox');
}

beforeAll(async () => {
  pgUrl = await createTestDatabase();
  county = await CountyProcess.start(pgUrl);
  admin = await county.login();
  await registerPilot(county, admin);
}, 120_000);

afterAll(async () => {
  await county?.stop();
  for (const v of villages) await v.office.dispose();
});

describe('county server on PostgreSQL', () => {
  it('registers towns and villages under the county, and refuses codes outside it or without a parent', async () => {
    const areas = (await county.ok('county.areas.list', {}, admin)).areas as { code: string; level: string }[];
    expect(areas.map((a) => a.code)).toEqual(expect.arrayContaining([...pilot.towns, ...pilot.villages].map((a) => a.code)));
    expect((await county.call('county.areas.add', { code: '469031101201', name: '外县村' }, admin)).error?.code).toBe('FORBIDDEN');
    expect((await county.call('county.areas.add', { code: '469030109201', name: '无镇村' }, admin)).error?.code).toBe('NOT_FOUND');
    expect((await county.call('county.areas.add', { code: '469030101201', name: '重复' }, admin)).error?.code).toBe('CONFLICT');
    expect((await county.call('county.areas.add', { code: '46903010120', name: '短' }, admin)).error?.code).toBe('INVALID_INPUT');
  });

  it('locks an account after five wrong PINs', async () => {
    await county.ok('county.users.add', { username: 'lock', name: '测试', pin: '246810', role: 'county_viewer', areaCode: '469030000000' }, admin);
    for (let i = 0; i < 5; i++) expect((await county.call('county.login', { username: 'lock', pin: '000000' })).error?.code).toBe('UNAUTHENTICATED');
    const r = await county.call('county.login', { username: 'lock', pin: '246810' });
    expect(r.error?.code).toBe('UNAUTHENTICATED');
    expect(r.error?.reason).toBe('locked_out');
  });

  it('pairs a village by one-time code, and takes its history exactly once, with sums that match', async () => {
    const v = await pairVillage(hongyang.code, 12);
    await drain(v);
    expect(await sameFigures(pgUrl, v.code, v.prepared.dataDir)).toBe(true);
    const c = await countyFigures(pgUrl, v.code);
    expect(c.conflicts).toEqual([]);
    const vf = villageFigures(v.prepared.dataDir);
    expect(new Set(c.inbox.map((e) => e.uuid))).toEqual(new Set(vf.uuids));
    // A used code does not pair again.
    const { code } = await county.ok('county.villages.pairingCode', { villageCode: hongyang.code }, admin);
    await v.office.ok('county.pair', { countyUrl: county.url, code, villageCode: hongyang.code }, v.token);
    expect((await v.office.call('county.pair', { countyUrl: county.url, code, villageCode: hongyang.code }, v.token)).error?.code).toBe('UNAUTHENTICATED');
    // Re-pairing resends from the start; the county drops every repeat by uuid.
    await drain(v);
    const again = await countyFigures(pgUrl, v.code);
    expect(again.inbox.length).toBe(villageFigures(v.prepared.dataDir).uuids.length);
    expect(again.conflicts).toEqual([]);
  }, 120_000);

  it('refuses a code issued for another village', async () => {
    const v = villages[0];
    const { code } = await county.ok('county.villages.pairingCode', { villageCode: shanzhugou.code }, admin);
    const r = await v.office.call('county.pair', { countyUrl: county.url, code, villageCode: hongyang.code }, v.token);
    expect(r.error?.code).toBe('FORBIDDEN');
    expect(r.error?.reason).toBe('wrong_village');
  });

  it('follows redemptions, voids and a day close; the dashboard adds up to the village', async () => {
    const v = villages[0];
    const shop = await v.office.login('shop');
    const r1 = await v.office.ok(
      'redemptions.create',
      { householdId: v.prepared.households[0], lines: [{ itemId: v.prepared.goods[0], qty: 2 }], requestId: 'countyreq0001' },
      shop,
    );
    await v.office.ok(
      'redemptions.create',
      { householdId: v.prepared.households[1], lines: [{ itemId: v.prepared.services[0], qty: 1 }], requestId: 'countyreq0002' },
      shop,
    );
    await v.office.ok('redemptions.void', { id: r1.id, reason: '退回', supervisorUsername: 'admin', supervisorPin: staff.admin.pin }, shop);
    await v.office.ok('day.close', {}, shop);
    await drain(v);
    expect(await sameFigures(pgUrl, v.code, v.prepared.dataDir)).toBe(true);
    expect((await countyFigures(pgUrl, v.code)).conflicts).toEqual([]);
    const year = new Date().getFullYear();
    const d = await county.ok('county.dashboard', { areaCode: '469030000000', year }, admin);
    const vf = villageFigures(v.prepared.dataDir).years.filter((y) => y.y === year);
    const row = d.villages.find((x: { code: string }) => x.code === v.code);
    expect(row.awarded).toBe(vf.reduce((s, y) => s + y.a, 0));
    expect(row.redeemedGoods + row.redeemedServices).toBe(vf.reduce((s, y) => s + y.r, 0));
    expect(row.households).toBe(12);
    expect(row.participating).toBe(12);
    expect(d.fundingBySource.map((f: { source: string }) => f.source)).toContain('fiscal');
    // Redemption by item: the voided receipt is out, and the items add up to the villages' redemptions.
    expect(d.redemptionByItem.reduce((s: number, i: { points: number }) => s + i.points, 0)).toBe(d.totals.redeemedGoods + d.totals.redeemedServices);
    expect(d.redemptionByItem.every((i: { kind: string; qty: number }) => ['goods', 'service'].includes(i.kind) && i.qty > 0)).toBe(true);
  }, 60_000);

  it('shows a villager their own page by QR token, and a reissued token makes the old one 404', async () => {
    const v = villages[0];
    const first = await v.office.ok('county.qrToken', { householdId: v.prepared.households[0] }, v.token);
    expect(first.url).toBe(`${county.url}/v/${first.token}`);
    await drain(v);
    const page = await fetch(first.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('户主0');
    expect(html).toContain('年度积分');
    const data = await county.ok('villager.page', { token: first.token });
    expect(data.score).toBe(40);
    expect(data.lines).toEqual([expect.objectContaining({ rule: '年度积分', points: 40 })]);
    expect(JSON.stringify(data)).not.toMatch(/phone|idNo|id_no/);
    const second = await v.office.ok('county.qrToken', { householdId: v.prepared.households[0], reissue: true }, v.token);
    expect(second.token).not.toBe(first.token);
    await drain(v);
    expect((await fetch(first.url)).status).toBe(404);
    expect((await fetch(`${county.url}/v/${second.token}`)).status).toBe(200);
    expect((await county.call('villager.page', { token: first.token })).error?.code).toBe('NOT_FOUND');
  }, 60_000);
});

describe('access matrix', () => {
  it('a town viewer reads its own town and villages, never another town or the county', async () => {
    await county.ok('county.users.add', { username: 'chahe', name: '叉河镇', pin: '135790', role: 'town_viewer', areaCode: pilot.towns[0].code }, admin);
    const town = await county.login('chahe', '135790');
    const year = new Date().getFullYear();
    const own = await county.ok('county.dashboard', { areaCode: pilot.towns[0].code, year }, town);
    expect(own.villages.map((x: { code: string }) => x.code).sort()).toEqual([pilot.villages[0].code, pilot.villages[2].code]);
    expect((await county.ok('county.dashboard', { areaCode: hongyang.code, year }, town)).villages).toHaveLength(1);
    for (const areaCode of [pilot.towns[1].code, shanzhugou.code, '469030000000']) {
      for (const m of ['county.dashboard', 'county.report', 'county.reportExport']) {
        const r = await county.call(m, m === 'county.dashboard' ? { areaCode, year } : { areaCode, year, period: 'jun' }, town);
        expect(r.error?.code, `${m} ${areaCode}`).toBe('FORBIDDEN');
      }
    }
    const areas = (await county.ok('county.areas.list', {}, town)).areas.map((a: { code: string }) => a.code);
    expect(areas).not.toContain(shanzhugou.code);
    for (const m of ['county.areas.add', 'county.users.add', 'county.villages.pairingCode', 'county.conflicts']) {
      expect((await county.call(m, {}, town)).error?.code).toBe('FORBIDDEN');
    }
    expect((await county.call('county.dashboard', { areaCode: hongyang.code, year })).error?.code).toBe('UNAUTHENTICATED');
  });

  it('a county viewer reads the whole county and every town in it, and writes nothing', async () => {
    await county.ok('county.users.add', { username: 'xianli', name: '县农业农村局', pin: '246813', role: 'county_viewer', areaCode: '469030000000' }, admin);
    const viewer = await county.login('xianli', '246813');
    const year = new Date().getFullYear();
    for (const areaCode of ['469030000000', pilot.towns[1].code, shanzhugou.code]) {
      expect((await county.call('county.report', { areaCode, year, period: 'dec' }, viewer)).error).toBeUndefined();
    }
    expect((await county.call('county.dashboard', { areaCode: '469031000000', year }, viewer)).error?.reason).toBe('outside_area');
    for (const m of ['county.areas.add', 'county.users.add', 'county.users.list', 'county.villages.pairingCode', 'county.conflicts']) {
      expect((await county.call(m, {}, viewer)).error?.code, m).toBe('FORBIDDEN');
    }
  });

  it("a village can never write another village's data, and what does not add up is flagged, not applied", async () => {
    const v = villages[0];
    const db = new Database(`${v.prepared.dataDir}/points.db`, { readonly: true });
    const link = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'local.county.link'").get() as { value: string }).value);
    db.close();
    const push = async (body: unknown) => {
      const text = JSON.stringify(body);
      const res = await fetch(`${county.url}/county/push`, {
        method: 'POST',
        body: text,
        headers: {
          'content-type': 'application/json',
          ...signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path: '/county/push', body: text }),
        },
      });
      return { status: res.status, ...((await res.json()) as { result?: any; error?: any }) };
    };
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    const before = (await c.query('SELECT COUNT(*)::int AS n FROM households WHERE village_code = $1', [shanzhugou.code])).rows[0].n;
    const last = Number((await c.query('SELECT last_seq FROM village_links WHERE terminal_id = $1', [link.terminalId])).rows[0].last_seq);
    const forged = {
      seq: last + 1,
      uuid: 'f'.repeat(32),
      type: 'household',
      payload: { householdId: 9999, name: '冒名', group: '' },
      at: new Date().toISOString(),
    };
    const other = await push({ village: shanzhugou.code, after: last, events: [forged], sentAt: new Date().toISOString() });
    expect(other.status).toBe(403);
    expect(other.error.reason).toBe('wrong_village');
    expect((await c.query('SELECT COUNT(*)::int AS n FROM households WHERE village_code = $1', [shanzhugou.code])).rows[0].n).toBe(before);
    // Its own village, but sums that do not add up, an ID number smuggled in, and an unknown type.
    const bad = [
      {
        seq: last + 1,
        uuid: 'a'.repeat(32),
        type: 'household.year',
        payload: { householdId: v.prepared.households[0], year: 2026, awarded: 100, deducted: 0, redeemed: 0, score: 90, available: 90 },
        at: 'x',
      },
      {
        seq: last + 2,
        uuid: 'b'.repeat(32),
        type: 'household',
        payload: { householdId: v.prepared.households[0], name: '户主0', group: '', idNo: '460000199001011234' },
        at: 'x',
      },
      {
        seq: last + 3,
        uuid: 'c'.repeat(32),
        type: 'household.year',
        payload: { householdId: v.prepared.households[0], year: 2026, awarded: 1000, deducted: 0, redeemed: 0, score: 1000, available: 1000 },
        at: 'x',
      },
      { seq: last + 4, uuid: 'd'.repeat(32), type: 'secret.menu', payload: {}, at: 'x' },
    ];
    const r = await push({ village: v.code, after: last, events: bad, sentAt: new Date().toISOString() });
    expect(r.result).toEqual({ acked: last + 4, applied: 0, duplicates: 0, flagged: 4 });
    const reasons = (await c.query('SELECT reason FROM conflicts WHERE uuid = ANY($1) ORDER BY id', [bad.map((b) => b.uuid)])).rows.map((x) => x.reason);
    expect(reasons).toEqual(['score_mismatch', 'invalid_payload', 'totals_differ_from_lines', 'unknown_type']);
    // Sent again: acknowledged, counted as repeats, nothing new.
    const again = await push({ village: v.code, after: last, events: bad, sentAt: new Date().toISOString() });
    expect(again.result).toMatchObject({ acked: last + 4, applied: 0, duplicates: 4 });
    // A gap is refused with where to resume.
    const gap = await push({ village: v.code, after: last + 10, events: [], sentAt: new Date().toISOString() });
    expect(gap.error.reason).toBe('gap');
    expect(gap.error.details).toEqual({ expected: last + 4 });
    await c.end();
    // A forged signature never gets that far.
    const text = JSON.stringify({ village: v.code, after: 0, events: [], sentAt: '' });
    const res = await fetch(`${county.url}/county/push`, {
      method: 'POST',
      body: text,
      headers: {
        ...signRequest({ terminalId: link.terminalId, secret: Buffer.alloc(32).toString('base64url'), method: 'POST', path: '/county/push', body: text }),
      },
    });
    expect(res.status).toBe(401);
  });

  it('the progress report lists villages that have not reported, compares with medians, and exports to Excel', async () => {
    const year = new Date().getFullYear();
    const r = await county.ok('county.report', { areaCode: '469030000000', period: 'dec', year }, admin);
    expect(r.villages).toHaveLength(3);
    expect(r.notReported.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining([shanzhugou.code, pilot.villages[2].code]));
    expect(r.notReported.find((x: { code: string }) => x.code === shanzhugou.code).asOf).toBeNull();
    expect(r.countyMedians.participationPct).toBe(0);
    const hy = r.villages.find((x: { code: string }) => x.code === hongyang.code);
    expect(hy.participationPct).toBe(100);
    expect(hy.townMedians.participationPct).toBe(50);
    const x = await county.ok('county.reportExport', { areaCode: '469030000000', period: 'dec', year }, admin);
    expect(x.filename).toMatch(/\.xlsx$/);
    const { readWorkbook, cellText } = await import('../../electron/core/xlsx.js');
    const wb = await readWorkbook(Buffer.from(x.base64, 'base64'));
    const ws = wb.worksheets[0];
    expect(cellText(ws.getRow(1).getCell(2).value)).toBe('村');
    const names = [2, 3, 4].map((i) => cellText(ws.getRow(i).getCell(2).value));
    expect(names).toEqual(expect.arrayContaining(['红阳村', '山竹沟村', '新村']));
  });
});

describe('migrations', () => {
  it('refuses to start on a migration history that is not ours', async () => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1");
    await c.end();
    const other = new CountyProcess(pgUrl);
    await expect(other.spawn()).rejects.toThrow(/migration history does not match/);
  });
});
