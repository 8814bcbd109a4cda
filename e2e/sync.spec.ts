import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/LoginPage.js';
import { startServer } from './support/server.js';

// Its own office and counter processes: the shared fixtures' single --role all server is not used here.
test.describe('联网同步 (pairing a counter)', () => {
  test("after pairing, the counter's login page says to use the office's accounts (not 登录已过期), and they sign in", async ({ page }) => {
    const office = await startServer({ role: 'office', demo: true, testClock: false });
    try {
      const counter = await startServer({ demo: false, testClock: false, env: { POS_SYNC_INTERVAL_MS: '200' } });
      try {
        const { code } = await office.ok('sync.pairingCode', { name: '二号柜台' }, await office.login('admin'));
        // A PC first set up on its own, then made a counter on 系统设置, pairs from 联网同步 with its own admin.
        const { token } = await counter.ok('setup.complete', {
          role: 'all',
          village: { name: '红星村', code: '110101001001', town: '东华门街道', county: '东城区' },
          admin: { name: '本机管理员', username: 'local', pin: '918273' },
        });
        await counter.ok('machine.setRole', { role: 'counter' }, token);

        await page.goto(counter.url);
        const login = new LoginPage(page);
        await expect(login.username).toBeVisible();
        await login.login('local', '918273');
        await page.getByTestId('nav-sync').click();
        await page.getByTestId('pair-office-url').fill(office.url);
        await page.getByTestId('pair-code').fill(code);
        await page.getByTestId('pair-submit').click();

        // Once the first download is in, the local accounts are retired and the session ends.
        await expect(page.getByTestId('login-notice')).toContainText('本机已与村委会配对');
        await expect(page.getByTestId('login-notice')).toContainText('请使用村委会账号登录');
        await expect(page.getByText('登录已过期')).toHaveCount(0);
        // The "first download done" box may still be up over the login page, depending on which call noticed first.
        const done = page.locator('.ant-modal-confirm .ant-btn-primary');
        if (await done.isVisible()) await done.click();
        await expect(page.getByTestId('login-notice')).toContainText('请使用村委会账号登录');
        await expect(page.getByText('登录已过期')).toHaveCount(0);

        // The office's shopkeeper signs in here now.
        await login.login('shop', '111111');
        await expect(page.getByTestId('login-notice')).toHaveCount(0);
      } finally {
        await counter.stop();
      }
    } finally {
      await office.stop();
    }
  });
});
