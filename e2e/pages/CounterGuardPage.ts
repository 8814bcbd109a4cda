import { expect, type Locator, type Page } from '@playwright/test';
import { CounterPage } from './CounterPage.js';

/** The counter's guards (refusal at the scan, why 兑换 is disabled, provider choice, the bulk-day hint). */
export class CounterGuardPage extends CounterPage {
  readonly redeemReason: Locator;
  readonly notice: Locator;
  readonly noticeDate: Locator;
  readonly providerDialog: Locator;
  readonly providerOptions: Locator;
  readonly bulkDayHint: Locator;

  constructor(page: Page) {
    super(page);
    this.redeemReason = page.getByTestId('redeem-reason');
    this.notice = page.getByTestId('account-notice');
    this.noticeDate = page.getByTestId('account-notice-date');
    this.providerDialog = page.getByTestId('provider-dialog');
    this.providerOptions = page.getByTestId('provider-option');
    this.bulkDayHint = page.getByTestId('bulk-day-hint');
  }

  /** A scan the counter refuses: the banner says why and the cart is unchanged. */
  async expectScanRefused(code: string, text: string | RegExp, cartLines: number): Promise<void> {
    await this.scan(code);
    await expect(this.errorBanner).toContainText(text);
    await expect(this.cartLines).toHaveCount(cartLines);
    await expect(this.scanInput).toBeFocused();
  }
}

/** The clerk's 驳回待改 inbox. */
export class RejectedInboxPage {
  readonly rows: Locator;
  readonly count: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId('rejected-row');
    this.count = page.getByTestId('rejected-count');
  }
  async open(): Promise<void> {
    await this.page.getByTestId('nav-rejected').click();
    await expect(this.count).toBeVisible();
  }
  row(entryId: number): Locator {
    return this.page.locator(`[data-testid="rejected-row"][data-entry-id="${entryId}"]`);
  }
  async resubmit(entryId: number, points: number, note: string): Promise<void> {
    await this.row(entryId).getByTestId('rejected-fix').click();
    await this.page.getByTestId('rejected-points').fill(String(points));
    await this.page.getByTestId('rejected-note').fill(note);
    await this.page.getByTestId('rejected-submit').click();
    await expect(this.row(entryId)).toHaveCount(0);
  }
}

/** 村务设置: the notice period, with its preview and confirmation. */
export class NoticeSettingsPage {
  readonly notice: Locator;
  readonly preview: Locator;
  constructor(readonly page: Page) {
    this.notice = page.getByTestId('settings-notice');
    this.preview = page.getByTestId('notice-preview');
  }
  async open(): Promise<void> {
    await this.page.getByTestId('nav-village-settings').click();
    await expect(this.notice).toBeVisible();
    await expect(this.notice.locator('input').or(this.notice)).not.toHaveValue('');
  }
  async setNoticeDays(n: number): Promise<void> {
    const input = this.notice.locator('input').or(this.notice).first();
    await input.fill(String(n));
    await this.page.getByTestId('settings-save').click();
    await expect(this.preview).toBeVisible();
  }
}
