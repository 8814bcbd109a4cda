import type { Page } from '@playwright/test';
import { decodeText, expect, test } from './fixtures.js';
import { CounterPage } from './pages/CounterPage.js';
import { PrinterPage } from './pages/PrinterPage.js';

const shots = '.tmp/shots/i11-print';

/** Each receipt in the printer's jobs: its number and whether it says 重打. */
function receiptsIn(jobs: Buffer[]): { receiptNo: string; reprint: boolean }[] {
  return jobs.flatMap((j) =>
    decodeText(j)
      .split('积分兑换凭证')
      .slice(1)
      .map((part) => ({
        receiptNo: /单号：(\S+)/.exec(part)![1],
        reprint: part.includes('**** 重打 ****'),
      })),
  );
}

async function redeemSoap(page: Page) {
  const counter = await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });
  await counter.scan('6920000000032');
  await counter.expectNumber(counter.cartTotal, 15);
  await counter.pressEnterToRedeem();
  return counter;
}

test.describe('print jobs at the counter', () => {
  // Each test starts its own server; on a shared, busy machine that alone can take half a minute.
  test.describe.configure({ timeout: 150_000 });
  test('paper out: the banner says so, the redemption stays; after loading paper the retry prints the one original', async ({
    page,
    printer,
    demo,
    server,
    adminToken,
  }) => {
    printer.mode = 'paper-out';
    const counter = await redeemSoap(page);
    await expect(counter.retryPrint).toBeVisible({ timeout: 15_000 });
    await expect(counter.errorBanner).toContainText('缺纸');
    const [r] = await demo.redemptions();
    expect(r).toMatchObject({ totalPoints: 15, voided: false });
    const { items } = await server.ok('printer.jobs', { redemptionId: r.id }, adminToken);
    expect(items).toMatchObject([{ state: 'failed', reason: 'paper_out', copy: 'original', receiptNo: r.receiptNo }]);
    expect(printer.jobs).toHaveLength(0);

    printer.mode = 'normal';
    await counter.retryPrint.click();
    await expect(counter.retryPrint).toBeHidden({ timeout: 15_000 });
    await printer.waitForJobs(1, 10_000);
    // Printed again from the receipt panel: the server makes it a 重打.
    await page.getByTestId('print-receipt-button').click();
    await printer.waitForJobs(2, 10_000);
    expect(receiptsIn(printer.jobs)).toEqual([
      { receiptNo: r.receiptNo, reprint: false },
      { receiptNo: r.receiptNo, reprint: true },
    ]);
  });

  test('cover open is named in the banner', async ({ page, printer }) => {
    printer.mode = 'cover-open';
    const counter = await redeemSoap(page);
    await expect(counter.retryPrint).toBeVisible({ timeout: 15_000 });
    await expect(counter.errorBanner).toContainText('纸仓盖');
  });

  test('browser printing: the receipt goes to the print dialog, and the print stylesheet shows only the receipt', async ({
    page,
    server,
    adminToken,
    demo,
  }) => {
    await server.ok('printer.configure', { type: 'browser', width: 32 }, adminToken);
    // No real dialog in a test: count the calls instead.
    await page.addInitScript(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => {
        (window as unknown as { printCalls: number }).printCalls++;
      };
    });
    const counter = await redeemSoap(page);
    await expect(counter.lastReceiptNo).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls), { timeout: 30_000 }).toBe(1);
    const [r] = await demo.redemptions();
    const receipt = page.getByTestId('print-receipt');
    await expect(receipt).toContainText(r.receiptNo);
    await expect(receipt).not.toContainText('重打');
    // On screen the print copy is hidden; on paper it is the only thing shown.
    await expect(receipt).toBeHidden();
    await expect(counter.scanInput).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(receipt).toBeVisible();
    for (const other of [
      counter.scanInput,
      counter.lastReceiptNo,
      page.getByTestId('receipt-preview'),
      page.getByTestId('village-name'),
      page.getByTestId('logout'),
    ]) {
      await expect(other).toBeHidden();
    }
    const box = (await receipt.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.y).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    const { items } = await server.ok('printer.jobs', { redemptionId: r.id }, adminToken);
    expect(items).toMatchObject([{ state: 'sent', via: 'browser', copy: 'original' }]);
    // Printed again: the server lays it out as a 重打.
    await page.getByTestId('print-receipt-button').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(2);
    await expect(receipt).toContainText('重打');
  });

  for (const lang of ['zh', 'en'] as const) {
    for (const vp of [
      { name: '1024x768', width: 1024, height: 768, scale: 1 },
      { name: '1093x614@1.25', width: 1093, height: 614, scale: 1.25 },
    ]) {
      test(`screenshot: print-failure banner (${lang}, ${vp.name})`, async ({ browser, printer, server }) => {
        const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: vp.scale, baseURL: server.url });
        const page = await context.newPage();
        await page.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
        printer.mode = 'paper-out';
        const counter = await redeemSoap(page);
        await expect(counter.retryPrint).toBeVisible({ timeout: 15_000 });
        await expect(counter.errorBanner).toContainText(lang === 'zh' ? '缺纸' : 'out of paper');
        await page.screenshot({ path: `${shots}/print-failure-${lang}-${vp.name}.png` });
        await context.close();
      });
    }
  }
});

test.describe('printer page: driver and browser printers', () => {
  test.describe.configure({ timeout: 150_000 });

  test('browser mode: a driver printer lists nothing and cannot be saved; a browser printer saves and its test page goes to the dialog', async ({
    page,
    server,
    adminToken,
  }) => {
    await page.addInitScript(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => {
        (window as unknown as { printCalls: number }).printCalls++;
      };
    });
    await CounterPage.open(page);
    const printerPage = new PrinterPage(page);
    await printerPage.open();
    await printerPage.type.selectOption('driver');
    await expect(page.getByTestId('printer-device')).toBeVisible();
    await expect(page.getByText('没有找到系统打印机')).toBeVisible();
    await expect(printerPage.save).toBeDisabled();
    await page.screenshot({ path: `${shots}/printer-page-driver-zh-1024x768.png` });
    await printerPage.type.selectOption('browser');
    await expect(printerPage.width.locator('option')).toHaveCount(2);
    await printerPage.save.click();
    await expect.poll(async () => (await server.ok('printer.get', {}, adminToken))?.type).toBe('browser');
    await printerPage.test.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls), { timeout: 30_000 }).toBe(1);
    await expect(page.getByTestId('print-receipt')).toContainText('打印机测试页');
  });

  for (const lang of ['zh', 'en'] as const) {
    for (const vp of [
      { name: '1024x768', width: 1024, height: 768, scale: 1 },
      { name: '1093x614@1.25', width: 1093, height: 614, scale: 1.25 },
    ]) {
      test(`screenshot: printer page, driver printer (${lang}, ${vp.name})`, async ({ browser, server }) => {
        const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: vp.scale, baseURL: server.url });
        const page = await context.newPage();
        await page.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
        await CounterPage.open(page);
        const printerPage = new PrinterPage(page);
        await printerPage.open();
        await printerPage.type.selectOption('driver');
        await expect(page.getByTestId('printer-device')).toBeVisible();
        await page.screenshot({ path: `${shots}/printer-page-driver-${lang}-${vp.name}.png` });
        await context.close();
      });
    }
  }
});
