import { expect, type Page } from '@playwright/test';

/** 系统设置 (renderer/src/pages/setup/SettingsPage.tsx) and its calendar month view. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.page.getByTestId('settings-page')).toBeVisible();
  }

  async changeRole(role: 'all' | 'office' | 'counter'): Promise<void> {
    await this.page.getByTestId(`settings-role-${role}`).click();
    await this.page.getByTestId('settings-role-save').click();
  }

  currentRole() {
    return this.page.getByTestId('settings-current-role');
  }

  async setPrinter(target: string): Promise<void> {
    const card = this.page.getByTestId('settings-printer');
    await card.getByTestId('printer-interface').fill(target);
    await card.getByTestId('printer-save').click();
  }

  async printTestPage(): Promise<void> {
    await this.page.getByTestId('settings-printer').getByTestId('printer-test').click();
  }

  day(date: string) {
    return this.page.getByTestId(`cal-day-${date}`);
  }

  /** Clicks a date with the bulk-day tool (the trial starts there) and saves the calendar. */
  async makeBulkDay(date: string): Promise<void> {
    await this.page.getByTestId('cal-tool-bulk').click();
    await this.day(date).click();
    await expect(this.day(date)).toHaveAttribute('data-kind', 'bulk');
    await this.page.getByTestId('cal-save').click();
  }

  async turnLanOn(host: string, port: number): Promise<void> {
    const card = this.page.getByTestId('settings-lan');
    await card.getByTestId('settings-lan-enabled').click();
    await card.getByTestId('settings-lan-host').selectOption(host);
    await card.getByTestId('settings-lan-port').fill(String(port));
    await card.getByTestId('settings-lan-save').click();
  }
}
