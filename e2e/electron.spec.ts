import { _electron as electron, test as base, expect } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText, FakePrinter } from './support/fake-printer.js';
import { repoRoot } from '../tests/support/server-process.js';
import { CounterPage } from './pages/CounterPage.js';
import { LoginPage } from './pages/LoginPage.js';

/** The Electron binary, if this machine has one (`require('electron')` is its path; it throws when the download was skipped). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const mainJs = join(repoRoot, 'dist-electron', 'electron', 'shell', 'main.js');

base('(7) Electron: the counter flow in the real shell', async () => {
  base.skip(!binary, 'No Electron binary on this machine (download blocked); the same UI is covered in Chromium');
  base.skip(!existsSync(mainJs), 'The Electron main process is not built (npm run build)');

  const dataDir = mkdtempSync(join(tmpdir(), 'pts-electron-'));
  const printer = await new FakePrinter().start(0);
  const app = await electron.launch({
    executablePath: binary!,
    args: [mainJs, '--data', dataDir, '--demo', '--test-clock', '--no-sandbox'],
    cwd: repoRoot,
  });
  try {
    const page = await app.firstWindow();
    const login = new LoginPage(page);
    await expect(login.username).toBeVisible({ timeout: 30_000 });
    await login.login('shop', '111111');
    // In Electron the token stays in the main process; the page reaches the core only through window.pos.
    const cfg = await page.evaluate(
      (target) =>
        (window as unknown as { pos: { call(m: string, p: unknown): Promise<unknown> } }).pos.call('printer.configure', {
          type: 'epson',
          interface: target,
          width: 32,
        }),
      printer.target,
    );
    expect(cfg).toHaveProperty('result');

    const counter = new CounterPage(page);
    await expect(counter.scanInput).toBeFocused();
    await counter.loadHousehold('66010001', '张三丰');
    await counter.scan('6920000000032');
    await counter.scan('6920000000032');
    await counter.scan('6920000000049');
    await counter.expectNumber(counter.cartTotal, 38);
    await counter.pressEnterToRedeem();
    await expect(counter.lastReceiptNo).toContainText(/C01-\d{4}-000001/);
    const no = (await counter.lastReceiptNo.innerText()).match(/C01-\d{4}-000001/)![0];
    const [job] = await printer.waitForJobs(1, 10_000);
    const text = decodeText(job);
    for (const s of ['张三丰', '洗衣粉', '牙膏', '38', no]) expect(text).toContain(s);
    await expect(counter.receiptPreview).toContainText(no);
  } finally {
    await app.close();
    await printer.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
