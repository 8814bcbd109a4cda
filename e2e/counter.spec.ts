import iconv from 'iconv-lite';
import { expect, jobText, test } from './fixtures.js';
import { CounterPage } from './pages/CounterPage.js';
import { LoginPage } from './pages/LoginPage.js';

const receiptNo = (today: string, n: number) => `C01-${today.slice(0, 4)}-${String(n).padStart(6, '0')}`;

test.describe('counter', () => {
  test('(1) scan a card and goods, Enter redeems, the receipt prints and the counter resets', async ({ page, printer, demo }, testInfo) => {
    const zhang = await demo.householdByCard('66010001');
    const before = await demo.account(zhang.id);
    const soap = await demo.itemByBarcode('6920000000032');
    const paste = await demo.itemByBarcode('6920000000049');
    const today = await demo.today();

    const login = new LoginPage(page);
    await login.goto();
    await login.login('shop', '111111');
    await expect(page.getByTestId('village-name')).toContainText('红阳村');

    const counter = new CounterPage(page);
    await expect(counter.scanInput).toBeFocused();
    await counter.loadHousehold('66010001', '张三丰');
    await counter.expectNumber(counter.available, before.available);
    await counter.expectNumber(counter.score, before.score);

    await counter.scan('6920000000032');
    await counter.expectQty(soap.id, 1);
    await counter.scan('6920000000032');
    await counter.expectQty(soap.id, 2);
    await counter.scan('6920000000049');
    await counter.expectQty(paste.id, 1);
    await expect(counter.cartLines).toHaveCount(2);
    await counter.expectNumber(counter.cartTotal, 38);

    await counter.pressEnterToRedeem();
    const no = receiptNo(today, 1);
    await expect(counter.lastReceiptNo).toContainText(no);

    const text = await jobText(printer, 1);
    for (const s of ['张三丰', '洗衣粉', '牙膏', '38', no]) expect(text).toContain(s);
    expect(text).not.toContain('重打');
    await expect(counter.receiptPreview).toContainText(no);

    // Committed once, 38 points spent; the counter is ready for the next person.
    expect((await demo.account(zhang.id)).available).toBe(before.available - 38);
    const list = await demo.redemptions();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ receiptNo: no, totalPoints: 38, householdId: zhang.id, voided: false });
    expect((await demo.itemByBarcode('6920000000032')).stock).toBe(soap.stock! - 2);
    await expect(counter.cartLines).toHaveCount(0);
    await expect(counter.scanInput).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('counter-after-redeem.png'), fullPage: true });

    // The next scan of the same card shows the new balance.
    await counter.loadHousehold('66010001', '张三丰');
    await counter.expectNumber(counter.available, before.available - 38);
    expect(printer.jobs).toHaveLength(1);
  });

  test("(2) 刘䶮's receipt carries 䶮 in GB18030", async ({ page, printer, demo }) => {
    const liu = await demo.householdByCard('66010002');
    const before = await demo.account(liu.id);
    const today = await demo.today();
    const counter = await CounterPage.open(page, { cardNo: '66010002', name: '刘䶮' });
    await counter.scan('6920000000049');
    await counter.expectNumber(counter.cartTotal, 8);
    await counter.pressEnterToRedeem();
    await expect(counter.lastReceiptNo).toContainText(receiptNo(today, 1));

    const [job] = await printer.waitForJobs(1, 10_000);
    const yan = iconv.encode('䶮', 'gb18030');
    // GB18030-2022 (and iconv-lite, WHATWG) code 䶮 as FE 9F; the 2000/2005 editions had a 4-byte code for it.
    expect(yan.toString('hex')).toBe('fe9f');
    expect(job.includes(Buffer.concat([iconv.encode('刘', 'gb18030'), yan]))).toBe(true);
    expect(job.includes(Buffer.from('?'))).toBe(false); // nothing degraded to a replacement mark
    const text = await jobText(printer, 1);
    expect(text).toContain('刘䶮');
    expect((await demo.account(liu.id)).available).toBe(before.available - 8);
  });

  test('a double Enter (a bouncing scanner) redeems and prints once', async ({ page, printer, demo }) => {
    const zhang = await demo.householdByCard('66010001');
    const before = await demo.account(zhang.id);
    const today = await demo.today();
    const counter = await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });
    await counter.scan('6920000000049');
    await counter.expectNumber(counter.cartTotal, 8);
    await expect(counter.scanInput).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(counter.lastReceiptNo).toContainText(receiptNo(today, 1));
    await printer.waitForJobs(1, 10_000);
    await expect(printer.waitForJobs(2, 2000)).rejects.toThrow(/expected 2 job/);
    expect(await demo.redemptions()).toHaveLength(1);
    expect((await demo.account(zhang.id)).available).toBe(before.available - 8);
    await expect(counter.lastReceiptNo).not.toContainText(receiptNo(today, 2));
  });

  test('services and an open price are picked by button; Enter redeems them', async ({ page, printer, demo }) => {
    const zhang = await demo.householdByCard('66010001');
    const before = await demo.account(zhang.id);
    const haircut = await demo.itemByName('剪头发');
    const insurance = await demo.itemByName('缴纳医保');
    const counter = await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });

    await expect(counter.serviceButton(haircut.id)).toContainText('剪头发');
    await counter.serviceButton(haircut.id).click();
    await counter.expectQty(haircut.id, 1);
    await counter.serviceButton(insurance.id).click();
    await expect(counter.openPriceInput).toBeVisible();
    await counter.openPriceInput.fill('25');
    await counter.openPriceOk.click();
    await expect(counter.cartLine(insurance.id)).toBeVisible();
    await counter.expectNumber(counter.cartTotal, 10 + 25);

    await counter.pressEnterToRedeem();
    await expect(counter.lastReceiptNo).toContainText(/C01-\d{4}-000001/);
    const text = await jobText(printer, 1);
    expect(text).toContain('剪头发');
    expect(text).toContain('缴纳医保');
    expect(text).toContain('35');
    expect((await demo.account(zhang.id)).available).toBe(before.available - 35);
  });
});

test.describe('finding a household', () => {
  test('by pinyin initials, by phone digits, and from a pick list; a full cart blocks switching', async ({ page, demo }) => {
    const liu = await demo.householdByCard('66010002');
    const counter = await CounterPage.open(page);

    // Pinyin initials: one hit loads it.
    await counter.scan('zsf');
    await expect(counter.householdName).toContainText('张三丰');
    await expect(counter.householdCard).toContainText('66010001');
    await page.keyboard.press('Escape'); // 下一位
    await expect(counter.householdPanel.getByTestId('household-name')).toHaveCount(0);

    // The last 4 digits of the phone.
    await counter.scan('5678');
    await expect(counter.householdName).toContainText('张三丰');
    await page.keyboard.press('Escape');
    await expect(counter.householdName).toHaveCount(0);

    // A surname with several households: a pick list; the mouse picks without stealing the scan field's focus.
    await counter.scan('刘');
    await expect(counter.pickList).toBeVisible();
    expect(await counter.pickItems.count()).toBeGreaterThanOrEqual(2);
    await counter.pickList.locator(`[data-testid="pick-item"][data-household-id="${liu.id}"]`).click();
    await expect(counter.householdName).toContainText('刘䶮');
    await expect(counter.pickList).toHaveCount(0);
    await expect(counter.scanInput).toBeFocused();

    // With goods in the cart, another card does not switch the household.
    await counter.scan('6920000000049');
    await expect(counter.cartLines).toHaveCount(1);
    await counter.scan('66010001');
    await expect(counter.errorBanner).toContainText('购物车里还有商品');
    await expect(counter.householdName).toContainText('刘䶮');
    await expect(counter.cartLines).toHaveCount(1);

    // An unknown card says so.
    await page.keyboard.press('Escape');
    await expect(counter.cartLines).toHaveCount(0);
    await expect(counter.householdName).toHaveCount(0);
    await counter.scan('99999999');
    await expect(counter.errorBanner).toContainText('没有找到');
    expect(await demo.redemptions()).toHaveLength(0);
  });
});

test.describe('(4) refusals in plain Chinese', () => {
  test.beforeEach(async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login('shop', '111111');
  });

  /** The UI may refuse at the scan (it knows stock and balance) or at Enter (the server refuses): both are fine. */
  async function expectRefused(counter: CounterPage, message: string) {
    await expect(counter.errorBanner.or(counter.cartLines.first())).toBeVisible();
    if (!(await counter.errorBanner.isVisible())) {
      await counter.pressEnterToRedeem();
    }
    await expect(counter.errorBanner).toContainText(message);
  }

  test('too few points for 食用油 ×2: 积分不足, and nothing is redeemed', async ({ page, printer, demo }) => {
    const zhang = await demo.householdByCard('66010001');
    const before = await demo.account(zhang.id);
    const oil = await demo.itemByBarcode('6920000000018');
    expect(before.available).toBeLessThan(oil.points * 2);
    const counter = new CounterPage(page);
    await counter.loadHousehold('66010001', '张三丰');
    await counter.scan('6920000000018');
    await counter.expectQty(oil.id, 1);
    await counter.scan('6920000000018');
    // Either the second scan is refused outright, or the cart shows 2 and Enter is refused.
    await expect(counter.errorBanner.or(counter.cartTotal.filter({ hasText: '120' }))).toBeVisible();
    if (!(await counter.errorBanner.isVisible())) await counter.pressEnterToRedeem();
    await expect(counter.errorBanner).toContainText('积分不足');
    await expect(counter.errorBanner).not.toContainText(/INSUFFICIENT|Error|undefined/);

    expect(await demo.redemptions()).toHaveLength(0);
    expect(await demo.account(zhang.id)).toEqual(before);
    expect((await demo.itemByBarcode('6920000000018')).stock).toBe(oil.stock);
    await expect(counter.lastReceiptNo).toHaveCount(0);
    expect(printer.jobs).toHaveLength(0);
    await expect(counter.scanInput).toBeFocused();
  });

  test('保温杯 with stock 0: 库存不足', async ({ page, printer, demo }) => {
    const cup = await demo.itemByBarcode('6920000000094');
    expect(cup.stock).toBe(0);
    const counter = new CounterPage(page);
    await counter.loadHousehold('66010001', '张三丰');
    await counter.scan('6920000000094');
    await expectRefused(counter, '库存不足');
    expect(await demo.redemptions()).toHaveLength(0);
    expect(printer.jobs).toHaveLength(0);
    await expect(counter.scanInput).toBeFocused();
  });

  test('not a redemption day: 今天不是兑换日, and a supervisor override redeems', async ({ page, printer, demo, server, adminToken }) => {
    const today = await demo.today();
    const other = `${Number(today.slice(0, 4)) - 1}-06-01`;
    const cal = await server.ok('calendar.set', { mode: 'dates', dates: [other] }, adminToken);
    expect(cal.todayIsRedemptionDay).toBe(false);
    const zhang = await demo.householdByCard('66010001');
    const before = await demo.account(zhang.id);

    await page.reload();
    const counter = new CounterPage(page);
    await expect(counter.scanInput).toBeFocused();
    await counter.loadHousehold('66010001', '张三丰');
    await counter.scan('6920000000049');
    await counter.expectQty((await demo.itemByBarcode('6920000000049')).id, 1);
    await counter.pressEnterToRedeem();
    // The refusal is said in plain Chinese and the supervisor dialog opens at once.
    await expect(page.getByText('今天不是兑换日').first()).toBeVisible();
    await expect(counter.override.username).toBeVisible();
    expect(await demo.redemptions()).toHaveLength(0);

    await counter.authorizeOverride('admin', '123456', '老人行动不便，主管特批');
    await expect(counter.lastReceiptNo).toContainText(receiptNo(today, 1));
    const [r] = await demo.redemptions();
    expect(r).toMatchObject({ receiptNo: receiptNo(today, 1), totalPoints: 8 });
    expect((await demo.account(zhang.id)).available).toBe(before.available - 8);
    const text = await jobText(printer, 1);
    expect(text).toContain(receiptNo(today, 1));
  });

  test('a wrong supervisor PIN on the override redeems nothing', async ({ page, printer, demo, server, adminToken }) => {
    await server.ok('calendar.set', { mode: 'dates', dates: ['2000-01-01'] }, adminToken);
    await page.reload();
    const counter = new CounterPage(page);
    await counter.loadHousehold('66010001', '张三丰');
    await counter.scan('6920000000049');
    await counter.expectQty((await demo.itemByBarcode('6920000000049')).id, 1);
    await counter.pressEnterToRedeem();
    await expect(page.getByText('今天不是兑换日').first()).toBeVisible();
    await counter.authorizeOverride('admin', '000000', '试一下');
    await expect(counter.errorBanner.filter({ hasText: /PIN/ }).first()).toBeVisible();
    await expect(counter.errorBanner.first()).toContainText('用户名或 PIN 错误');
    expect(await demo.redemptions()).toHaveLength(0);
    expect(printer.jobs).toHaveLength(0);
  });
});
