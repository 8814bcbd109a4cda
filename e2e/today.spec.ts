import { expect, jobText, test } from './fixtures.js';
import { CounterPage } from './pages/CounterPage.js';
import { TodayPage } from './pages/TodayPage.js';

/** Logs in as the shopkeeper and redeems 洗衣粉 ×1 + 牙膏 ×1 (23 分) for 张三丰 at the counter; returns the receipt number. */
async function redeemAtCounter(page: import('@playwright/test').Page): Promise<string> {
  const counter = await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });
  await counter.scan('6920000000032');
  await counter.scan('6920000000049');
  await counter.expectNumber(counter.cartTotal, 23);
  await counter.pressEnterToRedeem();
  await expect(counter.lastReceiptNo).toContainText(/C01-\d{4}-\d{6}/);
  return /C01-\d{4}-\d{6}/.exec(await counter.lastReceiptNo.innerText())![0];
}

test.describe('今日兑换', () => {
  test('(3) void with a supervisor: the row shows 作废, points come back, a void slip prints', async ({ page, printer, demo }) => {
    const zhang = await demo.householdByCard('66010001');
    const original = await demo.account(zhang.id);
    const soapStock = (await demo.itemByBarcode('6920000000032')).stock;
    const no = await redeemAtCounter(page);
    await jobText(printer, 1);
    expect((await demo.account(zhang.id)).available).toBe(original.available - 23);

    const today = new TodayPage(page);
    await today.open();
    const row = today.row(no);
    await expect(row).toBeVisible();
    await expect(row).toContainText('张三丰');
    await expect(today.voidedTag(no)).toHaveCount(0);
    await today.void(no, '顾客拿错了商品', { username: 'admin', pin: '123456' });
    await expect(today.voidedTag(no)).toContainText('作废');
    await expect(row.getByTestId('void-button')).toBeDisabled();

    const slip = await jobText(printer, 2);
    expect(slip).toContain('作废');
    expect(slip).toContain(no);
    expect(slip).toContain('顾客拿错了商品');

    expect((await demo.account(zhang.id)).available).toBe(original.available);
    expect((await demo.itemByBarcode('6920000000032')).stock).toBe(soapStock);
    const [r] = await demo.redemptions();
    expect(r).toMatchObject({ receiptNo: no, voided: true });

    const counter = new CounterPage(page);
    await counter.open();
    await counter.loadHousehold('66010001', '张三丰');
    await counter.expectNumber(counter.available, original.available);
  });

  test('a void with a wrong supervisor PIN is refused and voids nothing', async ({ page, printer, demo }) => {
    const no = await redeemAtCounter(page);
    await jobText(printer, 1);
    const today = new TodayPage(page);
    await today.open();
    await today.void(no, '测试', { username: 'admin', pin: '999999' });
    await expect(page.getByTestId('error-banner').filter({ hasText: '用户名或 PIN 错误' }).first()).toBeVisible();
    const [r] = await demo.redemptions();
    expect(r.voided).toBe(false);
    await expect(today.voidedTag(no)).toHaveCount(0);
    expect(printer.jobs).toHaveLength(1);
  });

  test("(6) reprint from today's list says 重打", async ({ page, printer }) => {
    const no = await redeemAtCounter(page);
    const first = await jobText(printer, 1);
    expect(first).not.toContain('重打');

    const today = new TodayPage(page);
    await today.open();
    await expect(today.row(no)).toBeVisible();
    await today.reprint(no);
    const second = await jobText(printer, 2);
    expect(second).toContain('重打');
    expect(second).toContain(no);
    expect(second).toContain('张三丰');
  });
});

test("the header's date turns at village midnight on the next page change, without a reload", async ({ page, server, demo }) => {
  const today = await demo.today();
  await server.ok('clock.set', { now: `${today}T23:58:00+08:00` });
  await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });
  const header = page.getByTestId('today-date');
  await expect(header).toContainText(today);
  await page.evaluate(() => sessionStorage.setItem('e2e.sameLoad', String(performance.timeOrigin)));
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await server.ok('clock.set', { now: `${tomorrow}T00:02:00+08:00` });
  await new TodayPage(page).open();
  await expect(header).toContainText(tomorrow);
  expect(await page.evaluate(() => sessionStorage.getItem('e2e.sameLoad') === String(performance.timeOrigin))).toBe(true);
});
