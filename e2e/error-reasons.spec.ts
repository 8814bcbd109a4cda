import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, jobText, test } from './fixtures.js';
import { CounterPage } from './pages/CounterPage.js';
import { TodayPage } from './pages/TodayPage.js';

const cjk = /[\u3400-\u9fff]/;
const shots = '.tmp/shots/i10-errors';
const viewports = [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: '1093x614@1.25', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
];
// The demo's reviewer: a real user with a right PIN, but not an admin, so not a supervisor.
const reviewer = { username: 'review', pin: '333333' };

async function inLanguage(page: Page, lang: 'zh' | 'en') {
  await page.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
}

for (const lang of ['en', 'zh'] as const) {
  for (const vp of viewports) {
    test.describe(`a supervisor who is not an admin (${lang}, ${vp.name})`, () => {
      test.use({ viewport: vp.viewport, deviceScaleFactor: vp.deviceScaleFactor });

      test("the void dialog stays open with the reason in the page's language, and the session lives on", async ({ page, printer, demo }) => {
        await inLanguage(page, lang);
        const counter = await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });
        await counter.scan('6920000000032');
        await counter.pressEnterToRedeem();
        await expect(counter.lastReceiptNo).toContainText(/C01-\d{4}-\d{6}/);
        const no = /C01-\d{4}-\d{6}/.exec(await counter.lastReceiptNo.innerText())![0];
        await jobText(printer, 1);

        const today = new TodayPage(page);
        await today.open();
        await today.void(no, lang === 'en' ? 'wrong item' : '拿错了', reviewer);
        const dialog = page.getByRole('dialog');
        const error = dialog.getByTestId('error-banner');
        await expect(error).toBeVisible();
        const text = await error.innerText();
        if (lang === 'en') {
          expect(text).toContain('review is not a supervisor');
          expect(text).not.toMatch(cjk);
        } else {
          expect(text).toContain('不是主管');
        }
        await expect(page.getByTestId('void-confirm')).toBeVisible();
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: `${shots}/void-not-admin-${lang}-${vp.name}.png` });

        // Nothing voided, still signed in; the right supervisor then voids from the same dialog.
        expect((await demo.redemptions())[0].voided).toBe(false);
        await expect(page.getByTestId('logout')).toBeVisible();
        await page.getByTestId('supervisor-username').fill('admin');
        await page.getByTestId('supervisor-pin').fill('123456');
        await page.getByTestId('void-confirm').click();
        await expect(today.voidedTag(no)).toBeVisible();
        expect((await demo.redemptions())[0].voided).toBe(true);
      });

      test('the off-day override dialog stays open likewise', async ({ page, demo, server, adminToken }) => {
        await inLanguage(page, lang);
        await server.ok('calendar.set', { mode: 'dates', dates: ['2000-01-01'] }, adminToken);
        const counter = await CounterPage.open(page, { cardNo: '66010001', name: '张三丰' });
        await counter.scan('6920000000049');
        await counter.expectQty((await demo.itemByBarcode('6920000000049')).id, 1);
        await counter.pressEnterToRedeem();
        await counter.authorizeOverride(reviewer.username, reviewer.pin, lang === 'en' ? 'elderly villager' : '老人行动不便');
        const error = page.getByRole('dialog').getByTestId('error-banner');
        await expect(error).toBeVisible();
        const text = await error.innerText();
        if (lang === 'en') {
          expect(text).toContain('review is not a supervisor');
          expect(text).not.toMatch(cjk);
          await expect(page.getByRole('dialog')).not.toContainText(cjk);
        } else {
          expect(text).toContain('不是主管');
        }
        await expect(counter.override.ok).toBeVisible();
        await page.screenshot({ path: `${shots}/override-not-admin-${lang}-${vp.name}.png` });

        expect(await demo.redemptions()).toHaveLength(0);
        await expect(page.getByTestId('logout')).toBeVisible();
        await counter.override.username.fill('admin');
        await counter.override.pin.fill('123456');
        await counter.override.ok.click();
        await expect(counter.lastReceiptNo).toContainText(/C01-\d{4}-000001/);
      });
    });
  }
}
