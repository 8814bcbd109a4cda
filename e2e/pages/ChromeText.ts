import type { Locator, Page } from '@playwright/test';

/** Elements that show the village's own data (names, items, notes), which stay as written in any language. */
export const userDataSelector = '[data-user-text], [translate="no"]';

/**
 * The app's own visible words on the page: every rendered text node and placeholder, less what sits
 * inside an element marked as user data. Each entry is one piece of text, so a failure names it.
 */
export async function chromeTexts(page: Page): Promise<string[]> {
  return page.evaluate((userData) => {
    const out: string[] = [];
    const shown = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!text || !el || el.closest(userData) || el.closest('script, style') || !shown(el)) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!el.value && shown(el) && !el.closest(userData)) out.push(el.placeholder);
    }
    return out;
  }, userDataSelector);
}

const cjk = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** The pieces of the app's own text that are Chinese: none, in English. */
export async function chineseChrome(page: Page): Promise<string[]> {
  return (await chromeTexts(page)).filter((t) => cjk.test(t));
}

/** The input of a DatePicker (its testid sits on the input antd renders). */
export const pickerInput = (page: Page, testId: string): Locator => page.getByTestId(testId).locator('xpath=descendant-or-self::input').first();
