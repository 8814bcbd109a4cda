import { expect, jobText, test } from './fixtures.js';
import { FakePrinter } from './support/fake-printer.js';
import { CounterPage } from './pages/CounterPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { PrinterPage } from './pages/PrinterPage.js';

test.describe('printer', () => {
  test('(5) printer unreachable: the redemption is kept, a banner offers retry; retry prints once it is back', async ({ page, printer, demo }) => {
    const zhang = await demo.householdByCard('66010001');
    const before = await demo.account(zhang.id);
    const counter = await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });
    await counter.scan('6920000000032');
    await counter.expectNumber(counter.cartTotal, 15);

    await printer.goOffline();
    await counter.pressEnterToRedeem();
    await expect(counter.retryPrint).toBeVisible({ timeout: 15_000 });
    await expect(counter.errorBanner).toContainText('打印机');

    // The redemption itself committed.
    const [r] = await demo.redemptions();
    expect(r).toMatchObject({ totalPoints: 15, voided: false, householdId: zhang.id });
    expect((await demo.account(zhang.id)).available).toBe(before.available - 15);
    await expect(counter.lastReceiptNo).toContainText(r.receiptNo);

    await printer.goOnline();
    await counter.retryPrint.click();
    const text = await jobText(printer, 1);
    expect(text).toContain(r.receiptNo);
    expect(text).toContain('张三丰');
    expect(text).not.toContain('重打'); // nothing reached paper before: this is the first print
    await expect(counter.retryPrint).toBeHidden();
    expect(await demo.redemptions()).toHaveLength(1);
  });

  test('the printer page saves a configuration and prints a test page', async ({ page, printer, server, adminToken }) => {
    const other = new FakePrinter();
    await other.start(0);
    try {
      const login = new LoginPage(page);
      await login.goto();
      await login.login('shop', '111111');
      const printerPage = new PrinterPage(page);
      await printerPage.open();
      await printerPage.configure({ type: 'epson', iface: other.target, width: 48 });
      await expect.poll(async () => (await server.ok('printer.get', {}, adminToken))?.interface).toBe(other.target);
      const cfg = await server.ok('printer.get', {}, adminToken);
      expect(cfg).toMatchObject({ type: 'epson', width: 48 });

      await printerPage.test.click();
      const [job] = await other.waitForJobs(1, 10_000);
      expect(job.length).toBeGreaterThan(0);
      expect(printer.jobs).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });
});
