import type { Browser, Page } from '@playwright/test';
import { LoginPage } from '../pages/LoginPage.js';

/** The two screen sizes villages use: a 1024×768 monitor and a 1366×768 laptop at 125 % (1093×614 CSS pixels). */
export const shotSizes = [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: '1093x614@1.25', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
];

/** The page in Chinese and in English, saved as `<dir>/<name>-<zh|en>-<size>.png`; back to Chinese after. */
export async function shootBothLanguages(page: Page, dir: string, size: string, name: string, fullPage = false): Promise<void> {
  const pick = (label: string) =>
    // dispatchEvent: an open dialog's mask would take a real click.
    page.getByTestId('lang-toggle').getByText(label, { exact: true }).first().dispatchEvent('click');
  for (const lang of ['zh', 'en'] as const) {
    await pick(lang === 'zh' ? '中文' : 'English');
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${dir}/${name}-${lang}-${size}.png`, fullPage });
  }
  await pick('中文');
}

/** A new context at one of `shotSizes` in the given language, signed in as `user`. */
export async function signedInAt(
  browser: Browser,
  baseURL: string,
  lang: 'zh' | 'en',
  size: (typeof shotSizes)[number],
  user: string,
  pin: string,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: size.viewport,
    deviceScaleFactor: size.deviceScaleFactor,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.login(user, pin);
  return page;
}
