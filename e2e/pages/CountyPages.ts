import { expect, type Locator, type Page } from '@playwright/test';

/** The county server's pages (renderer/src/county): sign-in, nav, 区域与村, 用户, 总览, 进度报告. */
export class CountyApp {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('county-login')).toBeVisible();
  }

  async login(username: string, pin: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-pin').fill(pin);
    await this.page.getByTestId('login-pin').press('Enter');
    await expect(this.page.getByTestId('logout')).toBeVisible();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await expect(this.page.getByTestId('county-login')).toBeVisible();
  }

  nav(key: 'dashboard' | 'report' | 'areas' | 'users'): Locator {
    return this.page.getByTestId(`county-nav-${key}`);
  }

  async go(key: 'dashboard' | 'report' | 'areas' | 'users'): Promise<void> {
    await this.nav(key).click();
    await expect(this.page.getByTestId(`county-${key}`)).toBeVisible();
  }

  /** 区域与村: registers a town or a village and waits for its row. */
  async register(level: 'town' | 'village', code: string, name: string): Promise<void> {
    const card = this.page.getByTestId(`county-add-${level}`);
    await card.getByTestId(`county-add-${level}-code`).fill(code);
    await card.getByTestId(`county-add-${level}-name`).fill(name);
    await card.getByTestId(`county-add-${level}-submit`).click();
    await expect(this.areaRow(code)).toContainText(name);
  }

  areaRow(code: string): Locator {
    return this.page.locator(`[data-testid="county-area-row"][data-code="${code}"]`);
  }

  /** Issues the village's one-time pairing code and returns it (XXXX-XXXX). */
  async issuePairingCode(villageCode: string): Promise<string> {
    await this.areaRow(villageCode).getByTestId('county-issue-code').click();
    const code = this.page.getByTestId('county-pairing-code');
    await expect(code).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const text = (await code.textContent())!.trim();
    await this.page.keyboard.press('Escape');
    return text;
  }

  async addUser(u: { username: string; name: string; pin: string; role: 'town_viewer' | 'county_viewer' | 'county_admin'; town?: string }): Promise<void> {
    const form = this.page.getByTestId('county-add-user');
    await form.getByTestId('county-user-username').fill(u.username);
    await form.getByTestId('county-user-name').fill(u.name);
    await form.getByTestId('county-user-pin').fill(u.pin);
    await form.getByTestId('county-user-role').selectOption(u.role);
    if (u.town) await form.getByTestId('county-user-town').selectOption(u.town);
    await form.getByTestId('county-user-add').click();
    await expect(this.page.locator(`[data-testid="county-user-row"][data-username="${u.username}"]`)).toBeVisible();
  }

  villageRows(): Locator {
    return this.page.getByTestId('county-village-row');
  }

  scopeOptions(): Locator {
    return this.page.getByTestId('county-scope').locator('option');
  }

  async reportFor(areaCode: string, period: 'jun' | 'sep' | 'dec'): Promise<void> {
    await this.page.getByTestId('county-scope').selectOption(areaCode);
    await this.page.getByTestId('county-period').selectOption(period);
  }

  notReported(villageCode: string): Locator {
    return this.page.locator(`[data-testid="county-not-reported-row"][data-code="${villageCode}"]`);
  }
}

/** 系统设置 → 县级上报 at the village office (renderer/src/pages/setup/CountyCard.tsx). */
export class CountyReportingCard {
  readonly card: Locator;
  constructor(readonly page: Page) {
    this.card = page.getByTestId('settings-county');
  }

  async pair(countyUrl: string, villageCode: string, code: string): Promise<void> {
    await this.card.getByTestId('county-url').fill(countyUrl);
    await this.card.getByTestId('county-village-code').fill(villageCode);
    await this.card.getByTestId('county-code').fill(code);
    await this.card.getByTestId('county-pair').click();
  }

  paired(): Locator {
    return this.card.getByTestId('county-paired');
  }

  async reportNow(): Promise<void> {
    await this.card.getByTestId('county-sync-now').click();
  }
}
