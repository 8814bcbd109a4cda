import { expect, type Locator, type Page } from '@playwright/test';

/** The office chores of issue "The counter and the office on real screens": receiving, goods search, backups, bulk recent list. */
export class ChoresPage {
  readonly receiveScan: Locator;
  readonly receiveLines: Locator;
  readonly goodsSearch: Locator;
  readonly goodsButtons: Locator;
  readonly goodsNoMatch: Locator;
  readonly bulkRecentRows: Locator;
  readonly householdName: Locator;

  constructor(readonly page: Page) {
    const id = (s: string) => page.getByTestId(s);
    this.receiveScan = id('receive-scan');
    this.receiveLines = id('receive-line');
    this.goodsSearch = id('goods-search');
    this.goodsButtons = id('goods-button');
    this.goodsNoMatch = id('goods-no-match');
    this.bulkRecentRows = id('bulk-recent-row');
    this.householdName = id('household-name');
  }

  async nav(to: 'receiving' | 'counter' | 'bulk' | 'backups' | 'catalog'): Promise<void> {
    await this.page.getByTestId(`nav-${to}`).click();
  }

  /** A USB scanner: the code and Enter into the focused field. */
  async scanInto(field: Locator, code: string): Promise<void> {
    await expect(field).toBeFocused();
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  /** The fallback font loads only once a rare character is laid out: wait for the ones on screen before a screenshot. */
  async rareFontLoaded(text: string): Promise<void> {
    await this.page.evaluate(async (t) => {
      await document.fonts.load('16px "Points Rare Han"', t);
      await document.fonts.ready;
    }, text);
  }

  /**
   * Whether the rare-character fallback really draws `ch`: the font reports it loaded, and on a canvas
   * in the element's own font stack it draws ink unlike the box drawn for an unassigned code point.
   */
  async glyphIsReal(el: Locator, ch: string): Promise<{ loaded: boolean; inked: boolean; differsFromBox: boolean; drawnByFallback: boolean }> {
    return el.evaluate(async (node, c) => {
      await document.fonts.load(`16px "Points Rare Han"`, c);
      const loaded = document.fonts.check(`16px "Points Rare Han"`, c);
      const family = getComputedStyle(node).fontFamily;
      const draw = (text: string, stack = family) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 48;
        const ctx = canvas.getContext('2d')!;
        ctx.font = `40px ${stack}`;
        ctx.fillStyle = '#000';
        ctx.fillText(text, 2, 40);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3));
      };
      const glyph = draw(c);
      const box = draw(String.fromCodePoint(0x2ffff));
      const own = draw(c, '"Points Rare Han"');
      return {
        loaded,
        inked: glyph.some((a) => a > 0),
        differsFromBox: glyph.some((a, i) => a !== box[i]),
        // The page's stack draws exactly what the fallback font draws: no earlier font answered with a box.
        drawnByFallback: glyph.every((a, i) => a === own[i]),
      };
    }, ch);
  }
}
