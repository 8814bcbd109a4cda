import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { CounterPage } from './pages/CounterPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { ScreensPage } from './pages/ScreensPage.js';
import { TodayPage } from './pages/TodayPage.js';
import { shotSizes, signedInAt } from './support/shots.js';

// The counter and the office on real village screens: a 1024×768 monitor and a 1366×768 laptop at
// 125 % (1093×614 CSS pixels); the provider's page and the sign-in on a phone.

const dir = join(process.cwd(), 'docs', 'screenshots', 'screens');
const ZHANG = { cardNo: '66010001', name: '张三丰' };
const SOAP = '6920000000032'; // 洗衣粉 1kg
const PASTE = '6920000000049'; // 牙膏
const LONG = '6920000077001'; // a name as long as real shelves have

for (const size of shotSizes) {
  for (const lang of ['zh', 'en'] as const) {
    test(`counter, 今日兑换, ledger, bulk lane and office tables fit ${size.name} (${lang})`, async ({ browser, server, demo }) => {
      test.setTimeout(120_000);
      const admin = await server.login('admin');
      const shop = await server.login('shop');
      const oil = await server.ok('catalog.save', { kind: 'goods', name: '农家自榨菜籽油 2.5L', unit: '桶', points: 10, barcode: LONG }, shop);
      await server.ok('stock.receive', { itemId: oil.id, qty: 5, fundingSource: 'fiscal' }, shop);
      const zhang = await demo.householdByCard(ZHANG.cardNo);
      const page = await signedInAt(browser, server.url, lang, size, 'admin', '123456');
      const screens = new ScreensPage(page);
      const shot = (name: string) => page.screenshot({ path: join(dir, `${name}-${lang}-${size.name}.png`) });
      await screens.expectSiderCollapsed();

      // The counter with a household and a cart: every name whole, the totals on one line, 兑换 whole.
      await screens.go('counter');
      const counter = new CounterPage(page);
      await counter.loadHousehold(ZHANG.cardNo, ZHANG.name);
      for (const code of [SOAP, PASTE, LONG]) await counter.scan(code);
      await expect(counter.cartLines).toHaveCount(3);
      for (const name of await page.getByTestId('cart-line-name').all()) await screens.expectFullyShown(name);
      await screens.expectFullyShown(counter.redeemButton);
      await screens.expectOneLine(page.getByTestId('cart-totals'));
      await screens.expectNoHorizontalScroll();
      await shot('counter');
      if (lang === 'zh' && size.name === '1024x768') await page.screenshot({ path: join(process.cwd(), 'docs', 'screenshots', 'counter.png') });
      await counter.pressEnterToRedeem();
      await expect(counter.lastReceiptNo).toBeVisible();

      // 今日兑换: the row's 重打 and 作废 in the window, no sideways scroll.
      await screens.go('today');
      const row = page.getByTestId('today-row').first();
      await expect(row).toBeVisible();
      await screens.expectInsideWindow(row.getByTestId('void-button'));
      await screens.expectInsideWindow(row.getByTestId('reprint-button'));
      await screens.expectNoHorizontalScroll();
      await shot('today');

      // The ledger: 事项 reads across, not down.
      await screens.go(`ledger?h=${zhang.id}`);
      await expect(page.getByTestId('ledger-running-score').first()).toBeVisible();
      await screens.expectReadsAcross(page.getByTestId('ledger-what').first());
      await screens.expectHeadersWhole();
      await screens.expectNoHorizontalScroll();
      await shot('ledger');

      for (const key of ['households', 'review', 'catalog']) {
        await screens.go(key);
        await expect(page.locator('.ant-table-row').first()).toBeVisible();
        await screens.expectHeadersWhole();
        await screens.expectNoHorizontalScroll();
        await shot(key);
      }

      // The audit log: an edit of what a thing is worth says what it was, in either language.
      await server.ok('catalog.save', { id: oil.id, kind: 'goods', name: oil.name, unit: '桶', points: 12, barcode: LONG }, shop);
      await screens.go('audit');
      await page.getByTestId('audit-search').click();
      await expect(page.getByTestId('audit-table')).toContainText(lang === 'zh' ? '积分 10 → 12' : 'points 10 → 12');
      await screens.expectHeadersWhole();
      await screens.expectNoHorizontalScroll();
      await shot('audit');

      // The bulk lane on a bulk day, a household proposed.
      await server.ok('calendar.set', { mode: 'any', trial: { start: await demo.today() } }, admin);
      await screens.go('bulk');
      await expect(page.getByTestId('bulk-scan')).toBeFocused();
      await page.keyboard.type('66010002');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('bulk-proposal')).toBeVisible();
      await screens.expectNoHorizontalScroll();
      await shot('bulk');
      await page.context().close();
    });
  }
}

async function phone(browser: Browser, baseURL: string, width: number, height: number) {
  const context = await browser.newContext({ baseURL, viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  return context.newPage();
}

for (const [width, height] of [
  [360, 740],
  [390, 844],
] as const) {
  test(`sign-in and the provider's page fit a ${width} px phone`, async ({ browser, server }) => {
    const page = await phone(browser, server.url, width, height);
    const screens = new ScreensPage(page);
    const login = new LoginPage(page);
    await login.goto();
    await screens.expectNoHorizontalScroll();
    await screens.expectInsideWindow(login.submit);
    await page.screenshot({ path: join(dir, `login-zh-${width}.png`) });
    await login.login('barber', '444444');
    await expect(page.getByTestId('provider-page')).toBeVisible();
    await page.getByTestId('provider-card').fill(ZHANG.cardNo);
    await page.getByTestId('provider-find').click();
    await screens.expectNoHorizontalScroll();
    await screens.expectInsideWindow(page.getByTestId('logout'));
    await page.screenshot({ path: join(dir, `provider-zh-${width}.png`) });
    await page.context().close();
  });
}

test('今日兑换 shows another day from its date picker (no future days) and finds a receipt by number, card or initials', async ({ page, server, demo }) => {
  const zhang = await demo.householdByCard(ZHANG.cardNo);
  const other = await demo.householdByCard('66010002');
  const soap = await demo.itemByBarcode(SOAP);
  const paste = await demo.itemByBarcode(PASTE);
  const redeemOn = async (at: string, sales: [number, number][]) => {
    await server.ok('clock.set', { now: at });
    const shop = await server.login('shop');
    const made: string[] = [];
    for (const [householdId, itemId] of sales)
      made.push((await server.ok('redemptions.create', { householdId, lines: [{ itemId, qty: 1 }], requestId: randomUUID() }, shop)).receiptNo);
    return made;
  };
  const [earlier] = await redeemOn('2026-11-20T10:00:00+08:00', [[zhang.id, paste.id]]);
  const [zhangs, others] = await redeemOn('2026-11-21T10:00:00+08:00', [
    [zhang.id, soap.id],
    [other.id, paste.id],
  ]);

  const login = new LoginPage(page);
  await login.goto();
  await login.login('shop', '111111');
  const today = new TodayPage(page);
  await today.open();
  await expect(today.rows).toHaveCount(2);

  await today.dayPicker.click();
  await expect(page.locator('td[title="2026-11-22"]')).toHaveClass(/ant-picker-cell-disabled/);
  await expect(page.locator('td[title="2026-11-21"]')).not.toHaveClass(/ant-picker-cell-disabled/);
  await page.keyboard.press('Escape');
  await today.pickDay('2026-11-20');
  await expect(today.rows).toHaveCount(1);
  await expect(today.row(earlier)).toBeVisible();
  await page.getByTestId('today-back').click();
  await expect(today.rows).toHaveCount(2);
  // Typed as a shopkeeper would, then Enter: the typed day stays and its receipts show.
  await today.typeDay('2026-11-20');
  await expect(today.rows).toHaveCount(1);
  await expect(today.row(earlier)).toBeVisible();
  await page.getByTestId('today-back').click();
  await expect(today.rows).toHaveCount(2);

  for (const [q, receipt] of [
    ['zsf', zhangs],
    [other.cardNo, others],
    [others.slice(-6), others],
    [zhang.headName, zhangs],
  ] as const) {
    await today.search.fill(q);
    await expect(today.rows).toHaveCount(1);
    await expect(today.row(receipt)).toBeVisible();
  }
  await today.search.fill('没有这个人');
  await expect(today.rows).toHaveCount(0);
  await expect(page.getByText('没有符合“没有这个人”的兑换单')).toBeVisible();
});
