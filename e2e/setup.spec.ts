import { createServer } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from './pages/LoginPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SetupWizardPage } from './pages/SetupWizardPage.js';
import { FakePrinter } from './support/fake-printer.js';
import { startServer, type E2EServer } from './support/server.js';

// Each test runs its own servers on fresh data folders WITHOUT --demo: no users, no default PIN.
const village = { name: '红星村', code: '110101001001', town: '东华门街道', county: '东城区' };
const admin = { name: '王主任', username: 'wangzr', pin: '918273' };

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

async function expectLoginRefused(page: Page, username: string, pin: string) {
  const login = new LoginPage(page);
  await login.username.fill(username);
  await login.pin.fill(pin);
  await login.submit.click();
  await expect(page.getByTestId('error-banner')).toBeVisible();
  await expect(page.getByTestId('logout')).toHaveCount(0);
}

async function withServer(opts: Parameters<typeof startServer>[0], f: (s: E2EServer) => Promise<void>) {
  const s = await startServer({ demo: false, ...opts });
  try {
    await f(s);
  } finally {
    await s.stop();
  }
}

test('单机: the wizard sets the village and its admin up; the admin signs in and admin/123456 never does', async ({ page }) => {
  await withServer({}, async (s) => {
    const wizard = new SetupWizardPage(page);
    await wizard.open(s.url);
    await expectNoLoginForm(page);
    await wizard.chooseRole('all');
    // A code that is not 12 digits cannot go on.
    await page.getByTestId('setup-village-code').fill('1101010010');
    await expect(page.getByTestId('setup-next')).toBeDisabled();
    await wizard.fillVillage(village);
    // A trivial PIN and two different PINs are refused before anything is written.
    await wizard.fillAdmin({ ...admin, pin: '123456' });
    await expect(wizard.error).toContainText('连续数字');
    await wizard.fillAdmin(admin, '918274');
    await expect(wizard.error).toContainText('不一致');
    expect((await s.ok('setup.status', {})).needed).toBe(true);
    await wizard.fillAdmin(admin);
    await wizard.skip('printer');
    await wizard.skip('calendar');
    await expect(page.getByTestId('setup-step-done')).toContainText(admin.username);
    await wizard.finish();

    await expectLoginRefused(page, 'admin', '123456');
    await new LoginPage(page).login(admin.username, admin.pin);
    await expect(page.getByTestId('nav-settings')).toBeVisible();
    expect(await s.ok('setup.status', {})).toMatchObject({ needed: false, role: 'all' });
    // A reload opens the app (or the sign-in), never the wizard again.
    await page.reload();
    await expect(page.getByTestId('setup-wizard')).toHaveCount(0);
  });
});

async function expectNoLoginForm(page: Page) {
  await expect(page.getByTestId('login-username')).toHaveCount(0);
}

test('村委会: the wizard makes an office, with its printer tested and its calendar set on the way', async ({ page }) => {
  const printer = await new FakePrinter().start(0);
  try {
    await withServer({}, async (s) => {
      const wizard = new SetupWizardPage(page);
      await wizard.open(s.url);
      // Keyboard only: the chosen role's card has focus; 2 → office is one Tab away, Enter goes on.
      await page.getByTestId('setup-role-office').focus();
      await page.keyboard.press('Enter');
      await wizard.fillVillage(village);
      await wizard.fillAdmin(admin);
      await expect(wizard.step('printer')).toBeVisible();
      await page.getByTestId('printer-interface').fill(printer.target);
      await page.getByTestId('printer-save').click();
      await page.getByTestId('printer-test').click();
      await expect.poll(() => printer.jobs.length).toBe(1);
      await wizard.next();
      await expect(wizard.step('calendar')).toBeVisible();
      await page.getByTestId('cal-mode-monthly').click();
      await page.getByTestId('cal-save').click();
      await wizard.finish();
      await new LoginPage(page).login(admin.username, admin.pin);
      const token = (await s.ok('auth.login', { username: admin.username, pin: admin.pin })).token;
      expect(await s.ok('machine.get', {}, token)).toMatchObject({ role: 'office', lan: { enabled: false } });
      expect(await s.ok('calendar.get', {}, token)).toMatchObject({ mode: 'monthly', day: 1 });
      expect((await s.ok('sync.pairingCode', {}, token)).code).toBeTruthy();
    });
  } finally {
    await printer.stop();
  }
});

test("收银台: the wizard pairs with a real office process, then the office's accounts sign in", async ({ page }) => {
  test.setTimeout(120_000);
  await withServer({ role: 'office' }, async (office) => {
    const { token } = await office.ok('setup.complete', { role: 'office', village, admin });
    await office.ok('users.create', { username: 'shop', name: '李店长', pin: '827364', roles: ['shopkeeper'] }, token);
    const { code } = await office.ok('sync.pairingCode', { name: '一号柜台' }, token);
    await withServer({ env: { POS_SYNC_INTERVAL_MS: '200' } }, async (counter) => {
      const wizard = new SetupWizardPage(page);
      await wizard.open(counter.url);
      await wizard.chooseRole('counter');
      // An office nobody answers at, then a wrong code: clear errors, and the counter stays unset-up.
      await wizard.fillOffice(`http://127.0.0.1:${await freePort()}`, code);
      await expect(wizard.error).toContainText('连不上村委会');
      await wizard.fillOffice(office.url, 'ZZZZ-ZZZZ');
      await expect(wizard.error).toContainText('配对码不对');
      expect((await counter.ok('setup.status', {})).needed).toBe(true);
      await wizard.fillOffice(office.url, code);
      await expect(page.getByTestId('setup-finish')).toBeEnabled({ timeout: 30_000 });
      await wizard.finish();
      await expectLoginRefused(page, 'admin', '123456');
      await new LoginPage(page).login('shop', '827364');
      const shop = (await counter.ok('auth.login', { username: 'shop', pin: '827364' })).token;
      expect(await counter.ok('sync.status', {}, shop)).toMatchObject({ role: 'counter', paired: true });
      const terminals = (await office.ok('sync.terminals', {}, token)).items;
      expect(terminals).toHaveLength(1);
    });
  });
});

test('the calendar screen makes today a bulk day, and the bulk lane then serves a household', async ({ page }) => {
  const printer = await new FakePrinter().start(0);
  try {
    await withServer({}, async (s) => {
      const { token } = await s.ok('setup.complete', { role: 'all', village, admin, printer: { type: 'epson', interface: printer.target, width: 32 } });
      await s.ok('users.create', { username: 'review', name: '钱监督', pin: '645546', roles: ['reviewer'] }, token);
      const review = (await s.ok('auth.login', { username: 'review', pin: '645546' })).token;
      await s.ok('calendar.set', { mode: 'dates', dates: [] }, token);
      const h = await s.ok('households.create', { headName: '张三丰', cardNo: '88000001' }, token);
      const rule = await s.ok('rules.save', { category: '乡风文明', name: 'e2e加分', kind: 'award', points: 100 }, token);
      const { today } = await s.ok('calendar.get', {}, token);
      const { entries } = await s.ok('points.record', { householdIds: [h.id], ruleId: rule.id, occurredOn: today }, token);
      await s.ok('points.review', { entryIds: [entries[0].id], decision: 'approve' }, review);
      const soap = await s.ok('catalog.save', { kind: 'goods', name: '洗衣粉', unit: '袋', points: 15, barcode: '6920000000032' }, token);
      await s.ok('stock.receive', { itemId: soap.id, qty: 10, fundingSource: 'fiscal' }, token);
      await s.ok('bulk.bundle.set', { lines: [{ itemId: soap.id, qty: 1 }] }, token);
      expect((await s.ok('calendar.get', {}, token)).todayIsBulkDay).toBe(false);

      await page.goto(s.url);
      await new LoginPage(page).login(admin.username, admin.pin);
      const settings = new SettingsPage(page);
      await settings.open();
      await settings.makeBulkDay(today);
      await expect(page.getByTestId('cal-trial')).toContainText(today);
      await expect.poll(async () => (await s.ok('calendar.get', {}, token)).todayIsBulkDay).toBe(true);

      await page.getByTestId('nav-bulk').click();
      await expect(page.getByTestId('bulk-day-badge')).toContainText('集中兑换日');
      await expect(page.getByTestId('bulk-scan')).toBeFocused();
      await page.keyboard.type('88000001');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('bulk-household')).toHaveText('张三丰');
      await expect(page.getByTestId('bulk-total')).toHaveText('15');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('bulk-recent-row').first()).toContainText('张三丰');
      expect((await s.ok('households.get', { id: h.id }, token)).account).toMatchObject({ score: 100, redeemed: 15, available: 85 });
      const audit = (await s.ok('audit.list', { method: 'calendar.set' }, token)).items;
      expect(audit[0].summary).toContain(`试点 ${today}`);
    });
  } finally {
    await printer.stop();
  }
});

test('the settings screen changes the printer (to the fake printer), the role and the LAN listening', async ({ page }) => {
  const printer = await new FakePrinter().start(0);
  try {
    await withServer({}, async (s) => {
      const { token } = await s.ok('setup.complete', { role: 'all', village, admin });
      await page.goto(s.url);
      await new LoginPage(page).login(admin.username, admin.pin);
      const settings = new SettingsPage(page);
      await settings.open();
      await expect(settings.currentRole()).toHaveText('单机');

      await settings.setPrinter(printer.target);
      await expect.poll(async () => (await s.ok('printer.get', {}, token))?.interface).toBe(printer.target);
      await settings.printTestPage();
      await expect.poll(() => printer.jobs.length).toBe(1);

      await settings.changeRole('office');
      await expect(settings.currentRole()).toHaveText('村委会');
      expect((await s.ok('sync.status', {}, token)).role).toBe('office');

      const port = await freePort();
      await settings.turnLanOn('127.0.0.1', port);
      await expect(page.getByTestId('settings-lan-url')).toContainText(`http://127.0.0.1:${port}`);
      await expect(page.getByTestId('settings-lan-status')).toContainText('正在监听');
      expect((await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).result.ok).toBe(true);

      // The sync page no longer sends anybody to the command line.
      await page.getByTestId('nav-sync').click();
      await expect(page.locator('body')).not.toContainText('--role');

      const methods = (await s.ok('audit.list', {}, token)).items.map((a: { method: string }) => a.method);
      expect(methods).toEqual(expect.arrayContaining(['printer.configure', 'printer.test', 'machine.setRole', 'machine.setLan']));
    });
  } finally {
    await printer.stop();
  }
});
