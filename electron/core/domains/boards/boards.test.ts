// Red and black boards on crafted data: ties at rank 10, the 30 Sept / 1 Oct boundary in the village's
// time zone, unapproved entries, redemptions, year-to-date, and publish / withdraw with history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putSetting } from '../../settings.js';
import { expectRefused, freshVillage, goods, household, recordPending, ownEvents, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
  await v.moveClock('2026-10-15T10:00:00+08:00');
});
afterEach(() => v.close());

const rules = new WeakMap<Village, Record<'award' | 'deduction', number>>();
async function ruleIds() {
  let r = rules.get(v);
  if (!r) {
    const award = await v.invoke('admin', 'rules.save', { category: '乡风文明', name: '好人好事', kind: 'award', minPoints: 1, maxPoints: 1000 });
    const deduction = await v.invoke('admin', 'rules.save', { category: '环境卫生', name: '乱堆乱放', kind: 'deduction', minPoints: 1, maxPoints: 1000 });
    rules.set(v, (r = { award: award.id, deduction: deduction.id }));
  }
  return r;
}

/** Records signed points (negative: a deduction) and approves them all in one review. */
async function give(entries: [householdId: number, points: number, occurredOn: string][], approve = true): Promise<number[]> {
  const r = await ruleIds();
  const ids: number[] = [];
  for (const [h, pts, on] of entries) {
    const { entries: e } = await v.invoke('clerk', 'points.record', {
      householdIds: [h],
      ruleId: pts > 0 ? r.award : r.deduction,
      points: Math.abs(pts),
      occurredOn: on,
    });
    ids.push(e[0].id);
  }
  if (approve) await v.invoke('review', 'points.review', { entryIds: ids, decision: 'approve' });
  return ids;
}

async function households(n: number, prefix = '户') {
  const out: { id: number; headName: string }[] = [];
  for (let i = 1; i <= n; i++) out.push(await household(v, { headName: `${prefix}${String(i).padStart(2, '0')}` }));
  return out;
}

describe('boards.quarter', () => {
  it('ties at rank 10 all make the red board, and the next household does not', async () => {
    const hs = await households(14);
    // ranks 1..9: 100, 95, ... 60; three households tied at 50 (rank 10); then 40 and 30
    await give([
      ...hs.slice(0, 9).map((h, i): [number, number, string] => [h.id, 100 - i * 5, '2026-08-01']),
      [hs[9].id, 50, '2026-07-01'],
      [hs[10].id, 30, '2026-08-01'],
      [hs[10].id, 20, '2026-09-30'],
      [hs[11].id, 50, '2026-09-15'],
      [hs[12].id, 40, '2026-08-01'],
      [hs[13].id, 30, '2026-08-01'],
    ]);
    const b = await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 });
    expect(b).toMatchObject({ year: 2026, quarter: 3, basis: 'quarter', from: '2026-07-01', to: '2026-09-30', publication: null });
    expect(b.red.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10]);
    expect(b.red.slice(-3).map((r) => [r.headName, r.score])).toEqual([
      ['户10', 50],
      ['户11', 50],
      ['户12', 50],
    ]);
    expect(b.red.map((r) => r.householdId)).not.toContain(hs[12].id);
    expect(b.red[0]).toEqual({ rank: 1, householdId: hs[0].id, headName: '户01', cardNo: expect.any(String), group: '', score: 100 });
    expect(b.black).toEqual([]);
  });

  it('30 September counts in Q3 and 1 October in Q4, by the village date the deed happened', async () => {
    const [sep, oct] = await households(2);
    await give([
      [sep.id, 10, '2026-09-30'],
      [oct.id, 20, '2026-10-01'],
    ]);
    const q3 = await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 });
    const q4 = await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 4 });
    expect(q3.red.map((r) => [r.householdId, r.score])).toEqual([[sep.id, 10]]);
    expect(q4.red.map((r) => [r.householdId, r.score])).toEqual([[oct.id, 20]]);
  });

  it('half past midnight on 1 October in Shanghai (still 30 September in UTC) is already Q4', async () => {
    await v.moveClock('2026-10-01T00:30:00+08:00');
    const [h] = await households(1);
    const cal = await v.invoke('shop', 'calendar.get', {});
    expect(cal.today).toBe('2026-10-01');
    await give([[h.id, 15, cal.today]]); // not "in the future" for the village
    expect((await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 4 })).red.map((r) => r.score)).toEqual([15]);
    expect((await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 })).red).toEqual([]);
  });

  it('pending and rejected entries do not count; a reversal takes an entry back off', async () => {
    const [a, b, c] = await households(3);
    await give([
      [a.id, 10, '2026-08-01'],
      [b.id, 20, '2026-08-01'],
    ]);
    await recordPending(v, a.id, 'award', 500, '2026-08-02');
    const [rej] = await give([[b.id, 300, '2026-08-02']], false);
    await v.invoke('review', 'points.review', { entryIds: [rej], decision: 'reject', reason: '无证明材料' });
    const [rev] = await give([[c.id, 90, '2026-08-03']]);
    await v.invoke('clerk', 'points.reverse', { entryId: rev, reason: '录错户' });
    const board = await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 });
    expect(board.red.map((r) => [r.householdId, r.score])).toEqual([
      [b.id, 20],
      [a.id, 10],
    ]);
  });

  it('an approval still in its public-notice period does not count yet', async () => {
    putSetting(v.db, 'office', { noticeDays: 7 }); // 公示期 7 days (office.settings.set)
    const [h] = await households(1);
    await give([[h.id, 10, '2026-09-01']]);
    expect((await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 })).red).toEqual([]);
    await v.moveClock('2026-10-22T10:00:01+08:00');
    expect((await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 })).red.map((r) => r.score)).toEqual([10]);
  });

  it('redeeming never lowers a board score', async () => {
    const [h] = await households(1);
    await give([[h.id, 100, '2026-10-02']]);
    const soap = await goods(v, { points: 30 });
    await v.invoke('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 3 }], requestId: 'board-redeem-01' });
    expect((await v.invoke('shop', 'households.get', { id: h.id })).account.available).toBe(10);
    expect((await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 4 })).red.map((r) => r.score)).toEqual([100]);
  });

  it('the black board lists the lowest negative scores first, ties at rank 10 included; zero is on neither board', async () => {
    const hs = await households(13);
    await give([
      ...hs.slice(0, 9).map((h, i): [number, number, string] => [h.id, -(100 - i * 5), '2026-08-01']),
      [hs[9].id, -10, '2026-08-01'],
      [hs[10].id, -10, '2026-08-01'],
      [hs[11].id, -5, '2026-08-01'],
      [hs[12].id, 10, '2026-08-01'],
      [hs[12].id, -10, '2026-08-02'],
    ]);
    const b = await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 });
    expect(b.black.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
    expect(b.black[0].score).toBe(-100);
    expect(b.black.map((r) => r.householdId)).not.toContain(hs[11].id);
    expect([...b.red, ...b.black].map((r) => r.householdId)).not.toContain(hs[12].id);
  });

  it('a village on year-to-date boards ranks from 1 January to the end of the quarter', async () => {
    const [a, b] = await households(2);
    await give([
      [a.id, 50, '2026-02-01'],
      [b.id, 20, '2026-08-01'],
      [b.id, 5, '2026-10-02'],
    ]);
    expect((await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 })).red.map((r) => r.householdId)).toEqual([b.id]);
    await expectRefused(v, 'review', 'boards.configure', { basis: 'ytd' }, 'FORBIDDEN');
    await v.invoke('admin', 'boards.configure', { basis: 'ytd' });
    const ytd = await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 });
    expect(ytd).toMatchObject({ basis: 'ytd', from: '2026-01-01', to: '2026-09-30' });
    expect(ytd.red.map((r) => [r.householdId, r.score])).toEqual([
      [a.id, 50],
      [b.id, 20],
    ]);
  });

  it('refuses a quarter that is not 1–4', async () => {
    await expectRefused(v, 'viewer', 'boards.quarter', { year: 2026, quarter: 5 }, 'INVALID_INPUT');
    await expectRefused(v, 'viewer', 'boards.quarter', { year: 2026 }, 'INVALID_INPUT');
  });
});

describe('publish and withdraw (撤榜)', () => {
  it('publishing freezes the board; later points do not change what was published', async () => {
    const [a, b] = await households(2);
    await give([
      [a.id, 30, '2026-08-01'],
      [b.id, -20, '2026-08-01'],
    ]);
    const pub = await v.invoke('review', 'boards.publish', { year: 2026, quarter: 3, note: '第三季度' });
    expect(pub).toMatchObject({ action: 'publish', year: 2026, quarter: 3, withdrawn: false, userName: '钱监督', reason: '第三季度' });
    expect(pub.board!.red.map((r) => r.householdId)).toEqual([a.id]);
    expect(pub.board!.black.map((r) => r.householdId)).toEqual([b.id]);

    await give([[b.id, 100, '2026-09-01']]);
    const now = await v.invoke('viewer', 'boards.quarter', { year: 2026, quarter: 3 });
    expect(now.red[0].householdId).toBe(b.id);
    expect(now.publication!.board!.red.map((r) => r.householdId)).toEqual([a.id]);
    expect((await v.invoke('shop', 'boards.published', {}))!.id).toBe(pub.id);
    expect(ownEvents(v.db, 'board.publish')).toHaveLength(1);
  });

  it('a quarter has one board up: publishing again needs a withdrawal first, and history keeps all', async () => {
    const [a] = await households(1);
    await give([[a.id, 30, '2026-08-01']]);
    const first = await v.invoke('review', 'boards.publish', { year: 2026, quarter: 3 });
    await expectRefused(v, 'review', 'boards.publish', { year: 2026, quarter: 3 }, 'CONFLICT');
    await expectRefused(v, 'review', 'boards.withdraw', { year: 2026, quarter: 3, reason: '' }, 'INVALID_INPUT');
    const w = await v.invoke('review', 'boards.withdraw', { year: 2026, quarter: 3, reason: '分数有误，核实后重发' });
    expect(w).toMatchObject({ action: 'withdraw', withdrawsId: first.id, reason: '分数有误，核实后重发' });
    expect(await v.invoke('shop', 'boards.published', { year: 2026, quarter: 3 })).toBeNull();
    expect(await v.invoke('shop', 'boards.published', {})).toBeNull();
    await expectRefused(v, 'review', 'boards.withdraw', { year: 2026, quarter: 3, reason: '再撤' }, 'CONFLICT');
    const second = await v.invoke('review', 'boards.publish', { year: 2026, quarter: 3 });
    const { items } = await v.invoke('viewer', 'boards.history', { year: 2026 });
    expect(items.map((i) => [i.id, i.action, i.withdrawn])).toEqual([
      [second.id, 'publish', false],
      [w.id, 'withdraw', false],
      [first.id, 'publish', true],
    ]);
    expect(() => v.db.prepare('DELETE FROM board_publications').run()).toThrow(/append-only/);
    expect(() => v.db.prepare("UPDATE board_publications SET reason = 'x'").run()).toThrow(/append-only/);
  });

  it('the TV shows the newest quarter that is up', async () => {
    const [a] = await households(1);
    await give([
      [a.id, 30, '2026-05-01'],
      [a.id, 40, '2026-08-01'],
    ]);
    const q2 = await v.invoke('review', 'boards.publish', { year: 2026, quarter: 2 });
    const q3 = await v.invoke('review', 'boards.publish', { year: 2026, quarter: 3 });
    expect((await v.invoke('shop', 'boards.published', {}))!.id).toBe(q3.id);
    await v.invoke('review', 'boards.withdraw', { year: 2026, quarter: 3, reason: '撤榜' });
    expect((await v.invoke('shop', 'boards.published', {}))!.id).toBe(q2.id);
  });

  it('only reviewers (and admins) publish; a quarter not yet begun cannot be published', async () => {
    await expectRefused(v, 'clerk', 'boards.publish', { year: 2026, quarter: 3 }, 'FORBIDDEN');
    await expectRefused(v, 'shop', 'boards.withdraw', { year: 2026, quarter: 3, reason: 'x' }, 'FORBIDDEN');
    await expectRefused(v, 'review', 'boards.publish', { year: 2027, quarter: 1 }, 'INVALID_INPUT');
  });

  it('exports a board to Excel', async () => {
    const [a] = await households(1);
    await give([[a.id, 30, '2026-08-01']]);
    const x = await v.invoke('viewer', 'boards.export', { year: 2026, quarter: 3 });
    expect(x.fileName).toContain('未发布');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.xlsxBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['红榜', '黑榜']);
    expect(wb.getWorksheet('红榜')!.getRow(4).values).toEqual([undefined, 1, '户01', expect.any(String), '', 30]);
  });
});
