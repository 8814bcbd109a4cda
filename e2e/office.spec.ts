import type { Page } from '@playwright/test';
import { rosterXlsx, villageRoster } from '../electron/core/domains/office/roster-fixture.js';
import { expect, test } from './fixtures.js';
import { CounterPage } from './pages/CounterPage.js';
import { LoginPage } from './pages/LoginPage.js';

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('义务劳动现场')]);

async function signIn(page: Page, username: string, pin: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(username, pin);
}

async function signOut(page: Page) {
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
}

/** Opens an antd select, types into its search and picks the option that shows `text`. */
async function choose(page: Page, testId: string, typed: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

test.describe('village office', () => {
  test('import a 300-household roster → record a batch award → review → the counter shows the points', async ({ page, demo, server }, testInfo) => {
    // 1. The clerk imports the roster from Excel.
    await signIn(page, 'clerk', '222222');
    await expect(page.getByTestId('nav-office')).toBeVisible();
    await expect(page.getByTestId('home-pending')).toBeVisible();
    await page.getByTestId('nav-households').click();
    await page.getByTestId('household-import').click();
    const file = await rosterXlsx(villageRoster(300, { cardPrefix: 'HY' }));
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await expect(page.getByTestId('import-preview-summary')).toContainText('将新建 300 户', { timeout: 20_000 });
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-result')).toContainText('新建 300 户', { timeout: 20_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('households-search').locator('input').fill('HY');
    await page.getByTestId('households-search').locator('input').press('Enter');
    await expect(page.getByText('共 300 户')).toBeVisible();

    // A sheet of cards with barcode and QR, for the first imported households.
    await page.locator('[data-testid="household-row"][data-card-no="HY0001"] .ant-checkbox-input').check();
    await page.locator('[data-testid="household-row"][data-card-no="HY0005"] .ant-checkbox-input').check();
    await page.getByTestId('household-print-cards').click();
    const preview = page.getByTestId('card-preview');
    await expect(preview.getByTestId('points-card')).toHaveCount(2);
    await expect(preview.getByTestId('card-barcode').first()).toHaveAttribute('data-value', 'HY0001');
    await expect(preview.getByTestId('card-qr').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('cards.png') });
    await page.keyboard.press('Escape');

    // 2. A batch award: the whole 第四村民小组 plus one household found by card, with a photo.
    await page.getByTestId('nav-scoring').click();
    await page.getByTestId('scoring-add-group').filter({ hasText: '第四村民小组' }).click();
    const group4 = (await server.ok('households.list', { group: '第四村民小组', limit: 2000 }, await server.login('clerk'))).total as number;
    await expect(page.getByTestId('scoring-selected-count')).toContainText(`已选 ${group4} 户`);
    await choose(page, 'scoring-households', 'HY0001', 'HY0001');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('scoring-selected-count')).toContainText(`已选 ${group4 + 1} 户`);
    await choose(page, 'scoring-rule', '防汛', '防汛');
    await page.getByTestId('scoring-note').fill('汛期巡堤');
    await page.getByTestId('scoring-photo').setInputFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.getByTestId('scoring-submit').click();
    await expect(page.getByTestId('scoring-done')).toContainText(`已录入 ${group4 + 1} 条`);
    await signOut(page);

    const hy1 = await demo.householdByCard('HY0001');
    const hy4 = await demo.householdByCard('HY0004');
    expect((await demo.account(hy4.id)).available).toBe(0);

    // 3. The reviewer rejects one with a reason and approves the rest in bulk.
    await signIn(page, 'review', '333333');
    await page.getByTestId('nav-review').click();
    const hy1Row = page.locator('[data-testid="review-row"][data-card-no="HY0001"]');
    await expect(hy1Row).toHaveCount(1);
    await expect(hy1Row.getByTestId('review-photos')).toHaveText('1');
    await hy1Row.getByTestId('review-reject-one').click();
    await page.getByTestId('review-reject-reason').fill('未在现场');
    await page.getByTestId('review-reject-confirm').click();
    await expect(hy1Row).toHaveCount(0);
    await page.locator('.ant-table-thead .ant-checkbox-input').check();
    await page.getByTestId('review-approve').click();
    await expect(page.getByTestId('review-total')).toHaveText('0');
    await signOut(page);

    // 4. At the counter the approved household has its 5 points; the rejected one has none.
    const before1 = await demo.account(hy1.id);
    expect(await demo.account(hy4.id)).toMatchObject({ score: 5, available: 5 });
    await signIn(page, 'shop', '111111');
    const counter = new CounterPage(page);
    await counter.open();
    await counter.loadHousehold('HY0004', hy4.headName);
    await counter.expectNumber(counter.available, 5);
    await counter.loadHousehold('HY0001', hy1.headName);
    await counter.expectNumber(counter.available, before1.available);
    expect(before1.available).toBe(0);
  });

  test('the ledger shows running totals, reverses an entry, and prints', async ({ page, demo }) => {
    const zhang = await demo.householdByCard('66010001');
    const account = await demo.account(zhang.id);
    await signIn(page, 'clerk', '222222');
    await page.getByTestId('nav-households').click();
    await page.locator('[data-testid="household-row"][data-card-no="66010001"]').getByTestId('household-ledger').click();
    await expect(page.getByTestId('ledger-available')).toHaveText(String(account.available));
    const last = page.getByTestId('ledger-row').last();
    await expect(last.getByTestId('ledger-running-available')).toHaveText(String(account.available));

    const first = page.locator('[data-testid="ledger-row"][data-kind="award"][data-status="approved"]').first();
    const points = Number(await first.locator('.pts-plus').innerText());
    await first.getByTestId('ledger-reverse').click();
    await page.getByTestId('ledger-reverse-reason').fill('重复录入');
    await page.getByTestId('ledger-reverse-confirm').click();
    await expect(page.getByTestId('ledger-available')).toHaveText(String(account.available - points));
    await expect(page.locator('[data-testid="ledger-row"][data-kind="reversal"]')).toHaveCount(1);
    expect((await demo.account(zhang.id)).available).toBe(account.available - points);

    await page.getByTestId('ledger-print').click();
    await expect(page.getByTestId('ledger-preview').getByTestId('passbook-sheet')).toContainText('张三丰');
  });
});
