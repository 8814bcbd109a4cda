import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly username: Locator;
  readonly pin: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByTestId('login-username');
    this.pin = page.getByTestId('login-pin');
    this.submit = page.getByTestId('login-submit');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.username).toBeVisible();
  }

  /** Signs in and waits for the app's layout. */
  async login(username: string, pin: string): Promise<void> {
    await this.username.fill(username);
    await this.pin.fill(pin);
    await this.submit.click();
    await expect(this.page.getByTestId('logout')).toBeVisible();
  }
}
