// The village office over real HTTP: a clerk imports a 300-household roster from Excel, records a batch
// award with a photo, a reviewer approves it, and the counter then sees the points. Rejected, reversed
// and capped entries; the 台账 export read back with exceljs; the public-notice period; default rules.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterXlsx, villageRoster } from '../../electron/core/domains/office/roster-fixture.js';
import { expectError, householdByCard, newRequestId, startServer, type TestServer } from './server.js';

let s: TestServer;
let admin: string;
let clerk: string;
let review: string;
let shop: string;
let today: string;
let year: number;

interface Rule {
  id: number;
  name: string;
  points: number | null;
  capPerYear: number | null;
  kind: string;
}
let rules: Rule[];
const ruleNamed = (name: string) => {
  const r = rules.find((x) => x.name === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
};

beforeAll(async () => {
  s = await startServer();
  [admin, clerk, review, shop] = await Promise.all([s.login('admin'), s.login('clerk'), s.login('review'), s.login('shop')]);
  today = (await s.ok('calendar.get', {}, admin)).today;
  year = Number(today.slice(0, 4));
  rules = (await s.ok('rules.list', {}, clerk)).items;
});
afterAll(async () => {
  await s?.stop();
});

const accountAtCounter = async (cardNo: string) => {
  const { items } = await s.ok('households.search', { q: cardNo }, shop);
  return items.find((i: { cardNo: string }) => i.cardNo === cardNo) as { id: number; score: number; available: number };
};

async function readWorkbook(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
  return wb;
}

describe('import → record → review → counter', () => {
  const imported: string[] = [];

  it('a clerk imports a 300-household roster from Excel in seconds', async () => {
    const file = await rosterXlsx(villageRoster(300, { cardPrefix: 'HY' }));
    const t0 = performance.now();
    const r = await s.ok('households.import', { xlsxBase64: file.toString('base64') }, clerk);
    const ms = Math.round(performance.now() - t0);
    console.log(`households.import: 300 households / 900 members over HTTP in ${ms} ms`);
    expect(r).toEqual({ created: 300, updated: 0, unchanged: 0, errors: [] });
    expect(ms).toBeLessThan(10_000);
    const list = await s.ok('households.list', { q: 'HY', limit: 2000 }, clerk);
    expect(list.total).toBe(300);
    imported.push(...list.items.map((h: { cardNo: string }) => h.cardNo));
  });

  it('a file with a bad row imports nothing and reports the row', async () => {
    const rows = villageRoster(3, { cardPrefix: 'BAD', startAt: 400 });
    rows[1] = { ...rows[1], idNo: '12345' };
    const r = await s.ok('households.import', { xlsxBase64: (await rosterXlsx(rows)).toString('base64') }, clerk);
    expect(r.created).toBe(0);
    expect(r.errors).toEqual([{ row: 3, message: expect.stringMatching(/18 位/) }]);
    expect((await s.ok('households.list', { q: 'BAD' }, clerk)).total).toBe(0);
  });

  it('records a batch award with one photo, a reviewer approves it in bulk, and available points change at the counter', async () => {
    const labour = ruleNamed('参加村集体义务劳动（每次）');
    const ids = (await s.ok('households.list', { q: 'HY', limit: 2000 }, clerk)).items.map((h: { id: number }) => h.id);
    const before = await accountAtCounter(imported[0]);
    expect(before.available).toBe(0);

    const { entries } = await s.ok('points.record', { householdIds: ids, ruleId: labour.id, occurredOn: today, note: '义务劳动日' }, clerk);
    expect(entries).toHaveLength(300);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('photo')]);
    const photo = await s.ok(
      'points.attachPhoto',
      { entryIds: entries.map((e: { id: number }) => e.id), imageBase64: jpeg.toString('base64'), mime: 'image/jpeg' },
      clerk,
    );
    expect(photo.attached).toHaveLength(300);
    expect((await accountAtCounter(imported[0])).available).toBe(0); // pending does not count

    const queue = await s.ok('points.pending', { limit: 1000 }, review);
    const mine = queue.items.filter((i: { note: string }) => i.note === '义务劳动日');
    expect(mine).toHaveLength(300);
    expect(mine[0].photos).toBe(1);
    expectError(await s.call('points.review', { entryIds: [mine[0].id], decision: 'approve' }, clerk), 'FORBIDDEN', 403);
    expect(await s.ok('points.review', { entryIds: mine.map((i: { id: number }) => i.id), decision: 'approve' }, review)).toEqual({ reviewed: 300 });

    for (const card of [imported[0], imported[150], imported[299]]) {
      expect(await accountAtCounter(card)).toMatchObject({ score: 5, available: 5 });
    }
    const got = await s.ok('points.photo', { id: photo.id }, review);
    expect(Buffer.from(got.imageBase64, 'base64').equals(jpeg)).toBe(true);
  });

  it('the counter redeems the new points', async () => {
    const h = await accountAtCounter(imported[1]);
    const items = (await s.ok('catalog.list', {}, shop)).items as { id: number; name: string; points: number | null; kind: string; stock: number | null }[];
    const toothpaste = items.find((i) => i.name === '牙膏')!;
    const svc = await s.ok('catalog.save', { kind: 'goods', name: '测试小物', unit: '个', points: 5 }, shop);
    await s.ok('stock.receive', { itemId: svc.id, qty: 1, fundingSource: 'fiscal' }, shop);
    expectError(
      await s.call('redemptions.create', { householdId: h.id, lines: [{ itemId: toothpaste.id, qty: 1 }], requestId: newRequestId() }, shop),
      'INSUFFICIENT_POINTS',
      422,
    );
    const r = await s.ok('redemptions.create', { householdId: h.id, lines: [{ itemId: svc.id, qty: 1 }], requestId: newRequestId() }, shop);
    expect(r.account).toMatchObject({ score: 5, available: 0 });
  });

  it('office.home shows the year: nothing pending from the batch, and who was never scored', async () => {
    const home = await s.ok('office.home', {}, review);
    expect(home.totals.households).toBe(340);
    expect(home.neverScored.count).toBe(0);
    expect(home.totals.scoredHouseholds).toBe(340);
  });
});

describe('rejected, reversed and capped entries', () => {
  let h: number;
  let card: string;
  beforeAll(async () => {
    card = (await s.ok('households.create', { headName: '测试户', group: '第一村民小组' }, clerk)).cardNo;
    h = await householdByCard(s, clerk, card);
  });

  it('a rejected entry never counts and shows its reason', async () => {
    const rule = ruleNamed('红白喜事简办');
    const { entries } = await s.ok('points.record', { householdIds: [h], ruleId: rule.id, occurredOn: today }, clerk);
    expectError(await s.call('points.review', { entryIds: [entries[0].id], decision: 'reject' }, review), 'INVALID_INPUT', 400);
    await s.ok('points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '未简办' }, review);
    expect(await accountAtCounter(card)).toMatchObject({ score: 0, available: 0 });
    const { items } = await s.ok('ledger.list', { householdId: h, year }, clerk);
    expect(items).toMatchObject([{ status: 'rejected', reviewReason: '未简办', runningScore: 0 }]);
    expectError(await s.call('points.review', { entryIds: [entries[0].id], decision: 'approve' }, review), 'CONFLICT', 409);
  });

  it('a reversed entry stops counting; the original stays in the ledger', async () => {
    const rule = ruleNamed('参加志愿服务（每次）');
    const { entries } = await s.ok('points.record', { householdIds: [h], ruleId: rule.id, occurredOn: today }, clerk);
    await s.ok('points.review', { entryIds: [entries[0].id], decision: 'approve' }, review);
    expect((await accountAtCounter(card)).available).toBe(3);
    await s.ok('points.reverse', { entryId: entries[0].id, reason: '重复录入' }, clerk);
    expect((await accountAtCounter(card)).available).toBe(0);
    expectError(await s.call('points.reverse', { entryId: entries[0].id, reason: '再冲' }, clerk), 'CONFLICT', 409);
    const { items } = await s.ok('ledger.list', { householdId: h, year }, clerk);
    expect(items.slice(-2).map((i: { kind: string; points: number; runningScore: number }) => [i.kind, i.points, i.runningScore])).toEqual([
      ['award', 3, 3],
      ['reversal', -3, 0],
    ]);
  });

  it('an entry beyond the yearly cap is refused with the reason, and a range rule outside its range', async () => {
    const rule = ruleNamed('夫妻和睦、邻里团结（年度评议）'); // 5 points, cap 5
    await s.ok('points.record', { householdIds: [h], ruleId: rule.id, occurredOn: today }, clerk);
    const e = expectError(await s.call('points.record', { householdIds: [h], ruleId: rule.id, occurredOn: today }, clerk), 'LIMIT_EXCEEDED', 422);
    expect(e.message).toMatch(/上限 5 分/);
    const ranged = ruleNamed('党员带头示范');
    expectError(await s.call('points.record', { householdIds: [h], ruleId: ranged.id, points: 11, occurredOn: today }, clerk), 'INVALID_INPUT', 400);
  });
});

describe('ledger.export', () => {
  it('opens as a spreadsheet whose running totals match the ledger', async () => {
    const h = await householdByCard(s, admin, '66010001');
    const { items } = await s.ok('ledger.list', { householdId: h, year }, clerk);
    const exported = await s.ok('ledger.export', { year, householdId: h }, clerk);
    const wb = await readWorkbook(exported.xlsxBase64);
    const detail = wb.getWorksheet('台账明细')!;
    const header = (detail.getRow(2).values as unknown[]).slice(1) as string[];
    const at = (r: number, name: string) => detail.getRow(r).getCell(header.indexOf(name) + 1).value;
    expect(detail.rowCount - 2).toBe(items.length);
    let score = 0;
    let available = 0;
    for (let r = 3; r <= detail.rowCount; r++) {
      const counts = at(r, '状态') === '已生效';
      const plus = Number(at(r, '加分') ?? 0);
      const minus = Number(at(r, '扣分') ?? 0);
      const redeemed = Number(at(r, '兑换') ?? 0);
      if (counts) {
        score += plus - minus;
        available += plus - minus - redeemed;
      }
      expect([at(r, '累计积分'), at(r, '可兑换积分')]).toEqual([score, available]);
      expect([score, available]).toEqual([items[r - 3].runningScore, items[r - 3].runningAvailable]);
    }
    const account = (await s.ok('households.get', { id: h }, clerk)).account;
    expect([score, available]).toEqual([account.score, account.available]);
    const summary = wb.getWorksheet('汇总')!;
    const sh = (summary.getRow(2).values as unknown[]).slice(1) as string[];
    expect(summary.getRow(3).getCell(sh.indexOf('年度积分') + 1).value).toBe(account.score);
    expect(summary.getRow(3).getCell(sh.indexOf('可兑换积分') + 1).value).toBe(account.available);
  });

  it('the whole village: one summary line a household, totals equal to each account', async () => {
    const wb = await readWorkbook((await s.ok('ledger.export', { year }, review)).xlsxBase64);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.rowCount - 2).toBe((await s.ok('households.list', {}, clerk)).total);
    const sh = (summary.getRow(2).values as unknown[]).slice(1) as string[];
    const card = String(summary.getRow(10).getCell(sh.indexOf('卡号') + 1).value);
    const acc = await accountAtCounter(card);
    expect(summary.getRow(10).getCell(sh.indexOf('可兑换积分') + 1).value).toBe(acc.available);
  });
});

describe('public-notice period and settings', () => {
  it('with a 3-day notice an approval counts only after 3 days', async () => {
    expectError(await s.call('office.settings.set', { noticeDays: 3 }, clerk), 'FORBIDDEN', 403);
    await s.ok('office.settings.set', { noticeDays: 3 }, admin);
    const card = (await s.ok('households.create', { headName: '公示户' }, clerk)).cardNo;
    const h = await householdByCard(s, clerk, card);
    const now = new Date();
    await s.ok('clock.set', { now: now.toISOString() }, admin);
    const { entries } = await s.ok('points.record', { householdIds: [h], ruleId: ruleNamed('参加志愿服务（每次）').id, occurredOn: today }, clerk);
    await s.ok('points.review', { entryIds: [entries[0].id], decision: 'approve' }, review);
    expect((await accountAtCounter(card)).available).toBe(0);
    await s.ok('clock.set', { now: new Date(now.getTime() + 3 * 86_400_000).toISOString() }, admin);
    // Sessions last 12 hours: sign in again after moving the clock.
    shop = await s.login('shop');
    expect((await accountAtCounter(card)).available).toBe(3);
    admin = await s.login('admin');
    await s.ok('office.settings.set', { noticeDays: 0 }, admin);
  });
});

describe('a new village', () => {
  it('starts with the default scoring table, not only the demo', async () => {
    const fresh = await startServer({ demo: false });
    try {
      const village = { name: '红星村', code: '110101001001', town: '东华门街道', county: '东城区' };
      const { token } = await fresh.ok('setup.complete', { role: 'all', village, admin: { name: '王主任', username: 'wang', pin: '918273' } });
      const table = (await fresh.ok('rules.list', {}, token)).items as Rule[];
      expect(table.length).toBe(35);
      expect(new Set(table.map((r: Rule & { category?: string }) => (r as { category: string }).category)).size).toBe(8);
      // The demo scores against the same table.
      expect(rules.map((r) => r.name).sort()).toEqual(table.map((r) => r.name).sort());
    } finally {
      await fresh.stop();
    }
  });
});
