import { expect, type Locator, type Page } from '@playwright/test';
import { LoginPage } from './LoginPage.js';

/**
 * The counter. A USB scanner is a keyboard: it types the code and Enter into whatever field has
 * focus, so scan() never clicks first — it proves the scan field holds focus.
 */
export class CounterPage {
  readonly scanInput: Locator;
  readonly householdPanel: Locator;
  readonly householdName: Locator;
  readonly householdCard: Locator;
  readonly score: Locator;
  readonly redeemed: Locator;
  readonly available: Locator;
  readonly owed: Locator;
  readonly pickList: Locator;
  readonly pickItems: Locator;
  readonly cart: Locator;
  readonly cartLines: Locator;
  readonly cartTotal: Locator;
  readonly redeemButton: Locator;
  readonly receiptPreview: Locator;
  readonly lastReceiptNo: Locator;
  readonly retryPrint: Locator;
  readonly errorBanner: Locator;
  readonly openPriceInput: Locator;
  readonly openPriceOk: Locator;
  readonly override: { username: Locator; pin: Locator; reason: Locator; ok: Locator };

  /** Signs the demo shopkeeper in (the app opens on the counter) and, given a card, loads that household. */
  static async open(page: Page, household?: { cardNo: string; name: string }): Promise<CounterPage> {
    const login = new LoginPage(page);
    await login.goto();
    await login.login('shop', '111111');
    const counter = new CounterPage(page);
    if (household) await counter.loadHousehold(household.cardNo, household.name);
    return counter;
  }

  constructor(readonly page: Page) {
    const id = (s: string) => page.getByTestId(s);
    this.scanInput = id('scan-input');
    this.householdPanel = id('household-panel');
    this.householdName = id('household-name');
    this.householdCard = id('household-card');
    this.score = id('account-score');
    this.redeemed = id('account-redeemed');
    this.available = id('account-available');
    this.owed = id('account-owed');
    this.pickList = id('pick-list');
    this.pickItems = id('pick-item');
    this.cart = id('cart');
    this.cartLines = id('cart-line');
    this.cartTotal = id('cart-total');
    this.redeemButton = id('redeem-button');
    this.receiptPreview = id('receipt-preview');
    this.lastReceiptNo = id('last-receipt-no');
    this.retryPrint = id('retry-print');
    this.errorBanner = id('error-banner');
    this.openPriceInput = id('open-price-input');
    this.openPriceOk = id('open-price-ok');
    this.override = { username: id('override-username'), pin: id('override-pin'), reason: id('override-reason'), ok: id('override-ok') };
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-counter').click();
    await expect(this.scanInput).toBeVisible();
  }

  /** Types a code and Enter into the focused field, as a scanner does. */
  async scan(code: string): Promise<void> {
    await expect(this.scanInput).toBeFocused();
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  /** Enter on the empty scan field with a non-empty cart redeems. */
  async pressEnterToRedeem(): Promise<void> {
    await expect(this.scanInput).toBeFocused();
    await expect(this.scanInput).toHaveValue('');
    await this.page.keyboard.press('Enter');
  }

  /** Scans a card and waits until that household is the active one. */
  async loadHousehold(cardNo: string, name: string): Promise<void> {
    await this.scan(cardNo);
    await expect(this.householdPanel).toBeVisible();
    await expect(this.householdName).toContainText(name);
    await expect(this.householdCard).toContainText(cardNo);
    await expect(this.scanInput).toBeFocused();
  }

  cartLine(itemId: number): Locator {
    return this.page.locator(`[data-testid="cart-line"][data-item-id="${itemId}"]`);
  }

  /** A cart line's quantity, whether shown as text or as an editable number field. */
  async qtyOf(itemId: number): Promise<number> {
    const el = this.cartLine(itemId).getByTestId('cart-line-qty');
    const text = await el.evaluate((e) => (e instanceof HTMLInputElement ? e.value : (e.querySelector('input')?.value ?? e.textContent ?? '')));
    const m = /\d+/.exec(text);
    if (!m) throw new Error(`no quantity in "${text}"`);
    return Number(m[0]);
  }

  async expectQty(itemId: number, qty: number): Promise<void> {
    await expect(this.cartLine(itemId)).toBeVisible();
    await expect.poll(() => this.qtyOf(itemId)).toBe(qty);
  }

  serviceButton(itemId: number): Locator {
    return this.page.locator(`[data-testid="service-button"][data-item-id="${itemId}"]`);
  }

  /** The number shown in a points field (ignores the unit and separators). */
  async numberIn(locator: Locator): Promise<number> {
    const text = (await locator.innerText()).replace(/[,，\s]/g, '');
    const m = /-?\d+/.exec(text);
    if (!m) throw new Error(`no number in "${text}"`);
    return Number(m[0]);
  }

  async expectNumber(locator: Locator, n: number): Promise<void> {
    await expect.poll(() => this.numberIn(locator)).toBe(n);
  }

  async authorizeOverride(username: string, pin: string, reason: string): Promise<void> {
    await expect(this.override.username).toBeVisible();
    await this.override.username.fill(username);
    await this.override.pin.fill(pin);
    await this.override.reason.fill(reason);
    await this.override.ok.click();
  }
}
