// The scoring rules are the admin's: a clerk (记分员) reads them but sees no way to change them; an
// admin sees the edit and new buttons. Screenshots of both, in Chinese and English, at the two sizes.
import { expect, test } from './fixtures.js';
import { LoginPage } from './pages/LoginPage.js';

const shots = '.tmp/shots/i10-edge';
const sizes = [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: '1093x614@1.25', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
];

for (const who of [
  { user: 'clerk', pin: '222222', edits: false },
  { user: 'admin', pin: '123456', edits: true },
]) {
  test(`the rules page as ${who.user}: edit buttons ${who.edits ? 'shown' : 'hidden'}`, async ({ browser, server }) => {
    test.setTimeout(240_000);
    for (const size of sizes) {
      for (const lang of ['zh', 'en'] as const) {
        const context = await browser.newContext({ baseURL: server.url, viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
        await context.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
        const page = await context.newPage();
        const login = new LoginPage(page);
        await login.goto();
        await login.login(who.user, who.pin);
        await page.getByTestId('nav-rules').click();
        await expect(page.getByTestId('rule-new')).toHaveCount(who.edits ? 1 : 0);
        await expect(page.locator('.ant-table-row').first()).toBeVisible();
        await expect(page.getByTestId('rule-edit')).toHaveCount(who.edits ? await page.locator('.ant-table-row').count() : 0);
        await page.screenshot({ path: `${shots}/rules-${who.user}-${lang}-${size.name}.png` });
        await context.close();
      }
    }
  });
}
