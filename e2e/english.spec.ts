import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { CounterGuardPage } from './pages/CounterGuardPage.js';
import { chineseChrome, pickerInput } from './pages/ChromeText.js';
import { shotSizes, signedInAt } from './support/shots.js';

// "Language, type and dates": English mode has no Chinese of its own; dates are YYYY-MM-DD in either language.

const CUP = '6920000000094'; // 保温杯, stock 0 in the demo: refused at the scan
const OIL = '6920000000018'; // 食用油, in stock
const shots = join(process.cwd(), 'docs', 'screenshots', 'english');

async function openPage(page: Page, nav: string, ready: string) {
  await page.getByTestId(nav).click();
  await expect(page.getByTestId(ready).first()).toBeVisible();
  // Tables and charts load after the page shows; the words are judged once they are in.
  await page.waitForLoadState('networkidle');
}

test('English mode: the counter, ledger, reports, boards and audit log show no Chinese outside the village data', async ({ browser, server, demo }) => {
  const size = shotSizes[0];
  const shop = await signedInAt(browser, server.url, 'en', size, 'shop', '111111');
  const counter = new CounterGuardPage(shop);
  await counter.loadHousehold('66010001', '张三丰');
  await counter.scan(OIL);
  await expect(counter.cartLines).toHaveCount(1);
  await counter.expectScanRefused(CUP, /Out of stock|out of stock/i, 1);
  expect(await chineseChrome(shop), 'counter').toEqual([]);
  await shop.context().close();

  const admin = await signedInAt(browser, server.url, 'en', size, 'admin', '123456');
  const zhang = await demo.householdByCard('66010001');
  await admin.goto(`/#/ledger?h=${zhang.id}`);
  await expect(admin.getByTestId('ledger-score')).toBeVisible();
  await admin.waitForLoadState('networkidle');
  expect(await chineseChrome(admin), 'ledger').toEqual([]);
  for (const [nav, ready] of [
    ['nav-reports', 'kpi-awarded'],
    ['nav-boards', 'board-red'],
    ['nav-audit', 'audit-table'],
  ] as const) {
    await openPage(admin, nav, ready);
    expect(await chineseChrome(admin), nav).toEqual([]);
  }
  // The audit log had rows to judge: the admin's own sign-in, by its name, not its method.
  await expect(admin.getByTestId('audit-table').locator('.ant-table-row').first()).toContainText('Sign in');
  await expect(admin.getByTestId('audit-table')).not.toContainText('auth.login');
  await admin.context().close();
});

test('Chinese mode: the audit dates are YYYY-MM-DD in a date picker, typed or picked, and the rows in the same format', async ({ browser, server, demo }) => {
  const page = await signedInAt(browser, server.url, 'zh', shotSizes[0], 'admin', '123456');
  const today = await demo.today();
  await page.getByTestId('nav-audit').click();
  const from = pickerInput(page, 'audit-from');
  await expect(from).toHaveValue(today);
  await expect(pickerInput(page, 'audit-to')).toHaveValue(today);
  // Typed as a clerk would, then Enter: the picker keeps the one format.
  const monthStart = `${today.slice(0, 8)}01`;
  await from.click();
  await from.fill(monthStart);
  await from.press('Enter');
  await expect(from).toHaveValue(monthStart);
  // The calendar speaks the app's language.
  await from.click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toContainText('今天');
  await from.press('Escape');
  await page.getByTestId('audit-search').click();
  const at = page.getByTestId('audit-table').locator('.ant-table-row').first().locator('td').nth(1);
  await expect(at).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(page.getByTestId('audit-table')).toContainText('登录');
  await page.context().close();
});

test('screenshots: reports and the audit log, zh and en, at 1024×768 and 1093×614 (125 %)', async ({ browser, server }) => {
  test.setTimeout(240_000);
  for (const size of shotSizes) {
    for (const lang of ['zh', 'en'] as const) {
      const page = await signedInAt(browser, server.url, lang, size, 'admin', '123456');
      await openPage(page, 'nav-reports', 'kpi-awarded');
      await page.screenshot({ path: join(shots, `reports-${lang}-${size.name}.png`) });
      // The charts below the fold: month names on the axis, funding sources in the language.
      await page.getByTestId('chart-month').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `reports-charts-${lang}-${size.name}.png`) });
      await openPage(page, 'nav-audit', 'audit-table');
      await page.getByTestId('audit-table').locator('.ant-table-row-expand-icon').first().click();
      await page.screenshot({ path: join(shots, `audit-${lang}-${size.name}.png`) });
      await page.context().close();
    }
  }
});
