import { expect, type Locator, type Page } from '@playwright/test';

/** What "fits the screen" means, measured in the page: no sideways scroll, nothing cut off. */
export class ScreensPage {
  readonly sider: Locator;

  constructor(readonly page: Page) {
    this.sider = page.getByTestId('app-sider');
  }

  /** Opens a page by its address, as the menu does (a collapsed menu hides the labels the other specs click). */
  async go(key: string): Promise<void> {
    await this.page.evaluate((k) => {
      window.location.hash = `#/${k}`;
    }, key);
  }

  async expectNoHorizontalScroll(): Promise<void> {
    const { scrollWidth, clientWidth } = await this.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, 'page scrolls sideways').toBeLessThanOrEqual(clientWidth);
  }

  /** The element shows all of its text (no ellipsis, no clipping) and lies inside the window. */
  async expectFullyShown(el: Locator): Promise<void> {
    const m = await el.evaluate((e) => ({ w: e.scrollWidth, cw: e.clientWidth, h: e.scrollHeight, ch: e.clientHeight, text: e.textContent ?? '' }));
    expect(m.w, `"${m.text}" is cut off at the side`).toBeLessThanOrEqual(m.cw);
    expect(m.h, `"${m.text}" is cut off below`).toBeLessThanOrEqual(m.ch + 1);
    await this.expectInsideWindow(el);
  }

  async expectInsideWindow(el: Locator): Promise<void> {
    const box = await el.boundingBox();
    const vp = this.page.viewportSize();
    expect(box, 'element has a box').not.toBeNull();
    expect(vp).not.toBeNull();
    if (!box || !vp) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(vp.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height + 0.5);
  }

  async expectSiderCollapsed(): Promise<void> {
    await expect(this.sider).toHaveClass(/ant-layout-sider-collapsed/);
  }

  /** A row of figures that stays on one line: its children share a top edge. */
  async expectOneLine(el: Locator): Promise<void> {
    const tops = await el.evaluate((e) => [...e.children].map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(new Set(tops).size, 'figures wrapped onto two lines').toBe(1);
  }

  /** Text laid out across, not one character a line: its cell holds a few characters a line. */
  async expectReadsAcross(el: Locator): Promise<void> {
    const m = await el.evaluate((e) => {
      const cell = e.closest('td') ?? e;
      return { width: cell.getBoundingClientRect().width, lineHeight: parseFloat(getComputedStyle(e).lineHeight) || 20 };
    });
    expect(m.width, 'column too narrow to read').toBeGreaterThanOrEqual(4 * m.lineHeight);
  }

  /** Every column title breaks, if at all, between words (or, in Chinese, a few characters a line): never "Deductio / n" or a title running down. */
  async expectHeadersWhole(): Promise<void> {
    const broken = await this.page.evaluate(() =>
      [...document.querySelectorAll('.ant-table-thead th')].flatMap((th) => {
        const text = (th.textContent ?? '').trim();
        if (!text) return [];
        // Only the text's own line boxes: a title cell also holds sorter and resize elements.
        const tops = new Set<number>();
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
        }
        const lines = tops.size;
        // Chinese may wrap between characters, but a title of one or two characters a line is running down.
        const cjk = /[\u3400-\u9fff]/.test(text);
        const broken = cjk ? lines > 1 && text.length / lines < 3 : lines > text.split(/\s+/).length;
        return broken ? [text] : [];
      }),
    );
    expect(broken, `column titles broken mid-word: ${broken.join(' | ')}`).toEqual([]);
  }
}
