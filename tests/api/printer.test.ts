// PRINTER_UNAVAILABLE 503 over real HTTP, and what actually reaches a (fake) ESC/POS printer.
import net from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, FakePrinter } from '../../e2e/support/fake-printer.js';
import { catalog, expectError, householdByCard, newRequestId, snapshot, startServer, type Item, type TestServer } from './server.js';

let s: TestServer;
let admin: string;
let shop: string;
let zhang: number;
let items: { byName: (n: string) => Item };
let printer: FakePrinter;
let port: number;
const sup = { supervisorUsername: 'admin', supervisorPin: '123456' };

/** A port nobody listens on: bind, note it, close. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', () => ok()));
  const p = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((ok) => srv.close(() => ok()));
  return p;
}

beforeAll(async () => {
  s = await startServer();
  admin = await s.login('admin');
  shop = await s.login('shop');
  zhang = await householdByCard(s, shop, '66010001');
  items = await catalog(s, shop);
  port = await closedPort();
  printer = new FakePrinter();
});
afterAll(async () => {
  await printer?.stop();
  await s?.stop();
});

describe('PRINTER_UNAVAILABLE 503', () => {
  it('with no printer configured', async () => {
    const r = await s.ok('redemptions.create', { householdId: zhang, lines: [{ itemId: items.byName('牙膏').id, qty: 1 }], requestId: newRequestId() }, shop);
    const e = expectError(await s.call('receipts.print', { redemptionId: r.id }, shop), 'PRINTER_UNAVAILABLE', 503);
    expect(e.message).toMatch(/打印机/);
    await s.ok('redemptions.void', { id: r.id, reason: '测试清理', ...sup }, shop);
  });

  it('printer.configure validates its input', async () => {
    for (const bad of [
      { type: 'hp', interface: `tcp://127.0.0.1:${port}`, width: 32 },
      { type: 'epson', interface: `tcp://127.0.0.1:${port}`, width: 40 },
      { type: 'epson', interface: 'http://127.0.0.1/print', width: 32 },
      { type: 'epson', interface: `tcp://127.0.0.1:${port}`, width: 32, copies: 0 },
      { type: 'epson', interface: `tcp://127.0.0.1:${port}`, width: 32, color: 'red' },
    ])
      expectError(await s.call('printer.configure', bad, admin), 'INVALID_INPUT', 400);
    expectError(
      await s.call('printer.configure', { type: 'epson', interface: `tcp://127.0.0.1:${port}`, width: 32 }, await s.login('clerk')),
      'FORBIDDEN',
      403,
    );
  });

  it('a printer on a closed port: the redemption stays committed and is listed', async () => {
    const cfg = await s.ok('printer.configure', { type: 'epson', interface: `tcp://127.0.0.1:${port}`, width: 32 }, admin);
    expect(cfg).toMatchObject({ type: 'epson', width: 32, copies: 1 });
    const soap = items.byName('洗衣粉');
    const before = await snapshot(s, admin, zhang);
    const r = await s.ok('redemptions.create', { householdId: zhang, lines: [{ itemId: soap.id, qty: 1 }], requestId: newRequestId() }, shop);
    const committed = await snapshot(s, admin, zhang);
    const t0 = Date.now();
    const e = expectError(await s.call('receipts.print', { redemptionId: r.id }, shop), 'PRINTER_UNAVAILABLE', 503);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(e.message).toMatch(/打印机无法连接/);
    expect(e.message).toMatch(/兑换已保存/);
    // Printing failed; the redemption did not.
    expect(await snapshot(s, admin, zhang)).toEqual(committed);
    expect(committed.redemptions).toBe(before.redemptions + 1);
    expect((committed.account as { available: number }).available).toBe((before.account as { available: number }).available - soap.points!);
    const listed = (await s.ok('redemptions.list', { limit: 500 }, shop)).items.find((x: { id: number }) => x.id === r.id);
    expect(listed).toMatchObject({ receiptNo: r.receiptNo, voided: false, totalPoints: soap.points });

    // The printer comes back on the same port: the first successful print is not a reprint.
    await printer.start(port);
    const printed = await s.ok('receipts.print', { redemptionId: r.id }, shop);
    expect(printed).toMatchObject({ printed: true, reprint: false });
    const [job] = await printer.waitForJobs(1);
    const text = decodeText(job);
    expect(text).toContain(r.receiptNo);
    expect(text).toContain('张三丰');
    expect(text).toContain('洗衣粉');
    expect(text).not.toContain('重打');

    const again = await s.ok('receipts.print', { redemptionId: r.id }, shop);
    expect(again).toMatchObject({ printed: true, reprint: true });
    const jobs = await printer.waitForJobs(2);
    expect(decodeText(jobs[1])).toContain('重打');
    expect(decodeText(jobs[1])).toContain(r.receiptNo);
  });

  it('the printer going offline again gives 503 on a reprint and a void slip', async () => {
    const r = await s.ok('redemptions.create', { householdId: zhang, lines: [{ itemId: items.byName('毛巾').id, qty: 1 }], requestId: newRequestId() }, shop);
    await printer.goOffline();
    expectError(await s.call('receipts.print', { redemptionId: r.id }, shop), 'PRINTER_UNAVAILABLE', 503);
    await s.ok('redemptions.void', { id: r.id, reason: '打错了', ...sup }, shop);
    expectError(await s.call('receipts.printVoid', { redemptionId: r.id }, shop), 'PRINTER_UNAVAILABLE', 503);
    await printer.goOnline();
    printer.clear();
    await s.ok('receipts.printVoid', { redemptionId: r.id }, shop);
    const [slip] = await printer.waitForJobs(1);
    const text = decodeText(slip);
    expect(text).toContain('作废');
    expect(text).toContain(r.receiptNo);
    expect(text).toContain('打错了');
    // A voided receipt is not printed as a sale again.
    expectError(await s.call('receipts.print', { redemptionId: r.id }, shop), 'CONFLICT', 409);
    expectError(await s.call('receipts.printVoid', { redemptionId: 999_999 }, shop), 'NOT_FOUND', 404);
    expectError(await s.call('receipts.print', { redemptionId: 999_999 }, shop), 'NOT_FOUND', 404);
  });
});

describe('receipt bytes', () => {
  it('刘䶮 prints with 䶮\'s exact GB18030 bytes (FE 9F under GB18030-2022, not GBK\'s "?")', async () => {
    const liu = await householdByCard(s, shop, '66010002');
    printer.clear();
    const r = await s.ok('redemptions.create', { householdId: liu, lines: [{ itemId: items.byName('牙膏').id, qty: 2 }], requestId: newRequestId() }, shop);
    await s.ok('receipts.print', { redemptionId: r.id }, shop);
    const [job] = await printer.waitForJobs(1);
    const yan = iconv.encode('䶮', 'gb18030');
    // 䶮 (U+4DAE) was a 4-byte code (0x82358F33) only in GB18030-2000/2005; GB18030-2022, WHATWG and
    // iconv-lite map it to the 2-byte FE9F, whose glyph printers have always had.
    expect(yan.toString('hex')).toBe('fe9f');
    expect(job.includes(Buffer.concat([iconv.encode('刘', 'gb18030'), yan]))).toBe(true);
    expect(decodeText(job)).not.toContain('?'); // nothing fell back to a replacement mark
    expect(decodeText(job)).toContain('刘䶮');
    expect(decodeText(job)).toContain('16');
  });

  it('a head of household named with a 4-byte GB18030 character (𠮷) prints it as 4 bytes', async () => {
    const clerk = await s.login('clerk');
    const h = await s.ok('households.create', { headName: '王𠮷', cardNo: '77009001' }, clerk);
    const insurance = items.byName('缴纳医保');
    const review = await s.login('review');
    const rule = await s.ok('rules.save', { category: '测试', name: '四字节测试', kind: 'award', points: 20 }, admin);
    const today = (await s.ok('calendar.get', {}, shop)).today;
    const { entries } = await s.ok('points.record', { householdIds: [h.id], ruleId: rule.id, occurredOn: today }, clerk);
    await s.ok('points.review', { entryIds: entries.map((e: { id: number }) => e.id), decision: 'approve' }, review);
    printer.clear();
    const r = await s.ok('redemptions.create', { householdId: h.id, lines: [{ itemId: insurance.id, qty: 1, points: 12 }], requestId: newRequestId() }, shop);
    await s.ok('receipts.print', { redemptionId: r.id }, shop);
    const [job] = await printer.waitForJobs(1);
    const ji = iconv.encode('𠮷', 'gb18030');
    expect(ji.toString('hex')).toBe('9534b235');
    expect(job.includes(ji)).toBe(true);
    expect(decodeText(job)).toContain('王𠮷');
  });
});
