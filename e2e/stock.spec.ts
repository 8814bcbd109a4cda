// Issue 4 in the real UI: a receiving note with two funding sources, a stocktake with a variance,
// a provider logging a haircut from the phone page, and the monthly settlement. After every test,
// stock on hand equals the sum of its movements.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { LoginPage } from './pages/LoginPage.js';

test.afterEach(async ({ server, adminToken }) => {
  const goods = (await server.ok('catalog.list', { kind: 'goods', includeInactive: true }, adminToken)).items as { id: number; name: string; stock: number }[];
  const { items, truncated } = await server.ok('stock.movements', { limit: 10_000 }, adminToken);
  expect(truncated).toBe(false);
  const sum = new Map<number, number>();
  for (const m of items as { itemId: number; delta: number }[]) sum.set(m.itemId, (sum.get(m.itemId) ?? 0) + m.delta);
  for (const g of goods) expect(g.stock, `${g.name}: stock = sum of movements`).toBe(sum.get(g.id) ?? 0);
});

async function signIn(page: Page, user: string, pin: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(user, pin);
}

/** window.print opens a dialog the test cannot close; count the calls instead. */
async function stubPrint(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { print: () => void; printed: number };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
}
const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

test('入库: a receiving note with two funding sources, an unknown barcode refused, the note printed', async ({ page, demo, server, adminToken }) => {
  const rice = await demo.itemByBarcode('6920000000025');
  const oil = await demo.itemByBarcode('6920000000018');
  await signIn(page, 'shop', '111111');
  await page.getByTestId('nav-receiving').click();
  await stubPrint(page);

  const scan = page.getByTestId('receive-scan');
  await scan.fill('6920000000025');
  await scan.press('Enter');
  await scan.fill('6920000009999');
  await scan.press('Enter');
  await expect(page.getByTestId('error-banner')).toContainText('6920000009999');
  await page.getByTestId('receive-pick').selectOption(String(oil.id));
  const lines = page.getByTestId('receive-line');
  await expect(lines).toHaveCount(2);

  await lines.nth(0).getByTestId('line-qty').fill('10');
  await lines.nth(0).getByTestId('line-source').selectOption('fiscal');
  await lines.nth(0).getByTestId('line-cost').fill('25');
  await lines.nth(1).getByTestId('line-qty').fill('5');
  await lines.nth(1).getByTestId('line-source').selectOption('donation');
  await lines.nth(1).getByTestId('line-cost').fill('59.9');
  // A donation without its donor is caught before it is sent.
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('error-banner')).toContainText('捐赠方');
  await lines.nth(1).getByTestId('line-donor').fill('爱心企业 红星粮油');
  await page.getByTestId('receive-note').fill('县里配送');
  await page.getByTestId('receive-submit').click();

  const sheet = page.getByTestId('note-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('note-no')).toHaveText(/^RK-C01-\d{4}-\d{4}$/);
  await expect(sheet.getByTestId('note-line')).toHaveCount(2);
  await expect(sheet.getByTestId('note-source')).toHaveCount(2);
  await expect(sheet).toContainText('财政补助');
  await expect(sheet).toContainText('社会捐赠');
  await expect(sheet).toContainText('爱心企业 红星粮油');
  await expect(sheet.getByTestId('note-total')).toHaveText('549.50');
  await page.getByTestId('print-button').click();
  expect(await printed(page)).toBe(1);
  const noteNo = await sheet.getByTestId('note-no').innerText();
  // On paper only the note prints: the app is hidden and the print copy shown.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#print-root')).toBeVisible();
  await expect(page.locator('#print-root')).toContainText(noteNo);
  await expect(page.locator('#root')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('print-close').click();
  await expect(page.getByTestId('note-row').filter({ hasText: noteNo })).toBeVisible();

  expect((await demo.itemByBarcode('6920000000025')).stock).toBe(rice.stock! + 10);
  expect((await demo.itemByBarcode('6920000000018')).stock).toBe(oil.stock! + 5);
  const moves = (await server.ok('stock.movements', { itemId: oil.id }, adminToken)).items;
  expect(moves.at(-1)).toMatchObject({ kind: 'receive', delta: 5, fundingSource: 'donation', donor: '爱心企业 红星粮油', unitCostFen: 5990, docNo: noteNo });

  // The funding report shows the donation received this month.
  await page.getByTestId('nav-funding').click();
  const donation = page.locator('[data-testid="funding-row"][data-source="donation"]');
  await expect(donation.getByTestId('funding-receivedQty')).toHaveText('5');
  await expect(donation.getByTestId('funding-receivedValueFen')).toHaveText('299.50');
});

test('盘点: a stocktake with a variance adjusts stock, prints the sheet and the public notice', async ({ page, demo, server, adminToken }) => {
  const towel = await demo.itemByName('毛巾');
  const paste = await demo.itemByName('牙膏');
  await signIn(page, 'shop', '111111');
  await page.getByTestId('nav-stocktake').click();
  await stubPrint(page);

  const row = (id: number) => page.locator(`[data-testid="stocktake-row"][data-item-id="${id}"]`);
  await expect(row(towel.id).getByTestId('count-expected')).toHaveText(String(towel.stock));
  await row(towel.id)
    .getByTestId('count-input')
    .fill(String(towel.stock! - 3));
  await expect(row(towel.id).getByTestId('count-delta')).toHaveText('-3');
  await row(paste.id).getByTestId('count-input').fill(String(paste.stock));
  await expect(row(paste.id).getByTestId('count-delta')).toHaveText('0');
  // A variance needs a reason before anything is sent.
  await page.getByTestId('stocktake-submit').click();
  await expect(page.getByTestId('error-banner')).toContainText('毛巾');
  await row(towel.id).getByTestId('count-reason').fill('受潮损坏');
  await page.getByTestId('stocktake-note').fill('月末盘点');
  await page.getByTestId('stocktake-submit').click();

  const sheet = page.getByTestId('stocktake-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('sheet-no')).toHaveText(/^PD-C01-\d{4}-\d{4}$/);
  await expect(sheet.getByTestId('sheet-line')).toHaveCount(2);
  await expect(sheet.getByTestId('sheet-line').filter({ hasText: '毛巾' })).toContainText('受潮损坏');
  const sheetNo = await sheet.getByTestId('sheet-no').innerText();
  await page.getByTestId('notice-toggle').click();
  const notice = page.getByTestId('stocktake-notice');
  await expect(notice).toContainText('公示');
  await expect(notice.getByTestId('notice-line')).toHaveCount(1);
  await expect(notice.getByTestId('notice-line')).toContainText('-3');
  await page.getByTestId('print-button').click();
  expect(await printed(page)).toBe(1);
  await page.getByTestId('print-close').click();
  await expect(page.getByTestId('sheet-row').filter({ hasText: sheetNo })).toBeVisible();

  expect((await demo.itemByName('毛巾')).stock).toBe(towel.stock! - 3);
  expect((await demo.itemByName('牙膏')).stock).toBe(paste.stock);

  // The adjustment is in the stock ledger, with its reason and sheet number.
  await page.getByTestId('nav-movements').click();
  await page.getByTestId('movements-kind').selectOption('count');
  const moved = page.getByTestId('movement-row');
  await expect(moved).toHaveCount(1);
  await expect(moved).toContainText('毛巾');
  await expect(moved).toContainText('受潮损坏');
  await expect(moved).toContainText(sheetNo);
  await expect(moved.getByTestId('movement-delta')).toHaveText('-3');
  const last = (await server.ok('stock.movements', { itemId: towel.id }, adminToken)).items.at(-1);
  expect(last).toMatchObject({ kind: 'count', delta: -3, reason: '受潮损坏', balance: towel.stock! - 3 });
});

test.describe('服务商手机页', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the barber logs a haircut from the phone page; the points come off', async ({ page, demo, server, adminToken }) => {
    const zhang = await demo.householdByCard('66010001');
    const before = await demo.account(zhang.id);
    const cut = await demo.itemByName('剪头发');
    await signIn(page, 'barber', '444444');
    await expect(page.getByTestId('provider-page')).toBeVisible();
    expect(page.url()).not.toContain('#/counter');

    await page.getByTestId('provider-card').fill('66010001');
    await page.getByTestId('provider-card').press('Enter');
    await expect(page.getByTestId('provider-household')).toHaveText('张三丰');
    await expect(page.getByTestId('provider-available')).toHaveText(String(before.available));
    // The barber sees only the services he provides.
    await expect(page.getByTestId('provider-service')).toHaveCount(1);
    await page.getByTestId('provider-service').filter({ hasText: '剪头发' }).click();
    await page.getByTestId('provider-confirm').click();
    await expect(page.getByTestId('provider-result')).toContainText('登记成功');
    await expect(page.getByTestId('provider-available-after')).toContainText(String(before.available - cut.points!));
    await expect(page.getByTestId('provider-month-total')).toContainText('1 次');
    await expect(page.getByTestId('provider-log-row')).toHaveCount(1);

    // Laid out for the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId('provider-next').click();
    await expect(page.getByTestId('provider-card')).toBeFocused();
    expect((await demo.account(zhang.id)).available).toBe(before.available - cut.points!);
    const [r] = await demo.redemptions();
    expect(r).toMatchObject({ householdId: zhang.id, totalPoints: cut.points, voided: false });
    const month = await server.ok('reports.settlement', { from: `${(await demo.today()).slice(0, 7)}-01`, to: await demo.today() }, adminToken);
    expect(month.items).toEqual([expect.objectContaining({ providerName: '理发师 孙师傅', count: 1, points: cut.points })]);
  });
});

test("服务商结算: the month's settlement per provider, valued at the village rate, exported and printed", async ({ page, demo, server }) => {
  const zhang = await demo.householdByCard('66010001');
  const cut = await demo.itemByName('剪头发');
  const barber = await server.login('barber');
  for (let i = 0; i < 2; i++) {
    await server.ok('services.log', { itemId: cut.id, householdId: zhang.id, requestId: `e2e-settle-${i}-${Date.now()}` }, barber);
  }
  await signIn(page, 'admin', '123456');
  await page.goto('/#/settlement');
  await stubPrint(page);
  const row = page.getByTestId('settlement-row').filter({ hasText: '理发师 孙师傅' });
  await expect(row.getByTestId('settlement-count')).toHaveText('2');
  await expect(row.getByTestId('settlement-points')).toHaveText(String(2 * cut.points!));
  await expect(row.getByTestId('settlement-value')).toHaveText('—');

  await page.getByTestId('settlement-rate').fill('0.5');
  await page.getByTestId('settlement-rate-save').click();
  await expect(row.getByTestId('settlement-value')).toHaveText((cut.points! * 2 * 0.5).toFixed(2));
  await expect(page.getByTestId('settlement-total-points')).toHaveText(String(2 * cut.points!));

  const download = page.waitForEvent('download');
  await page.getByTestId('settlement-export').click();
  expect((await download).suggestedFilename()).toMatch(/^服务商结算_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/);

  await page.getByTestId('settlement-print').click();
  const sheet = page.getByTestId('settlement-sheet');
  await expect(sheet).toContainText('服务商结算表');
  await expect(sheet).toContainText('理发师 孙师傅');
  await expect(sheet).toContainText('剪头发');
  await page.getByTestId('print-button').click();
  expect(await printed(page)).toBe(1);
});

test('商品与服务: a low-stock threshold marks the item in the catalog and at the counter', async ({ page, demo }) => {
  const towel = await demo.itemByName('毛巾');
  await signIn(page, 'shop', '111111');
  await page.getByTestId('nav-catalog').click();
  const row = page.locator(`[data-testid="catalog-row"][data-item-id="${towel.id}"]`);
  await expect(row).not.toHaveAttribute('data-low', 'true');
  await row.getByTestId('catalog-edit').click();
  await page.getByTestId('item-threshold').fill(String(towel.stock));
  await page.getByTestId('item-save').click();
  await expect(page.getByTestId('item-form')).toBeHidden();
  await expect(row).toHaveAttribute('data-low', 'true');
  await expect(row.getByTestId('catalog-stock')).toContainText('库存低');

  await page.getByTestId('nav-counter').click();
  await expect(page.locator(`[data-testid="goods-button"][data-item-id="${towel.id}"]`)).toHaveAttribute('data-low', 'true');

  // The office home lists it too.
  await page.getByTestId('logout').click();
  await signIn(page, 'clerk', '222222');
  await page.goto('/#/office');
  await expect(page.getByTestId('low-stock-panel').getByTestId('low-stock-item').filter({ hasText: '毛巾' })).toBeVisible();
});
