import type { BrowserWindow, BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { DriverPrintJob, PrintHost, SystemPrinter } from '../core/context.js';

/** The part of Electron's BrowserWindow the print host uses; tests hand in a fake. */
export type PrintWindowCtor = new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'loadURL' | 'destroy'> & {
  webContents: Pick<BrowserWindow['webContents'], 'print' | 'getPrintersAsync'>;
};

/** A window that only ever shows one receipt page: hidden, sandboxed, no scripts, no preload. */
export const printWindowOptions: BrowserWindowConstructorOptions = {
  show: false,
  width: 400,
  height: 600,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    spellcheck: false,
  },
};

/** The options webContents.print gets for a receipt page: silent, borderless, the paper's own size. */
export function printOptions(job: DriverPrintJob): WebContentsPrintOptions {
  return {
    silent: true,
    printBackground: false,
    deviceName: job.deviceName,
    copies: job.copies,
    margins: { marginType: 'none' },
    pageSize: { width: job.widthMicrons, height: job.heightMicrons },
  };
}

export const pageUrl = (html: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;

/**
 * Printers installed with their OS driver (a USB XP-58 on Windows): listed with getPrintersAsync
 * and printed to silently from a hidden window holding the receipt page the core built
 * (electron/print/receipt-html.ts, from the same layout lines as ESC/POS).
 */
export function createPrintHost(Window: PrintWindowCtor): PrintHost {
  return {
    async systemPrinters(): Promise<SystemPrinter[]> {
      const win = new Window(printWindowOptions);
      try {
        const list = await win.webContents.getPrintersAsync();
        return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name, description: p.description ?? '' }));
      } finally {
        win.destroy();
      }
    },
    async printHtml(job) {
      const win = new Window(printWindowOptions);
      try {
        await win.loadURL(pageUrl(job.html));
        await new Promise<void>((resolve, reject) => {
          win.webContents.print(printOptions(job), (success, failureReason) => {
            if (success) resolve();
            else reject(new Error(failureReason || 'print failed'));
          });
        });
      } finally {
        win.destroy();
      }
    },
  };
}
