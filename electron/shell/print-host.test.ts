import { describe, expect, it } from 'vitest';
import { layoutReceipt } from '../print/receipt-layout.js';
import { receiptPage } from '../print/receipt-html.js';
import { createPrintHost, pageUrl, printWindowOptions, type PrintWindowCtor } from './print-host.js';

/**
 * Electron is not installed here: a fake BrowserWindow stands in for Electron's own API surface
 * (constructor options, loadURL, webContents.print / getPrintersAsync, destroy) so what OUR host
 * asks of it can be checked.
 */
function fakeWindows(behaviour: { printers?: unknown[]; print?: (options: unknown) => [boolean, string] } = {}) {
  const made: { options: unknown; url?: string; printed?: unknown; destroyed: boolean; order: string[] }[] = [];
  class FakeWindow {
    readonly record: (typeof made)[number];
    constructor(options: unknown) {
      this.record = { options, destroyed: false, order: [] };
      made.push(this.record);
    }
    async loadURL(url: string) {
      this.record.url = url;
      this.record.order.push('load');
    }
    destroy() {
      this.record.destroyed = true;
    }
    webContents = {
      getPrintersAsync: async () => behaviour.printers ?? [],
      print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
        this.record.printed = options;
        this.record.order.push('print');
        const [ok, reason] = behaviour.print?.(options) ?? [true, ''];
        setTimeout(() => callback(ok, reason), 0);
      },
    };
  }
  return { Window: FakeWindow as unknown as PrintWindowCtor, made };
}

const lines = layoutReceipt(
  {
    villageName: '示范村',
    receiptNo: 'C01-2026-000123',
    time: '2026-03-15 10:00:00',
    householdName: '张<三>&',
    cardNo: '66010001',
    lines: [{ name: '洗衣粉', qty: 2, unit: '袋', unitPoints: 15, linePoints: 30 }],
    totalPoints: 30,
    availableAfter: 70,
    operatorName: '李店长',
  },
  { width: 32, kind: 'reprint', printedAt: '2026-03-16 09:00:00' },
);

describe('driver printer host (Electron shell)', () => {
  it('prints the page built from the layout, silently, on the named printer, at the paper size, then closes the window', async () => {
    const { Window, made } = fakeWindows();
    const page = receiptPage(lines, 32);
    await createPrintHost(Window).printHtml({
      deviceName: 'XP-58',
      html: page.html,
      widthMicrons: page.widthMicrons,
      heightMicrons: page.heightMicrons,
      copies: 2,
    });
    expect(made).toHaveLength(1);
    const [w] = made;
    expect(w.options).toEqual(printWindowOptions);
    expect(w.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    expect(w.url).toBe(pageUrl(page.html));
    expect(decodeURIComponent(w.url!.replace(/^data:text\/html;charset=utf-8,/, ''))).toBe(page.html);
    expect(w.order).toEqual(['load', 'print']);
    expect(w.printed).toEqual({
      silent: true,
      printBackground: false,
      deviceName: 'XP-58',
      copies: 2,
      margins: { marginType: 'none' },
      pageSize: { width: 58000, height: page.heightMicrons },
    });
    expect(w.destroyed).toBe(true);
  });

  it('80 mm paper gets an 80 mm page', async () => {
    const { Window, made } = fakeWindows();
    const page = receiptPage(
      layoutReceipt(
        {
          villageName: '示范村',
          receiptNo: 'C01-2026-000124',
          time: 't',
          householdName: '李四',
          cardNo: '1',
          lines: [],
          totalPoints: 0,
          availableAfter: 0,
          operatorName: 'x',
        },
        { width: 48, kind: 'receipt' },
      ),
      48,
    );
    await createPrintHost(Window).printHtml({
      deviceName: 'POS-80',
      html: page.html,
      widthMicrons: page.widthMicrons,
      heightMicrons: page.heightMicrons,
      copies: 1,
    });
    expect(made[0].printed).toMatchObject({ deviceName: 'POS-80', pageSize: { width: 80000 } });
  });

  it('rejects with the reason Electron gives when printing fails, and still closes the window', async () => {
    const { Window, made } = fakeWindows({ print: () => [false, 'Invalid deviceName provided'] });
    await expect(
      createPrintHost(Window).printHtml({ deviceName: 'nope', html: '<p>x</p>', widthMicrons: 58000, heightMicrons: 100000, copies: 1 }),
    ).rejects.toThrow('Invalid deviceName provided');
    expect(made[0].destroyed).toBe(true);
  });

  it("lists the OS printers in the core's shape", async () => {
    const { Window, made } = fakeWindows({
      printers: [
        { name: 'XP-58', displayName: 'XP-58 (copy 1)', description: 'Xprinter 58mm', options: { 'printer-location': '' } },
        { name: 'Microsoft Print to PDF', displayName: '', description: undefined, options: {} },
      ],
    });
    expect(await createPrintHost(Window).systemPrinters()).toEqual([
      { name: 'XP-58', displayName: 'XP-58 (copy 1)', description: 'Xprinter 58mm' },
      { name: 'Microsoft Print to PDF', displayName: 'Microsoft Print to PDF', description: '' },
    ]);
    expect(made[0].destroyed).toBe(true);
  });
});
