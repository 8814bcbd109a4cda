import { expect, type Page } from '@playwright/test';

export interface VillageInput {
  name: string;
  code: string;
  town: string;
  county: string;
}
export interface AdminInput {
  name: string;
  username: string;
  pin: string;
}

/** The first-run wizard (renderer/src/pages/setup/SetupWizard.tsx). */
export class SetupWizardPage {
  constructor(readonly page: Page) {}

  async open(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('setup-wizard')).toBeVisible();
    await expect(this.step('role')).toBeVisible();
  }

  step(name: string) {
    return this.page.getByTestId(`setup-step-${name}`);
  }

  get error() {
    return this.page.getByTestId('error-banner');
  }

  async next(): Promise<void> {
    await this.page.getByTestId('setup-next').click();
  }

  async chooseRole(role: 'all' | 'office' | 'counter'): Promise<void> {
    await this.page.getByTestId(`setup-role-${role}`).click();
    await this.next();
  }

  async fillVillage(v: VillageInput): Promise<void> {
    await expect(this.step('village')).toBeVisible();
    await this.page.getByTestId('setup-village-name').fill(v.name);
    await this.page.getByTestId('setup-village-code').fill(v.code);
    await this.page.getByTestId('setup-village-town').fill(v.town);
    await this.page.getByTestId('setup-village-county').fill(v.county);
    // Enter goes on, as on every step.
    await this.page.getByTestId('setup-village-county').press('Enter');
  }

  async fillAdmin(a: AdminInput, pinAgain = a.pin): Promise<void> {
    await expect(this.step('admin')).toBeVisible();
    await this.page.getByTestId('setup-admin-name').fill(a.name);
    await this.page.getByTestId('setup-admin-username').fill(a.username);
    await this.page.getByTestId('setup-admin-pin').fill(a.pin);
    await this.page.getByTestId('setup-admin-pin2').fill(pinAgain);
    await this.page.getByTestId('setup-admin-pin2').press('Enter');
  }

  async fillOffice(url: string, code: string): Promise<void> {
    await expect(this.step('office')).toBeVisible();
    await this.page.getByTestId('setup-office-url').fill(url);
    await this.page.getByTestId('setup-office-code').fill(code);
    await this.next();
  }

  async skip(step: 'printer' | 'calendar'): Promise<void> {
    await expect(this.step(step)).toBeVisible();
    await this.page.getByTestId('setup-skip').click();
  }

  /** The done page's button: the wizard's session ends and the sign-in opens. */
  async finish(): Promise<void> {
    await expect(this.step('done')).toBeVisible();
    await this.page.getByTestId('setup-finish').click();
    await expect(this.page.getByTestId('login-username')).toBeVisible();
  }
}
