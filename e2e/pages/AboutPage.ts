import { expect, type Locator, type Page } from '@playwright/test';

/** 关于: the facts table and the updates card. */
export class AboutPage {
  readonly version: Locator;
  readonly role: Locator;
  readonly dbSize: Locator;
  readonly dataDir: Locator;
  readonly backupsDir: Locator;
  readonly logsDir: Locator;
  readonly updatesDir: Locator;
  readonly pathsHidden: Locator;
  readonly runtime: Locator;
  readonly updates: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('about-version');
    this.role = page.getByTestId('about-role');
    this.dbSize = page.getByTestId('about-db-size');
    this.dataDir = page.getByTestId('about-data-dir');
    this.backupsDir = page.getByTestId('about-backups-dir');
    this.logsDir = page.getByTestId('about-logs-dir');
    this.updatesDir = page.getByTestId('about-updates-dir');
    this.pathsHidden = page.getByTestId('about-paths-hidden');
    this.runtime = page.getByTestId('about-runtime');
    this.updates = page.getByTestId('about-updates');
  }

  /** Opens the page from the menu. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-about').click();
    await expect(this.version).toBeVisible();
  }
}
