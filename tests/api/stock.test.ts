// Issue 4 over real HTTP: receiving notes, stocktakes, a provider's haircut, the monthly settlement and
// the funding report; and refusals (yearly limit, open-price bound, unknown barcode) that change nothing.
// After every test, stock on hand equals the sum of its movements.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalog, expectError, grantPoints, householdByCard, newRequestId, snapshot, startServer, type Item, type TestServer } from './server.js';

let s: TestServer;
let admin: string;
let shop: string;
let barber: string;
let today: string;
let zhang: number;
let items: { byName: (n: string) => Item; byBarcode: (c: string) => Item };
const monthOf = (d: string) => ({ from: `${d.slice(0, 7)}-01`, to: d });

beforeAll(async () => {
  s = await startServer();
  [admin, shop, barber] = await Promise.all([s.login('admin'), s.login('shop'), s.login('barber')]);
  today = (await s.ok('calendar.get', {}, shop)).today;
  zhang = await householdByCard(s, shop, '66010001');
  await grantPoints(s, zhang, 1000, today);
  items = await catalog(s, shop);
});
afterAll(async () => {
  await s?.stop();
});

/** Stock on hand, as the catalog reports it, is the sum of the item's movements, and never negative. */
async function expectStockIsSumOfMovements() {
  const goods = (await s.ok('catalog.list', { kind: 'goods', includeInactive: true }, shop)).items as Item[];
  const { items: moves, truncated } = await s.ok('stock.movements', { limit: 10_000 }, shop);
  expect(truncated).toBe(false);
  const sum = new Map<number, number>();
  for (const m of moves as { itemId: number; delta: number }[]) sum.set(m.itemId, (sum.get(m.itemId) ?? 0) + m.delta);
  for (const g of goods) {
    expect(g.stock, `${g.name}: stock vs movements`).toBe(sum.get(g.id) ?? 0);
    expect(g.stock!).toBeGreaterThanOrEqual(0);
  }
}
afterEach(expectStockIsSumOfMovements);

const stockOf = async (itemId: number) =>
  ((await s.ok('catalog.list', { kind: 'goods', includeInactive: true }, shop)).items as Item[]).find((i) => i.id === itemId)!.stock!;
/** What a refused call must leave alone, beyond the household snapshot: documents, movements and stock. */
async function fullSnapshot() {
  return {
    ...(await snapshot(s, admin, zhang)),
    notes: (await s.ok('stock.notes', { limit: 500 }, shop)).items.length,
    sheets: (await s.ok('stock.stocktakes', { limit: 500 }, shop)).items.length,
    movements: (await s.ok('stock.movements', { limit: 10_000 }, shop)).items.length,
  };
}

describe('receiving (入库)', () => {
  it('a note with two funding sources raises stock, is numbered, and reads back for printing', async () => {
    const rice = items.byName('大米');
    const oil = items.byName('食用油');
    const [riceBefore, oilBefore] = [await stockOf(rice.id), await stockOf(oil.id)];
    const note = await s.ok(
      'stock.receiveNote',
      {
        note: '县里配送',
        lines: [
          { itemId: rice.id, qty: 20, fundingSource: 'fiscal', unitCostFen: 2500 },
          { barcode: oil.barcode, qty: 6, fundingSource: 'donation', donor: '爱心企业 红星粮油', unitCostFen: 5990 },
        ],
      },
      shop,
    );
    expect(note.noteNo).toMatch(new RegExp(`^RK-C01-${today.slice(0, 4)}-\\d{4}$`));
    expect(note.totals).toEqual({ qty: 26, valueFen: 20 * 2500 + 6 * 5990 });
    expect(note.bySource.map((b: { fundingSource: string; donor: string | null }) => [b.fundingSource, b.donor])).toEqual([
      ['fiscal', null],
      ['donation', '爱心企业 红星粮油'],
    ]);
    expect([await stockOf(rice.id), await stockOf(oil.id)]).toEqual([riceBefore + 20, oilBefore + 6]);
    expect(await s.ok('stock.note', { id: note.id }, shop)).toEqual(note);
    const moves = (await s.ok('stock.movements', { itemId: oil.id, from: today, to: today }, shop)).items;
    expect(moves.at(-1)).toMatchObject({ kind: 'receive', delta: 6, fundingSource: 'donation', donor: '爱心企业 红星粮油', docNo: note.noteNo, date: today });
    // stock.receive (API.md) still works, as a one-line note.
    const one = await s.ok('stock.receive', { itemId: rice.id, qty: 1, fundingSource: 'collective' }, shop);
    expect(one).toMatchObject({ itemId: rice.id, stock: riceBefore + 21 });
  });

  it('an unknown barcode refuses the whole note with a clear error and changes nothing', async () => {
    const before = await fullSnapshot();
    const e = expectError(
      await s.call(
        'stock.receiveNote',
        {
          lines: [
            { itemId: items.byName('牙膏').id, qty: 5, fundingSource: 'fiscal' },
            { barcode: '6920000009999', qty: 1, fundingSource: 'fiscal' },
          ],
        },
        shop,
      ),
      'NOT_FOUND',
      404,
    );
    expect(e.message).toContain('6920000009999');
    expectError(
      await s.call('stock.receiveNote', { lines: [{ itemId: items.byName('牙膏').id, qty: 1, fundingSource: 'sponsor' }] }, shop),
      'INVALID_INPUT',
      400,
    );
    expectError(await s.call('stock.receiveNote', { lines: [{ itemId: items.byName('牙膏').id, qty: 1, fundingSource: 'fiscal' }] }, barber), 'FORBIDDEN', 403);
    expect(await fullSnapshot()).toEqual(before);
  });
});

describe('stocktake (盘点)', () => {
  it('a sheet with a variance adjusts stock by a count movement with its reason', async () => {
    const towel = items.byName('毛巾');
    const soap = items.byName('洗洁精');
    const [towelStock, soapStock] = [await stockOf(towel.id), await stockOf(soap.id)];
    const sheet = await s.ok(
      'stock.stocktake',
      {
        note: '月末盘点',
        lines: [
          { itemId: towel.id, countedQty: towelStock - 2, expectedQty: towelStock, reason: '受潮损坏' },
          { barcode: soap.barcode, countedQty: soapStock, expectedQty: soapStock },
        ],
      },
      shop,
    );
    expect(sheet).toMatchObject({ scope: 'partial', lineCount: 2, varianceCount: 1, shortageQty: 2, surplusQty: 0 });
    expect(sheet.sheetNo).toMatch(/^PD-C01-\d{4}-\d{4}$/);
    expect(sheet.lines[0]).toMatchObject({ name: '毛巾', expectedQty: towelStock, countedQty: towelStock - 2, delta: -2, reason: '受潮损坏' });
    expect(await stockOf(towel.id)).toBe(towelStock - 2);
    const last = (await s.ok('stock.movements', { itemId: towel.id, kind: 'count' }, shop)).items.at(-1);
    expect(last).toMatchObject({ delta: -2, reason: '受潮损坏', docNo: sheet.sheetNo, balance: towelStock - 2 });
    expect(await s.ok('stock.stocktakeGet', { id: sheet.id }, admin)).toEqual(sheet);
  });

  it('a variance without a reason, a stale sheet and an unknown barcode are refused and change nothing', async () => {
    const towel = items.byName('毛巾');
    const stock = await stockOf(towel.id);
    const before = await fullSnapshot();
    expectError(await s.call('stock.stocktake', { lines: [{ itemId: towel.id, countedQty: stock + 1 }] }, shop), 'INVALID_INPUT', 400);
    expectError(await s.call('stock.stocktake', { lines: [{ itemId: towel.id, countedQty: stock, expectedQty: stock + 5 }] }, shop), 'CONFLICT', 409);
    const e = expectError(await s.call('stock.stocktake', { lines: [{ barcode: '6920000009999', countedQty: 1, reason: 'x' }] }, shop), 'NOT_FOUND', 404);
    expect(e.message).toContain('6920000009999');
    expect(await fullSnapshot()).toEqual(before);
  });
});

describe('services and settlement', () => {
  it("the barber logs a haircut; points come off; the month's settlement counts it, valued at the village rate", async () => {
    const cut = items.byName('剪头发');
    const { account: before } = await s.ok('households.get', { id: zhang }, barber);
    const r = await s.ok('services.log', { itemId: cut.id, householdId: zhang, requestId: newRequestId() }, barber);
    expect(r.totalPoints).toBe(cut.points);
    expect(r.account.available).toBe(before.available - cut.points!);
    const mine = await s.ok('services.mine', {}, barber);
    expect(mine.items[0]).toMatchObject({ receiptNo: r.receiptNo, service: '剪头发', voided: false });

    await s.ok('reports.setPointValue', { fenPerPoint: 10 }, admin);
    const month = await s.ok('reports.settlement', monthOf(today), shop);
    const row = month.items.find((i: { providerName: string }) => i.providerName === '理发师 孙师傅');
    expect(row).toMatchObject({ count: mine.count, points: mine.points, valueFen: mine.points * 10 });
    expect(row.services).toEqual([{ itemId: cut.id, name: '剪头发', count: mine.count, points: mine.points, valueFen: mine.points * 10 }]);
    const x = await s.ok('reports.settlementExport', monthOf(today), shop);
    expect(Buffer.from(x.xlsxBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expectError(await s.call('reports.settlement', monthOf(today), barber), 'FORBIDDEN', 403);
  });

  it('a per-household yearly limit and an open-price bound give clear errors and change nothing', async () => {
    const ac = items.byName('空调清洗');
    const insurance = items.byName('缴纳医保');
    const before = await fullSnapshot();
    const lim = expectError(
      await s.call('redemptions.create', { householdId: zhang, lines: [{ itemId: ac.id, qty: 3 }], requestId: newRequestId() }, shop),
      'LIMIT_EXCEEDED',
      422,
    );
    expect(lim.message).toMatch(/每户每年限 2/);
    const low = expectError(
      await s.call('redemptions.create', { householdId: zhang, lines: [{ itemId: insurance.id, qty: 1, points: 5 }], requestId: newRequestId() }, shop),
      'INVALID_INPUT',
      400,
    );
    expect(low.message).toMatch(/10–400/);
    expectError(
      await s.call('redemptions.create', { householdId: zhang, lines: [{ itemId: insurance.id, qty: 1, points: 401 }], requestId: newRequestId() }, shop),
      'INVALID_INPUT',
      400,
    );
    expect(await fullSnapshot()).toEqual(before);
  });
});

describe('funding report and low stock', () => {
  it('reports received and redeemed per funding source, FIFO, and exports to Excel', async () => {
    const cup = items.byName('保温杯'); // the demo has none on the shelf
    await s.ok(
      'stock.receiveNote',
      {
        lines: [
          { itemId: cup.id, qty: 2, fundingSource: 'collective', unitCostFen: 3000 },
          { itemId: cup.id, qty: 3, fundingSource: 'sponsor', donor: '县供电公司', unitCostFen: 2800 },
        ],
      },
      shop,
    );
    await s.ok('redemptions.create', { householdId: zhang, lines: [{ itemId: cup.id, qty: 3 }], requestId: newRequestId() }, shop);
    const r = await s.ok('reports.funding', monthOf(today), shop);
    const detail = (source: string) => r.details.find((d: { fundingSource: string; itemId: number }) => d.fundingSource === source && d.itemId === cup.id);
    expect(detail('collective')).toMatchObject({ receivedQty: 2, redeemedQty: 2, redeemedValueFen: 6000, onHandQty: 0 });
    expect(detail('sponsor')).toMatchObject({
      donor: '县供电公司',
      receivedQty: 3,
      redeemedQty: 1,
      redeemedValueFen: 2800,
      onHandQty: 2,
      onHandValueFen: 5600,
    });
    expect(r.items.map((i: { fundingSource: string }) => i.fundingSource).slice(0, 4)).toEqual(['fiscal', 'collective', 'donation', 'sponsor']);
    const x = await s.ok('reports.fundingExport', monthOf(today), admin);
    expect(Buffer.from(x.xlsxBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('the catalog marks items at or below their threshold and stock.low lists them', async () => {
    const paper = items.byName('卫生纸'); // demo: 3 on the shelf, threshold 5
    const listed = (await s.ok('catalog.list', { kind: 'goods' }, shop)).items as (Item & { low: boolean; lowStockThreshold: number | null })[];
    expect(listed.find((i) => i.id === paper.id)).toMatchObject({ lowStockThreshold: 5, low: true });
    const low = (await s.ok('stock.low', {}, admin)).items as { id: number; stock: number }[];
    expect(low.map((i) => i.id)).toContain(paper.id);
    expect(low.every((i) => listed.find((l) => l.id === i.id)!.low)).toBe(true);
  });
});
