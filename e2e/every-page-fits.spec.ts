import { expect, test } from './fixtures.js';
import { ScreensPage } from './pages/ScreensPage.js';
import { shotSizes, signedInAt } from './support/shots.js';

// Every page in the admin's menu, on both village screens and in both languages: no sideways scroll and
// no column title broken mid-word or running down. The screens spec looks closely at the busiest pages;
// this sweep catches the rest (the review table once ran 事项 one character a line in English at 1024).

for (const size of shotSizes) {
  for (const lang of ['zh', 'en'] as const) {
    test(`every menu page fits ${size.name} (${lang})`, async ({ browser, server }) => {
      test.setTimeout(180_000);
      const page = await signedInAt(browser, server.url, lang, size, 'admin', '123456');
      const screens = new ScreensPage(page);
      const items = page.locator('.app-menu .ant-menu-item[data-testid^="nav-"]');
      await expect(items.first()).toBeVisible();
      const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
      expect(ids.length).toBeGreaterThan(15);
      const misfits: string[] = [];
      for (const id of ids) {
        // By address: the provider's phone page has no menu to come back through.
        await screens.go(id.replace(/^nav-/, ''));
        // A page's tables fill in after its first read; the spinner says when that is done.
        await page.waitForLoadState('networkidle');
        await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
        for (const check of [() => screens.expectNoHorizontalScroll(), () => screens.expectHeadersWhole()]) {
          try {
            await check();
          } catch (e) {
            misfits.push(`${id}: ${(e as Error).message.split('\n')[0]}`);
            await page.screenshot({ path: test.info().outputPath(`${id}.png`) });
          }
        }
      }
      expect(misfits).toEqual([]);
      await page.context().close();
    });
  }
}
