import { expect, test } from './fixtures.js';
import { LoginPage } from './pages/LoginPage.js';

test.describe('系统管理 (admin)', () => {
  test('create a user, who then signs in; the audit log shows it; a shopkeeper sees none of these pages', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login('admin', '123456');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-new').click();
    await page.getByTestId('user-username').fill('cashier2');
    await page.getByTestId('user-name-input').fill('陈二');
    await page.getByTestId('user-pin').fill('204060');
    await page.getByTestId('user-pin-again').fill('204060');
    await page.getByTestId('user-roles').getByText('超市管理员').click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByTestId('users-table')).toContainText('cashier2');

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-search').click();
    // The action by its name, the summary in words (the method stays in the raw record).
    await expect(page.getByTestId('audit-table')).toContainText('新建用户');
    await expect(page.getByTestId('audit-table')).toContainText('cashier2');
    await expect(page.getByTestId('audit-table')).not.toContainText('204060');

    await page.getByTestId('logout').click();
    await login.login('cashier2', '204060');
    await expect(page.getByTestId('nav-counter')).toBeVisible();
    for (const id of ['nav-users', 'nav-audit', 'nav-backups']) await expect(page.getByTestId(id)).toHaveCount(0);
  });

  test('back up, then restore after typing the confirmation', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login('admin', '123456');
    await page.getByTestId('nav-backups').click();
    await page.getByTestId('backup-now').click();
    const table = page.getByTestId('backups-table');
    await expect(table).toContainText('-manual.db');
    const file = (
      await table
        .getByText(/points-\d{8}-\d{6}.*-manual\.db/)
        .first()
        .innerText()
    ).trim();
    await page.getByTestId(`restore-${file}`).click();
    await expect(page.getByTestId('restore-confirm')).toBeDisabled();
    await page.getByTestId('restore-confirm-text').fill('恢复');
    await page.getByTestId('restore-confirm').click();
    await expect(table).toContainText('-pre-restore.db');
    // Still signed in on the restored data.
    await expect(page.getByTestId('logout')).toBeVisible();
  });
});
