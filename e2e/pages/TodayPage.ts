import { expect, type Locator, type Page } from '@playwright/test';

/** 今日兑换: today's receipts, with reprint and supervisor-approved void. */
export class TodayPage {
  readonly rows: Locator;
  readonly dayPicker: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('today-row');
    this.dayPicker = page.getByTestId('today-day');
    this.search = page.getByTestId('today-search');
  }

  /** Opens the date picker and clicks a day of the month it shows. */
  async pickDay(day: string): Promise<void> {
    await this.dayPicker.click();
    await this.page.locator(`.ant-picker-dropdown td[title="${day}"]`).click();
  }

  /** Types a day into the picker and presses Enter, as a keyboard user would. */
  async typeDay(day: string): Promise<void> {
    const input = this.dayPicker.locator('xpath=descendant-or-self::input').first();
    await input.click();
    await input.fill(day);
    await input.press('Enter');
    await expect(input).toHaveValue(day);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-today').click();
  }

  row(receiptNo: string): Locator {
    return this.page.locator(`[data-testid="today-row"][data-receipt-no="${receiptNo}"]`);
  }

  /** The 已作废 status tag of a row; absent while the receipt stands. */
  voidedTag(receiptNo: string): Locator {
    return this.row(receiptNo).getByTestId('voided-tag');
  }

  async reprint(receiptNo: string): Promise<void> {
    await this.row(receiptNo).getByTestId('reprint-button').click();
  }

  async void(receiptNo: string, reason: string, supervisor: { username: string; pin: string }): Promise<void> {
    await this.row(receiptNo).getByTestId('void-button').click();
    const id = (s: string) => this.page.getByTestId(s);
    await expect(id('void-reason')).toBeVisible();
    await id('void-reason').fill(reason);
    await id('supervisor-username').fill(supervisor.username);
    await id('supervisor-pin').fill(supervisor.pin);
    await id('void-confirm').click();
  }
}
