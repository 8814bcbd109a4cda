import { expect, type Locator, type Page } from '@playwright/test';

/** Picks a value in a native <select> or in an antd Select (which renders its options in a popup). */
async function choose(page: Page, field: Locator, value: string, label: RegExp): Promise<void> {
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    await field.selectOption(value);
    return;
  }
  if (tag === 'input' && (await field.getAttribute('role')) !== 'combobox' && !(await field.isDisabled())) {
    const type = await field.getAttribute('type');
    if (type !== 'radio' && type !== 'checkbox') {
      await field.fill(value);
      return;
    }
  }
  // antd Select / radio group: open it, then click the option whose text or value matches.
  const radio = field.locator(`input[type="radio"][value="${value}"]`);
  if (await radio.count()) {
    await radio.check({ force: true });
    return;
  }
  await field.click();
  const option = page.locator('.ant-select-item-option').filter({ hasText: label }).first();
  await option.click();
}

export class PrinterPage {
  readonly type: Locator;
  readonly iface: Locator;
  readonly width: Locator;
  readonly copies: Locator;
  readonly save: Locator;
  readonly test: Locator;

  constructor(readonly page: Page) {
    const id = (s: string) => page.getByTestId(s);
    this.type = id('printer-type');
    this.iface = id('printer-interface');
    this.width = id('printer-width');
    this.copies = id('printer-copies');
    this.save = id('printer-save');
    this.test = id('printer-test');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-printer').click();
    await expect(this.iface).toBeVisible();
  }

  async configure(p: { type: 'epson' | 'star'; iface: string; width: 32 | 42 | 48; copies?: number }): Promise<void> {
    await choose(this.page, this.type, p.type, p.type === 'epson' ? /epson|爱普生/i : /star|思普瑞特|斯大/i);
    await this.iface.fill(p.iface);
    await choose(this.page, this.width, String(p.width), new RegExp(String(p.width)));
    if (p.copies !== undefined) await choose(this.page, this.copies, String(p.copies), new RegExp(`^${p.copies}`));
    await this.save.click();
  }
}
