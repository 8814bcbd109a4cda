import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { CareSwitch, CustomerDisplayPage } from './pages/CareDisplayPage.js';
import { CounterPage } from './pages/CounterPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { shotSizes, signedInAt } from './support/shots.js';

// 长辈模式 (care mode) and the customer display: the counter and the office on real screens.

const SOAP = '6920000000032'; // 洗衣粉 1kg
const PASTE = '6920000000049'; // 牙膏
const shots = join(process.cwd(), 'docs', 'screenshots', 'care');

test('the care switch enlarges text and targets, and this terminal keeps it across a reload', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const care = new CareSwitch(page);
  await care.expectOn(false);
  const small = await care.sizeOf(login.submit);
  const smallText = await care.sizeOf(login.username);

  await care.toggle.click();
  await care.expectOn(true);
  const big = await care.sizeOf(login.submit);
  expect((await care.sizeOf(login.username)).font).toBeGreaterThan(smallText.font);
  expect(big.height).toBeGreaterThanOrEqual(small.height);

  await page.reload();
  await care.expectOn(true);
  await login.login('shop', '111111');
  const counter = new CounterPage(page);
  await expect(counter.scanInput).toBeFocused();
  await care.expectOn(true);
  const scanCare = await care.sizeOf(page.locator('.scan-input'));
  const menuCare = await care.sizeOf(page.getByTestId('nav-today'));

  // Turned off in the header: the scan field keeps the focus, everything shrinks back, and stays so.
  await care.toggle.click();
  await care.expectOn(false);
  await expect(counter.scanInput).toBeFocused();
  const scan = await care.sizeOf(page.locator('.scan-input'));
  expect(scan.height).toBeLessThan(scanCare.height);
  expect((await care.sizeOf(page.getByTestId('nav-today'))).font).toBeLessThan(menuCare.font);
  await page.reload();
  await expect(counter.scanInput).toBeVisible();
  await care.expectOn(false);
  expect(await page.evaluate(() => localStorage.getItem('pos.care'))).toBe('off');
});

test.describe('the providers’ phone page', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('is in care mode by default, unless this phone turned it off', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    const care = new CareSwitch(page);
    await care.expectOn(false);
    await login.login('barber', '444444');
    await expect(page.getByTestId('provider-page')).toBeVisible();
    await care.expectOn(true);
    const card = await care.sizeOf(page.getByTestId('provider-card'));
    expect(card.font).toBeGreaterThanOrEqual(24);
    mkdirSync(shots, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('pos.lang', l), lang);
      await page.reload();
      await expect(page.getByTestId('provider-page')).toBeVisible();
      await care.settle();
      await page.screenshot({ path: join(shots, `provider-care-${lang}-390x844.png`) });
    }

    await care.toggle.click();
    await care.expectOn(false);
    expect((await care.sizeOf(page.getByTestId('provider-card'))).font).toBeLessThan(card.font);
    await page.reload();
    await expect(page.getByTestId('provider-page')).toBeVisible();
    await care.expectOn(false);
  });
});

test('the customer display follows a whole redemption, then greets the next villager', async ({ page, demo }) => {
  const zhang = await demo.householdByCard('66010001');
  const before = await demo.account(zhang.id);
  const [soap, paste] = [await demo.itemByBarcode(SOAP), await demo.itemByBarcode(PASTE)];
  const counter = await CounterPage.open(page);
  const display = await CustomerDisplayPage.openFrom(page);
  await expect(counter.scanInput).toBeFocused();
  await display.expectScreen('idle');
  await expect(display.village).toContainText(await page.getByTestId('village-name').innerText());

  await counter.loadHousehold('66010001', '张三丰');
  await display.expectScreen('cart');
  await expect(display.household).toHaveText('张三丰');
  await display.expectNumber(display.score, before.score);
  await display.expectNumber(display.available, before.available);
  await expect(display.lines).toHaveCount(0);

  await counter.scan(SOAP);
  await counter.scan(SOAP);
  await counter.scan(PASTE);
  await expect(display.lines).toHaveCount(2);
  await expect(display.line(0)).toContainText(soap.name);
  await expect(display.line(0)).toContainText('× 2');
  await expect(display.line(0)).toContainText(String(2 * soap.points));
  await expect(display.line(1)).toContainText(paste.name);
  const total = 2 * soap.points + paste.points;
  await display.expectNumber(display.total, total);
  await counter.expectNumber(counter.cartTotal, total);
  await display.expectNumber(display.left, before.available - total);

  // The counter's language is the display's.
  await page.getByTestId('lang-toggle').getByText('English', { exact: true }).click();
  await expect(display.root).toContainText('Points left after');
  await page.getByTestId('lang-toggle').getByText('中文', { exact: true }).click();
  await expect(display.root).toContainText('兑换后剩余');

  await counter.pressEnterToRedeem();
  await expect(counter.lastReceiptNo).toBeVisible();
  await display.expectScreen('done');
  const [r] = await demo.redemptions();
  await expect(display.receiptNo).toHaveText(r.receiptNo);
  await expect(counter.lastReceiptNo).toContainText(r.receiptNo);
  await display.expectNumber(display.left, (await demo.account(zhang.id)).available);
  expect(r.totalPoints).toBe(total);

  // A display opened late asks the counter and catches up on the result, not on an empty screen.
  const late = new CustomerDisplayPage(await page.context().newPage());
  await late.page.goto('/#/display');
  await late.expectScreen('done');
  await expect(late.receiptNo).toHaveText(r.receiptNo);

  await display.expectScreen('idle', 12_000);
  await expect(display.village).toBeVisible();
  await late.expectScreen('idle', 2_000);
});

test('screenshots: the counter in care mode and the customer display, zh and en, at 1024×768 and 1093×614 (125 %)', async ({ browser, server, demo }) => {
  test.setTimeout(300_000);
  mkdirSync(shots, { recursive: true });
  // One redemption a picture: households the demo gives plenty of points, one each.
  const cards = ['66010001', '66010004', '66010007', '66010010'];
  for (const size of shotSizes) {
    for (const lang of ['zh', 'en'] as const) {
      const household = await demo.householdByCard(cards.shift()!);
      const page = await signedInAt(browser, server.url, lang, size, 'shop', '111111');
      const care = new CareSwitch(page);
      await care.toggle.click();
      await care.expectOn(true);
      const counter = new CounterPage(page);
      const display = await CustomerDisplayPage.openFrom(page);
      await display.page.setViewportSize(size.viewport);
      await display.page.screenshot({ path: join(shots, `display-idle-${lang}-${size.name}.png`) });
      await counter.loadHousehold(household.cardNo, household.headName);
      await counter.scan(SOAP);
      await counter.scan(SOAP);
      await counter.scan(PASTE);
      await expect(display.lines).toHaveCount(2);
      await care.settle();
      await page.screenshot({ path: join(shots, `counter-care-${lang}-${size.name}.png`) });
      await display.page.screenshot({ path: join(shots, `display-cart-${lang}-${size.name}.png`) });
      await counter.pressEnterToRedeem();
      await display.expectScreen('done');
      await display.page.screenshot({ path: join(shots, `display-done-${lang}-${size.name}.png`) });
      await page.getByTestId('logout').click();
      await expect(new LoginPage(page).username).toBeVisible();
      await care.settle();
      await page.screenshot({ path: join(shots, `login-care-${lang}-${size.name}.png`) });
      await page.context().close();
    }
  }
});
