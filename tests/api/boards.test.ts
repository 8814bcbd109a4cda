// Boards, awards, reports and bulk days over real HTTP with --test-clock, on crafted data in 2027 (the
// demo village's points are in the current year): ties at rank 10, 30 Sept vs 1 Oct in the village's
// time zone, unapproved entries, publish / withdraw (撤榜), and the bulk-day tally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, expectError, newRequestId, startServer, type TestServer } from './server.js';

let s: TestServer;
const Y = 2027;
const h: Record<string, number> = {};

async function at(now: string) {
  await s.ok('clock.set', { now });
  const [clerk, review, shop, admin] = await Promise.all([s.login('clerk'), s.login('review'), s.login('shop'), s.login('admin')]);
  return { clerk, review, shop, admin };
}

beforeAll(async () => {
  s = await startServer();
  let t = await at(`${Y}-09-30T20:00:00+08:00`);
  const rule = async (category: string, kind: 'award' | 'deduction') =>
    (await s.ok('rules.save', { category, name: `接口测试${category}${kind}`, kind, minPoints: 1, maxPoints: 1000 }, t.admin)).id as number;
  const civic = await rule('乡风文明', 'award');
  const hygiene = await rule('环境卫生', 'deduction');
  const give = async (name: string, ruleId: number, points: number, occurredOn: string, approve = true) => {
    const { entries } = await s.ok('points.record', { householdIds: [h[name]], ruleId, points, occurredOn }, t.clerk);
    if (approve) await s.ok('points.review', { entryIds: [entries[0].id], decision: 'approve' }, t.review);
  };
  for (let i = 1; i <= 14; i++) {
    const name = `榜${String(i).padStart(2, '0')}`;
    h[name] = (await s.ok('households.create', { headName: name, group: '测试组' }, t.clerk)).id;
  }
  // ranks 1..9 with 100, 95, ..., 60; 榜10–榜12 tied at 50 for rank 10; 榜13 at 45 (rank 13, off the board)
  for (let i = 1; i <= 9; i++) await give(`榜0${i}`, civic, 105 - i * 5, `${Y}-08-0${i}`);
  await give('榜10', civic, 50, `${Y}-07-01`);
  await give('榜11', civic, 30, `${Y}-08-01`);
  await give('榜11', civic, 20, `${Y}-09-30`); // the last day of Q3
  await give('榜12', civic, 50, `${Y}-09-15`);
  await give('榜13', civic, 45, `${Y}-08-01`);
  await give('榜13', civic, 400, `${Y}-09-01`, false); // pending: would make 榜13 first
  await give('榜14', hygiene, 20, `${Y}-08-20`);
  t = await at(`${Y}-10-01T00:30:00+08:00`); // still 30 September in UTC
  await give('榜13', civic, 100, `${Y}-10-01`); // Q4 in the village
});
afterAll(async () => {
  await s?.stop();
});

describe('boards over HTTP', () => {
  it('Q3: ties at rank 10 all listed; pending and 1 October entries left out', async () => {
    const viewer = await s.login('clerk');
    const b = await s.ok('boards.quarter', { year: Y, quarter: 3 }, viewer);
    expect(b.red.map((r: { headName: string; rank: number; score: number }) => [r.headName, r.rank, r.score])).toEqual([
      ['榜01', 1, 100],
      ['榜02', 2, 95],
      ['榜03', 3, 90],
      ['榜04', 4, 85],
      ['榜05', 5, 80],
      ['榜06', 6, 75],
      ['榜07', 7, 70],
      ['榜08', 8, 65],
      ['榜09', 9, 60],
      ['榜10', 10, 50],
      ['榜11', 10, 50],
      ['榜12', 10, 50],
    ]);
    expect(b.black.map((r: { headName: string; rank: number; score: number }) => [r.headName, r.rank, r.score])).toEqual([['榜14', 1, -20]]);
    const q4 = await s.ok('boards.quarter', { year: Y, quarter: 4 }, viewer);
    expect(q4.red.map((r: { headName: string; score: number }) => [r.headName, r.score])).toEqual([['榜13', 100]]);
  });

  it('publish, refuse a second publication (409), withdraw with a reason, history kept', async () => {
    const { review, clerk, shop } = await at(`${Y}-10-08T09:00:00+08:00`);
    expectError(await s.call('boards.publish', { year: Y, quarter: 3 }, clerk), 'FORBIDDEN', 403);
    const pub = await s.ok('boards.publish', { year: Y, quarter: 3 }, review);
    expect(pub.board.red).toHaveLength(12);
    expectError(await s.call('boards.publish', { year: Y, quarter: 3 }, review), 'CONFLICT', 409);
    expect((await s.ok('boards.published', {}, shop)).id).toBe(pub.id);
    expectError(await s.call('boards.withdraw', { year: Y, quarter: 3 }, review), 'INVALID_INPUT', 400);
    await s.ok('boards.withdraw', { year: Y, quarter: 3, reason: '公示期内有异议' }, review);
    expect(await s.ok('boards.published', { year: Y, quarter: 3 }, shop)).toBeNull();
    const { items } = await s.ok('boards.history', { year: Y }, clerk);
    expect(items.map((i: { action: string; withdrawn: boolean }) => [i.action, i.withdrawn])).toEqual([
      ['withdraw', false],
      ['publish', true],
    ]);
  });

  it('year-to-date is a village setting', async () => {
    const { admin, clerk } = await at(`${Y}-10-08T09:00:00+08:00`);
    expectError(await s.call('boards.configure', { basis: 'ytd' }, clerk), 'FORBIDDEN', 403);
    await s.ok('boards.configure', { basis: 'ytd' }, admin);
    const b = await s.ok('boards.quarter', { year: Y, quarter: 4 }, clerk);
    expect(b).toMatchObject({ basis: 'ytd', from: `${Y}-01-01`, to: `${Y}-12-31` });
    expect(b.red[0]).toMatchObject({ headName: '榜13', score: 145 });
    await s.ok('boards.configure', { basis: 'quarter' }, admin);
  });
});

describe('awards and reports over HTTP', () => {
  it('文明户 candidates rank the year, ties shared', async () => {
    const clerk = await s.login('clerk');
    const { items } = await s.ok('awards.candidates', { award: 'civilized_household', year: Y }, clerk);
    expect(items.slice(0, 2).map((i: { headName: string; rank: number; score: number }) => [i.headName, i.rank, i.score])).toEqual([
      ['榜13', 1, 145],
      ['榜01', 2, 100],
    ]);
    expect(items.filter((i: { rank: number }) => i.rank === 11).map((i: { headName: string }) => i.headName)).toEqual(['榜10', '榜11', '榜12']);
    expectError(await s.call('awards.candidates', { award: 'nope', year: Y }, clerk), 'INVALID_INPUT', 400);
  });

  it('reports.summary for Q3 and for 1 October', async () => {
    const admin = await s.login('admin');
    const q3 = await s.ok('reports.summary', { year: Y, from: `${Y}-07-01`, to: `${Y}-09-30` }, admin);
    expect(q3.points).toMatchObject({ awarded: 915, deducted: 20 });
    expect(q3.participation.withPoints).toBe(14);
    const oct1 = await s.ok('reports.summary', { year: Y, from: `${Y}-10-01`, to: `${Y}-10-01` }, admin);
    expect(oct1.points).toMatchObject({ awarded: 100, deducted: 0 });
    expect(oct1.participation.withPoints).toBe(1);
    const x = await s.ok('reports.export', { year: Y }, admin);
    expect(Buffer.from(x.xlsxBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('bulk day over HTTP', () => {
  it('a trial bulk day: the bundle is proposed, redeemed, tallied and the day summary previews', async () => {
    const { admin, shop } = await at(`${Y}-10-08T09:00:00+08:00`);
    const cal = await s.ok('calendar.set', { mode: 'dates', dates: [], trial: { start: `${Y}-10-08` } }, admin);
    expect(cal).toMatchObject({ todayIsBulkDay: true, bulkDays: [`${Y}-10-08`, `${Y}-11-08`, `${Y}-12-08`] });
    const { byName } = await catalog(s, shop);
    const paste = byName('牙膏');
    await s.ok('bulk.bundle.set', { lines: [{ itemId: paste.id, qty: 1 }] }, shop);
    const card = (await s.ok('households.get', { id: h.榜01 }, shop)).household.cardNo;
    const p = await s.ok('bulk.propose', { cardNo: card }, shop);
    expect(p).toMatchObject({ proposed: 'bundle', totalPoints: paste.points, problems: [] });
    await s.ok(
      'redemptions.create',
      {
        householdId: p.household.id,
        lines: p.lines.map((l: { itemId: number; qty: number }) => ({ itemId: l.itemId, qty: l.qty })),
        requestId: newRequestId(),
      },
      shop,
    );
    const t = await s.ok('bulk.tally', {}, shop);
    expect(t).toMatchObject({ date: `${Y}-10-08`, isBulkDay: true, households: 1, points: paste.points });
    expect(t.bundle[0]).toMatchObject({ itemId: paste.id, redeemedToday: 1, stock: paste.stock! - 1 });
    const summary = await s.ok('bulk.daySummary', {}, shop);
    expect(summary.lines.map((l: { text: string }) => l.text).join('\n')).toContain('集中兑换日汇总');
    await s.ok('clock.set', { now: `${Y}-10-09T09:00:00+08:00` });
    const shop2 = await s.login('shop');
    expectError(
      await s.call('redemptions.create', { householdId: p.household.id, lines: [{ itemId: paste.id, qty: 1 }], requestId: newRequestId() }, shop2),
      'NOT_REDEMPTION_DAY',
      422,
    );
  });
});
