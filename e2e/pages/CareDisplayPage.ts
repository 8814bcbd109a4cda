import { expect, type Locator, type Page } from '@playwright/test';

/** The 长辈模式 switch (header, login screen, phone page) and what it does to the page. */
export class CareSwitch {
  readonly toggle: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('care-toggle');
  }

  async expectOn(on: boolean): Promise<void> {
    await expect(this.toggle).toHaveAttribute('aria-pressed', String(on));
    if (on) await expect(this.page.locator('html')).toHaveClass(/\bcare\b/);
    else await expect(this.page.locator('html')).not.toHaveClass(/\bcare\b/);
  }

  /** Waits out antd's colour and size transitions, so a picture shows the page as it stays. */
  async settle(): Promise<void> {
    await this.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  }

  /** What a villager's eyes and fingers get: font size and height in CSS pixels, once antd's transitions have run. */
  async sizeOf(locator: Locator): Promise<{ font: number; height: number }> {
    return locator.evaluate(async (el) => {
      await Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
      return { font: parseFloat(getComputedStyle(el).fontSize), height: el.getBoundingClientRect().height };
    });
  }
}

/** The customer display (#/display): a second page of the same browser, fed by the counter. */
export class CustomerDisplayPage {
  readonly root: Locator;
  readonly village: Locator;
  readonly household: Locator;
  readonly score: Locator;
  readonly available: Locator;
  readonly lines: Locator;
  readonly total: Locator;
  readonly left: Locator;
  readonly receiptNo: Locator;

  constructor(readonly page: Page) {
    const id = (s: string) => page.getByTestId(s);
    this.root = id('customer-display');
    this.village = id('display-village');
    this.household = id('display-household');
    this.score = id('display-score');
    this.available = id('display-available');
    this.lines = id('display-line');
    this.total = id('display-total');
    this.left = id('display-left');
    this.receiptNo = id('display-receipt-no');
  }

  /** Opened by the counter's 顾客屏 button, which must leave the scan field focused. */
  static async openFrom(counter: Page): Promise<CustomerDisplayPage> {
    const [page] = await Promise.all([counter.context().waitForEvent('page'), counter.getByTestId('open-customer-display').click()]);
    await page.waitForLoadState('domcontentloaded');
    const display = new CustomerDisplayPage(page);
    await expect(display.root).toBeVisible();
    return display;
  }

  async expectScreen(screen: 'idle' | 'cart' | 'done', timeout?: number): Promise<void> {
    await expect(this.root).toHaveAttribute('data-screen', screen, { timeout });
  }

  line(n: number): Locator {
    return this.lines.nth(n);
  }

  /** The number in a field, without separators or unit. */
  async numberIn(locator: Locator): Promise<number> {
    const m = /-?\d+/.exec((await locator.innerText()).replace(/[,，\s]/g, ''));
    if (!m) throw new Error(`no number in ${await locator.innerText()}`);
    return Number(m[0]);
  }

  async expectNumber(locator: Locator, n: number): Promise<void> {
    await expect.poll(() => this.numberIn(locator)).toBe(n);
  }
}
