import { mkdirSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { shootBothLanguages, shotSizes } from './support/shots.js';
import { LoginPage } from './pages/LoginPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SetupWizardPage } from './pages/SetupWizardPage.js';
import { startServer } from './support/server.js';

// Screenshots of every wizard step, the settings screen and the calendar, zh and en, at the two
// screen sizes villages use. Run with SHOTS=1; they land in .tmp/shots/i11-setup/.
const dir = '.tmp/shots/i11-setup';
const both = (page: Page, size: string, name: string, fullPage = false) => shootBothLanguages(page, dir, size, name, fullPage);

for (const size of shotSizes) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    test('wizard, settings and calendar', async ({ page }) => {
      test.skip(!process.env.SHOTS, 'screenshots only with SHOTS=1');
      test.setTimeout(180_000);
      mkdirSync(dir, { recursive: true });
      const s = await startServer({ demo: false });
      try {
        const w = new SetupWizardPage(page);
        await w.open(s.url);
        await both(page, size.name, '1-role');
        await w.chooseRole('counter');
        await page.getByTestId('setup-office-url').fill('http://127.0.0.1:9');
        await page.getByTestId('setup-office-code').fill('K7QM-3XPA');
        await both(page, size.name, '2c-office');
        await w.next();
        await page.getByTestId('error-banner').waitFor();
        await both(page, size.name, '2c-office-error');
        await page.getByTestId('setup-back').click();
        await w.chooseRole('all');
        await page.getByTestId('setup-village-name').fill('红星村');
        await page.getByTestId('setup-village-code').fill('110101001001');
        await page.getByTestId('setup-village-town').fill('东华门街道');
        await page.getByTestId('setup-village-county').fill('东城区');
        await both(page, size.name, '2-village');
        await w.next();
        await page.getByTestId('setup-admin-name').fill('王主任');
        await page.getByTestId('setup-admin-username').fill('wangzr');
        await page.getByTestId('setup-admin-pin').fill('123456');
        await page.getByTestId('setup-admin-pin2').fill('123456');
        await w.next();
        await both(page, size.name, '3-admin-weak-pin');
        await page.getByTestId('setup-admin-pin').fill('918273');
        await page.getByTestId('setup-admin-pin2').fill('918273');
        await w.next();
        await w.step('printer').waitFor();
        await both(page, size.name, '4-printer', true);
        await w.next();
        await w.step('calendar').waitFor();
        await page.getByTestId('cal-mode-monthly').click();
        await page.getByTestId('cal-tool-bulk').click();
        const { today } = await s.ok('calendar.get', {}, (await s.ok('auth.login', { username: 'wangzr', pin: '918273' })).token);
        await page.getByTestId(`cal-day-${today}`).click();
        await both(page, size.name, '5-calendar', true);
        await page.getByTestId('setup-skip').click();
        await both(page, size.name, '6-done');
        await w.finish();
        await new LoginPage(page).login('wangzr', '918273');
        const settings = new SettingsPage(page);
        await settings.open();
        await both(page, size.name, '7-settings');
        await both(page, size.name, '7-settings-full', true);
        await page.getByTestId('settings-calendar').scrollIntoViewIfNeeded();
        await both(page, size.name, '8-settings-calendar');
      } finally {
        await s.stop();
      }
    });
  });
}
