import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { AboutPage } from './pages/AboutPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { shotSizes, signedInAt } from './support/shots.js';

const version = (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version;
const shots = join(process.cwd(), '.tmp', 'shots', 'i11-pack');

test.describe('关于 (about)', () => {
  test('an admin sees the version, role, folders and database size; a shopkeeper sees no paths', async ({ page, server }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login('admin', '123456');
    const about = new AboutPage(page);
    await about.open();
    await expect(about.version).toHaveText(version);
    await expect(about.role).toHaveText('单机（一台电脑全部功能）');
    await expect(about.dataDir).toHaveText(server.dataDir);
    await expect(about.backupsDir).toHaveText(join(server.dataDir, 'backups'));
    await expect(about.logsDir).toHaveText(join(server.dataDir, 'logs'));
    await expect(about.updatesDir).toHaveText(join(server.dataDir, 'updates'));
    await expect(about.dbSize).toHaveText(/^\d+(\.\d)? (KB|MB)$/);
    await expect(about.runtime).toHaveText(`浏览器访问（服务端 Node.js ${process.versions.node}）`);
    await expect(about.updates).toContainText('浏览器中不能更新');

    await page.getByTestId('logout').click();
    await login.login('shop', '111111');
    await about.open();
    await expect(about.version).toHaveText(version);
    await expect(about.pathsHidden).toBeVisible();
    await expect(about.dataDir).toHaveCount(0);
  });

  test('screenshots: zh and en at 1024×768 and 1093×614 (125 %)', async ({ browser, server }) => {
    test.setTimeout(240_000);
    for (const vp of shotSizes) {
      for (const lang of ['zh', 'en'] as const) {
        const page = await signedInAt(browser, server.url, lang, vp, 'admin', '123456');
        const about = new AboutPage(page);
        await about.open();
        await expect(page.getByTestId('about-page')).toContainText(lang === 'zh' ? '关于积分超市' : 'About Points Supermarket');
        await page.screenshot({ path: join(shots, `about-${lang}-${vp.name}.png`) });
        await page.context().close();
      }
    }
  });
});
