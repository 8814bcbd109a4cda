import { mkdirSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { shootBothLanguages, shotSizes } from './support/shots.js';
import { CountyApp } from './pages/CountyPages.js';
import { LoginPage } from './pages/LoginPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { drainToCounty, pairByApi, pilot, startCounty, startVillageOffice } from './support/county.js';

// Screenshots of every county screen and the village's county pieces, zh and en, at the two screen
// sizes villages and towns use. Run with SHOTS=1; they land in .tmp/shots/county/.
const dir = '.tmp/shots/county';
const both = (page: Page, size: string, name: string, fullPage = false) => shootBothLanguages(page, dir, size, name, fullPage);

for (const size of shotSizes) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    test('county screens', async ({ page, browser }) => {
      test.skip(!process.env.SHOTS, 'screenshots only with SHOTS=1');
      test.setTimeout(240_000);
      mkdirSync(dir, { recursive: true });
      const [county, office] = await Promise.all([startCounty(), startVillageOffice()]);
      try {
        const admin = await county.login();
        for (const a of [...pilot.towns, ...pilot.villages]) await county.ok('county.areas.add', a, admin);
        await county.ok(
          'county.users.add',
          { username: 'chahe', name: '叉河镇干部', pin: '135790', role: 'town_viewer', areaCode: pilot.towns[0].code },
          admin,
        );
        await pairByApi(county, office, pilot.villages[0].code);
        await drainToCounty(office);

        const c = new CountyApp(page);
        await c.open(county.url);
        await both(page, size.name, '1-login');
        await c.login('admin', '123456');
        await page.getByTestId('county-chart-villages').waitFor();
        await both(page, size.name, '2-dashboard');
        await page.getByTestId('county-medians').scrollIntoViewIfNeeded();
        await both(page, size.name, '2b-dashboard-medians');
        await page.getByTestId('county-boards').scrollIntoViewIfNeeded();
        await both(page, size.name, '2c-dashboard-boards');
        await c.go('report');
        await c.reportFor('469030000000', 'dec');
        await page.getByTestId('county-not-reported').waitFor();
        await both(page, size.name, '3-report', true);
        await page.getByTestId('county-report-print').click();
        await page.getByTestId('county-report-sheet').waitFor();
        await both(page, size.name, '4-report-a4');
        await page.keyboard.press('Escape');
        await c.go('areas');
        await both(page, size.name, '5-areas', true);
        await page.getByTestId('county-issue-code').nth(1).click();
        await page.getByTestId('county-pairing-code').waitFor();
        await both(page, size.name, '6-pairing-code');
        await page.keyboard.press('Escape');
        await c.go('users');
        await both(page, size.name, '7-users');
        await c.logout();
        await c.login('chahe', '135790');
        await page.getByTestId('county-dashboard').waitFor();
        await both(page, size.name, '8-town-viewer');

        const v = await page.context().newPage();
        await v.goto(office.url);
        await new LoginPage(v).login('admin', '123456');
        await new SettingsPage(v).open();
        await v.getByTestId('settings-county').scrollIntoViewIfNeeded();
        await v.getByTestId('county-paired').waitFor();
        await both(v, size.name, '9-village-county-card');
        await v.getByTestId('county-repair').click();
        await both(v, size.name, '9-village-county-card-repair');
        await v.getByTestId('nav-households').click();
        await v.getByTestId('household-row').first().getByTestId('household-passbook').click();
        await v.getByTestId('passbook-preview').getByTestId('villager-qr-img').waitFor();
        await both(v, size.name, '10-passbook-qr');
        await v.keyboard.press('Escape');
        await v.getByTestId('household-print-cards').click();
        await v.getByTestId('card-preview').getByTestId('villager-qr-img').first().waitFor();
        await both(v, size.name, '11-cards-qr');
        const url = (await v.getByTestId('card-preview').getByTestId('villager-qr').first().getAttribute('data-url'))!;
        await drainToCounty(office);
        if (size.name === '1024x768') {
          const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
          const p = await phone.newPage();
          await p.goto(url);
          await p.screenshot({ path: `${dir}/12-villager-390.png` });
          await phone.close();
        }
      } finally {
        await office.stop();
        await county.stop();
      }
    });
  });
}
