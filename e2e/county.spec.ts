import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { CountyApp, CountyReportingCard } from './pages/CountyPages.js';
import { LoginPage } from './pages/LoginPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { countyCode, drainToCounty, pairByApi, pilot, startCounty, startVillageOffice, type E2ECounty } from './support/county.js';
import type { E2EServer } from './support/server.js';

// The county web UI (issue 13) against a real county process on a real PostgreSQL and a real village
// office process, each test on a fresh database and data dir.
const [chahe, shilu] = pilot.towns;
const [hongyang, shanzhugou, xincun] = pilot.villages;

let county: E2ECounty;
let office: E2EServer | null = null;

// Tests tagged @village get a village office too, started beside the county (each takes a few seconds).
// eslint-disable-next-line no-empty-pattern
test.beforeEach(async ({}, info) => {
  [county, office] = await Promise.all([startCounty(), info.tags.includes('@village') ? startVillageOffice() : null]);
});
test.afterEach(async () => {
  await office?.stop();
  office = null;
  await county.stop();
});

function villageOffice(): E2EServer {
  if (!office) throw new Error('tag the test @village');
  return office;
}

async function villageAdmin(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await new LoginPage(page).login('admin', '123456');
}

test(
  'a county admin registers a town and a village, the village pairs from its settings, and the progress report is exported',
  { tag: '@village' },
  async ({ page, context }) => {
    const office = villageOffice();
    const c = new CountyApp(page);
    await c.open(county.url);
    await c.login('admin', '123456');

    await c.go('areas');
    await c.register('town', chahe.code, chahe.name);
    await c.register('village', hongyang.code, hongyang.name);
    const code = await c.issuePairingCode(hongyang.code);

    // The village office's 系统设置 → 县级上报: address, its own area code, the one-time code.
    const village = await context.newPage();
    await villageAdmin(village, office.url);
    await new SettingsPage(village).open();
    const card = new CountyReportingCard(village);
    await card.pair(county.url, hongyang.code, code);
    await expect(card.paired()).toContainText(hongyang.name);
    await card.reportNow();
    await expect(card.card.getByTestId('county-pending')).toHaveText(/^0\s/);
    await expect(card.card.getByTestId('county-last-push')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(card.card.getByTestId('county-online')).toHaveText('在线');

    // The progress report at the county: the village's figures, and it has not reported to 31 December yet.
    await c.go('report');
    await c.reportFor(countyCode, 'dec');
    const row = page.locator(`[data-testid="county-report-row"][data-code="${hongyang.code}"]`);
    await expect(row).toContainText(hongyang.name);
    await expect(c.notReported(hongyang.code)).toContainText(/最后报送：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('county-report-export').click()]);
    const year = new Date().getFullYear();
    expect(download.suggestedFilename()).toBe(`进度报告-${countyCode}-${year}-dec.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const values = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .flatMap((r) => (Array.isArray(r) ? r : []))
        .map(String);
    expect(values(`${year}年12月底年度总结`)).toEqual(expect.arrayContaining([hongyang.code, hongyang.name, chahe.name]));
    expect(values('未报送')).toEqual(expect.arrayContaining([hongyang.code, hongyang.name]));

    // And the same report as an A4 sheet.
    await page.getByTestId('county-report-print').click();
    await expect(page.getByTestId('county-report-sheet')).toContainText(`${year} 年12月底年度总结`);
    await expect(page.getByTestId('county-report-sheet')).toContainText(hongyang.name);
  },
);

test('a town viewer sees only the villages of its town', async ({ page }) => {
  const admin = await county.login();
  for (const a of [...pilot.towns, ...pilot.villages]) await county.ok('county.areas.add', a, admin);
  const c = new CountyApp(page);
  await c.open(county.url);
  await c.login('admin', '123456');
  await c.go('users');
  await c.addUser({ username: 'chahe', name: '叉河镇干部', pin: '135790', role: 'town_viewer', town: chahe.code });
  await c.logout();

  await c.login('chahe', '135790');
  await expect(page.getByTestId('county-dashboard')).toBeVisible();
  await expect(c.villageRows()).toHaveCount(2);
  expect(await c.villageRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')).sort())).toEqual([hongyang.code, xincun.code]);
  await expect(c.scopeOptions()).toHaveText([/叉河镇/, /红阳村/, /新村/]);
  await expect(c.nav('areas')).toHaveCount(0);
  await expect(c.nav('users')).toHaveCount(0);
  // The server refuses what the screen does not offer.
  const viewer = await county.login('chahe', '135790');
  const refused = await county.call('county.dashboard', { areaCode: shilu.code, year: 2026 }, viewer);
  expect([refused.status, refused.error?.code, refused.error?.reason]).toEqual([403, 'FORBIDDEN', 'outside_area']);
  await expect(page.locator(`[data-testid="county-village-row"][data-code="${shanzhugou.code}"]`)).toHaveCount(0);
});

test('a villager opens the passbook QR page on a 390 px phone, and it is refused once the code is reissued', { tag: '@village' }, async ({ page, browser }) => {
  const office = villageOffice();
  const admin = await county.login();
  await county.ok('county.areas.add', chahe, admin);
  await county.ok('county.areas.add', hongyang, admin);
  await pairByApi(county, office, hongyang.code);

  await villageAdmin(page, office.url);
  await page.getByTestId('nav-households').click();
  const first = page.getByTestId('household-row').first();
  const headName = (await first.locator('td').nth(2).textContent())!.trim();
  await first.getByTestId('household-passbook').click();
  const qr = page.getByTestId('passbook-preview').getByTestId('villager-qr');
  await expect(qr.getByTestId('villager-qr-img')).toBeVisible();
  const oldUrl = (await qr.getAttribute('data-url'))!;
  expect(oldUrl).toMatch(new RegExp(`^${county.url}/v/[A-Za-z0-9_-]{16,}$`));
  await drainToCounty(office);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, locale: 'zh-CN' });
  try {
    const p = await phone.newPage();
    const res = await p.goto(oldUrl);
    expect(res?.status()).toBe(200);
    await expect(p.locator('h1')).toHaveText(`${headName} 户`);
    await expect(p.locator('[data-k="available"]')).toContainText('可用积分');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await p.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18);
    const text = await p.locator('body').innerText();
    expect(text).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}/); // no ID numbers, no phone numbers

    await page.getByTestId('qr-reissue').click();
    await page.getByTestId('qr-reissue-confirm').click();
    await expect(qr).not.toHaveAttribute('data-url', oldUrl);
    const newUrl = (await qr.getAttribute('data-url'))!;
    await drainToCounty(office);

    const refused = await p.goto(oldUrl);
    expect(refused?.status()).toBe(404);
    await expect(p.locator('h1')).toHaveText('二维码无效或已更换');
    expect((await p.goto(newUrl))?.status()).toBe(200);
    await expect(p.locator('h1')).toHaveText(`${headName} 户`);
  } finally {
    await phone.close();
  }
});
