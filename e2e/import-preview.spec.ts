import { join } from 'node:path';
import { rosterXlsx, villageRoster } from '../electron/core/domains/office/roster-fixture.js';
import { expect, test } from './fixtures.js';
import { ImportDialogPage } from './pages/ImportDialogPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { shotSizes, signedInAt } from './support/shots.js';

const shots = join(process.cwd(), '.tmp', 'shots', 'i12-import');
/** Three households on cards YL0001–3, then the same file with one phone and one relation changed. */
const base = () => villageRoster(3, { cardPrefix: 'YL' });
function edited() {
  const rows = base();
  for (const r of rows.slice(0, 3)) r.phone = '13700001111';
  rows[4].relation = '儿子';
  return rows;
}

test.describe('roster import with a preview', () => {
  test('the preview writes nothing; confirming writes it; a changed household shows old → new', async ({ page, server }) => {
    const clerk = await server.login('clerk');
    const found = async () => (await server.ok('households.list', { q: 'YL' }, clerk)).items.length as number;
    const login = new LoginPage(page);
    await login.goto();
    await login.login('clerk', '222222');
    const dialog = new ImportDialogPage(page);
    await dialog.open();

    await dialog.pick(await rosterXlsx(base()));
    await expect(dialog.summary).toContainText('将新建 3 户，更新 0 户');
    await expect(dialog.row('YL0001')).toContainText('新建');
    expect(await found()).toBe(0);
    await dialog.confirm();
    await expect(dialog.result).toContainText('新建 3 户');
    expect(await found()).toBe(3);

    await dialog.pick(await rosterXlsx(edited()));
    await expect(dialog.summary).toContainText('将新建 0 户，更新 2 户，1 户不变');
    await expect(dialog.row('YL0001')).toContainText('电话：13900000000 → 13700001111');
    await expect(dialog.row('YL0002')).toContainText('与户主关系：妻子 → 儿子');
    const phoneOf = async () => {
      const { items } = await server.ok('households.list', { q: 'YL0001' }, clerk);
      return (await server.ok('households.get', { id: items[0].id }, clerk)).household.phone as string;
    };
    expect(await phoneOf()).toBe('13900000000');
    await dialog.confirm();
    await expect(dialog.result).toContainText('更新 2 户');
    expect(await phoneOf()).toBe('13700001111');

    // The template as downloaded: its examples are skipped, so there is nothing to import.
    const t = await server.ok('households.template', {}, clerk);
    await dialog.pick(Buffer.from(t.xlsxBase64, 'base64'));
    await expect(dialog.summary).toContainText('没有要导入的内容');
    await expect(dialog.examples).toBeVisible();
    await expect(dialog.confirmButton).toHaveCount(0);
  });

  test('screenshots: the preview in zh and en at 1024×768 and 1093×614 (125 %)', async ({ browser, server }) => {
    test.setTimeout(120_000);
    await server.ok('households.import', { xlsxBase64: (await rosterXlsx(base())).toString('base64') }, await server.login('clerk'));
    const file = await rosterXlsx([...edited(), ...villageRoster(2, { cardPrefix: 'YL', startAt: 3 })]);
    for (const vp of shotSizes) {
      for (const lang of ['zh', 'en'] as const) {
        const page = await signedInAt(browser, server.url, lang, vp, 'clerk', '222222');
        const dialog = new ImportDialogPage(page);
        await dialog.open();
        await dialog.pick(file);
        await expect(dialog.row('YL0002')).toContainText(lang === 'zh' ? '与户主关系：妻子 → 儿子' : 'Relation: 妻子 → 儿子');
        const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
        expect(noOverflow).toBe(true);
        await page.screenshot({ path: join(shots, `import-preview-${lang}-${vp.name}.png`) });
        await page.context().close();
      }
    }
  });
});
