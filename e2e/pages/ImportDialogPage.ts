import { expect, type Locator, type Page } from '@playwright/test';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 农户管理 → 导入花名册: pick a file, read the preview, confirm. */
export class ImportDialogPage {
  readonly summary: Locator;
  readonly table: Locator;
  readonly confirmButton: Locator;
  readonly result: Locator;
  readonly examples: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('import-preview-summary');
    this.table = page.getByTestId('import-preview-table');
    this.confirmButton = page.getByTestId('import-confirm');
    this.result = page.getByTestId('import-result');
    this.examples = page.getByTestId('import-examples');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-households').click();
    await this.page.getByTestId('household-import').click();
    await expect(this.page.getByTestId('import-pick')).toBeVisible();
  }

  async pick(buffer: Buffer, name = '花名册.xlsx'): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: xlsxType, buffer });
  }

  /** The preview row of one household, by its card number. */
  row(cardNo: string): Locator {
    return this.table.locator(`tr[data-card-no="${cardNo}"]`);
  }

  async confirm(): Promise<void> {
    await this.confirmButton.click();
  }
}
