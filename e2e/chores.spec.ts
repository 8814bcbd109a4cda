import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { ChoresPage } from './pages/ChoresPage.js';
import { CounterPage } from './pages/CounterPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { shotSizes, signedInAt } from './support/shots.js';

// Issue "The counter and the office on real screens": rare characters, and the office chores.

const shots = join(process.cwd(), 'docs', 'screenshots', 'chores');
const RICE = '6920000000025'; // 大米 10kg in the demo

test('王𠮷 and 刘䶮 are found at the counter and drawn with real glyphs, not boxes', async ({ page, server, browser }) => {
  test.setTimeout(180_000);
  const clerk = await server.login('clerk');
  await server.ok('households.create', { headName: '王𠮷', cardNo: '66019901' }, clerk);
  await server.ok('households.create', { headName: '刘䶮', cardNo: '66019902' }, clerk);
  const counter = await CounterPage.open(page, { cardNo: '66019901', name: '王𠮷' });
  const chores = new ChoresPage(page);
  expect(await chores.glyphIsReal(chores.householdName, '𠮷')).toEqual({ loaded: true, inked: true, differsFromBox: true, drawnByFallback: true });
  await counter.loadHousehold('66019902', '刘䶮');
  expect(await chores.glyphIsReal(chores.householdName, '䶮')).toEqual({ loaded: true, inked: true, differsFromBox: true, drawnByFallback: true });

  for (const size of shotSizes) {
    for (const lang of ['zh', 'en'] as const) {
      const p = await signedInAt(browser, server.url, lang, size, 'shop', '111111');
      const c = new CounterPage(p);
      await c.loadHousehold('66019901', '王𠮷');
      await new ChoresPage(p).rareFontLoaded('王𠮷');
      await p.screenshot({ path: join(shots, `counter-rare-name-${lang}-${size.name}.png`) });
      await p.context().close();
    }
  }
});

test('入库: the same barcode scanned twice is one line of 2', async ({ page }) => {
  await new LoginPage(page).goto();
  await new LoginPage(page).login('shop', '111111');
  const chores = new ChoresPage(page);
  await chores.nav('receiving');
  await chores.scanInto(chores.receiveScan, RICE);
  await chores.scanInto(chores.receiveScan, RICE);
  await expect(chores.receiveLines).toHaveCount(1);
  await expect(chores.receiveLines.getByTestId('line-qty')).toHaveValue('2');
  await chores.scanInto(chores.receiveScan, '6920000000018');
  await expect(chores.receiveLines).toHaveCount(2);
});

test('goods search: pinyin initials, full pinyin, and a plain answer when nothing matches', async ({ page, browser, server }) => {
  test.setTimeout(120_000);
  const counter = await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });
  const chores = new ChoresPage(page);
  await page.keyboard.press('F2');
  await chores.goodsSearch.fill('dm');
  await expect(chores.goodsButtons).toHaveCount(1);
  await expect(chores.goodsButtons).toContainText('大米');
  await chores.goodsSearch.fill('dami');
  await expect(chores.goodsButtons).toContainText('大米');
  await chores.goodsSearch.fill('qqxx');
  await expect(chores.goodsButtons).toHaveCount(0);
  await expect(chores.goodsNoMatch).toHaveText('没有匹配“qqxx”的商品');
  void counter;

  await chores.nav('catalog');
  await page.getByTestId('catalog-search').fill('jy');
  await expect(page.getByTestId('catalog-row')).toHaveCount(1);
  await expect(page.getByTestId('catalog-row')).toContainText('酱油');
  await page.getByTestId('catalog-search').fill('qqxx');
  await expect(page.getByTestId('catalog-row')).toHaveCount(0);
  await expect(page.getByText('没有匹配的商品')).toBeVisible();

  for (const size of shotSizes) {
    for (const lang of ['zh', 'en'] as const) {
      const p = await signedInAt(browser, server.url, lang, size, 'shop', '111111');
      await new CounterPage(p).loadHousehold('66010001', '张三丰');
      await p.getByTestId('goods-search').fill(lang === 'zh' ? 'dm' : 'qqxx');
      await p.screenshot({ path: join(shots, `goods-search-${lang}-${size.name}.png`) });
      await p.context().close();
    }
  }
});

test('a backup downloads for an admin, with its name; the server refuses anyone else', async ({ page, server }) => {
  const admin = await server.login('admin');
  const made = await server.ok('backup.now', {}, admin);
  await new LoginPage(page).goto();
  await new LoginPage(page).login('admin', '123456');
  await new ChoresPage(page).nav('backups');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`download-${made.file}`).click()]);
  expect(download.suggestedFilename()).toBe(made.file);
  const path = await download.path();
  const { statSync } = await import('node:fs');
  expect(statSync(path).size).toBe(made.bytes);

  const url = `${server.url}/download/backups/${made.file}`;
  const asShop = await fetch(url, { headers: { authorization: `Bearer ${await server.login('shop')}` } });
  expect(asShop.status).toBe(403);
  expect(((await asShop.json()) as { error: { reason: string } }).error.reason).toBe('role_not_allowed');
  expect((await fetch(url)).status).toBe(401);
  const ok = await fetch(url, { headers: { authorization: `Bearer ${admin}` } });
  expect(ok.headers.get('content-disposition')).toBe(`attachment; filename="${made.file}"`);
  const audit = await server.ok('audit.list', {}, admin).catch(() => null);
  if (audit) expect(JSON.stringify(audit)).toContain(`下载备份 ${made.file}`);
});

test('the bulk page keeps its recent list after leaving it and after a reload', async ({ page, server, demo }) => {
  const shop = await server.login('shop');
  const zhang = await demo.householdByCard('66010001');
  const soap = await demo.itemByBarcode('6920000000056');
  const r = await server.call('redemptions.create', { householdId: zhang.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: crypto.randomUUID() }, shop);
  test.skip(!!r.body.error, `no redemption today in the demo: ${r.body.error?.code}`);
  await new LoginPage(page).goto();
  await new LoginPage(page).login('shop', '111111');
  const chores = new ChoresPage(page);
  await chores.nav('bulk');
  await expect(chores.bulkRecentRows.first()).toContainText('张三丰');
  await chores.nav('counter');
  await chores.nav('bulk');
  await expect(chores.bulkRecentRows.first()).toContainText(r.body.result.receiptNo);
  await page.reload();
  await expect(chores.bulkRecentRows.first()).toContainText('张三丰');
});
