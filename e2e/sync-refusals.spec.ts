import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signRequest } from '../electron/sync/signing.js';
import type { SyncLink } from '../electron/sync/counter.js';
import { LoginPage } from './pages/LoginPage.js';
import { startServer } from './support/server.js';

const shots = join(process.cwd(), '.tmp', 'shots', 'i10-sync');
const views = [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: '1093x614@1.25', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
];

// The office refuses forged events; the counter shows what was refused, the office lists them with their reasons.
test("refused events: the counter's sync page and chip, the office's conflicts page (screenshots, zh and en)", async ({ browser }) => {
  test.setTimeout(480_000);
  mkdirSync(shots, { recursive: true });
  const office = await startServer({ role: 'office', demo: true, testClock: false });
  const counter = await startServer({ role: 'counter', demo: false, testClock: false, env: { POS_SYNC_INTERVAL_MS: '300' } });
  try {
    const { code } = await office.ok('sync.pairingCode', { name: '二号柜台' }, await office.login('admin'));
    // A new counter pairs from its first-run setup: there is no local admin to sign in as.
    await counter.ok('setup.complete', { role: 'counter', office: { url: office.url, code } });
    let shop = '';
    await expect
      .poll(
        async () => {
          shop = (await counter.call('auth.login', { username: 'shop', pin: '111111' })).body.result?.token ?? '';
          return shop;
        },
        { timeout: 30_000 },
      )
      .not.toBe('');

    // The attacker: the counter's key from its database file, pushing straight to the office.
    const db = new Database(join(counter.dataDir, 'points.db'), { readonly: true });
    const link = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'sync.link'").get() as { value: string }).value) as SyncLink;
    db.close();
    const shopId = (await counter.ok('auth.me', {}, shop)).user.id as number;
    const now = new Date();
    const source = { counterId: link.counterId, userId: shopId, at: now.toISOString(), date: now.toISOString().slice(0, 10), year: now.getFullYear() };
    const y = now.getFullYear();
    const events = [
      {
        type: 'stock.receive',
        payload: {
          noteNo: `RK-${link.counterId}-${y}-9001`,
          note: '',
          at: now.toISOString(),
          lines: [{ itemId: 1, qty: -1000, fundingSource: 'fiscal', donor: null, unitCostFen: null }],
          source,
        },
      },
      {
        type: 'day.close',
        payload: {
          closeNo: 1,
          counterId: 'C01',
          after: null,
          from: now.toISOString(),
          to: now.toISOString(),
          localDate: source.date,
          userId: shopId,
          at: now.toISOString(),
          count: 0,
          points: 0,
          voids: 0,
          voidPoints: 0,
          firstReceiptNo: null,
          lastReceiptNo: null,
          receipts: [],
          source,
        },
      },
      { type: 'stock.count', payload: { itemId: 1, delta: -50, reason: '伪造', source } },
    ].map((e, i) => ({ seq: 1_000_001 + i, uuid: crypto.randomUUID(), at: now.toISOString(), ...e }));
    const body = JSON.stringify({ after: 0, events });
    const res = await fetch(`${office.url}/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path: '/sync/push', body }),
      },
      body,
    });
    expect((await res.json()).result).toMatchObject({ refused: 3 });
    await expect.poll(async () => (await counter.ok('sync.now', {}, shop)).refused?.count, { timeout: 15_000 }).toBe(3);

    for (const v of views) {
      for (const lang of ['zh', 'en'] as const) {
        const ctx = await browser.newContext({ viewport: v.viewport, deviceScaleFactor: v.deviceScaleFactor });
        await ctx.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
        // The shopkeeper's chip says 拒收 3 (a session is per tab); the sync page is the admin's.
        const tillCtx = await browser.newContext({ viewport: v.viewport, deviceScaleFactor: v.deviceScaleFactor });
        await tillCtx.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
        const till = await tillCtx.newPage();
        await till.goto(counter.url);
        await new LoginPage(till).login('shop', '111111');
        await expect(till.getByTestId('sync-chip-refused')).toBeVisible();
        await till.screenshot({ path: join(shots, `counter-chip-refused-${lang}-${v.name}.png`) });
        await tillCtx.close();
        const page = await ctx.newPage();
        await page.goto(counter.url);
        await new LoginPage(page).login('admin', '123456');
        await page.getByTestId('nav-sync').click();
        await expect(page.getByTestId('sync-refused')).toHaveText('3');
        await expect(page.getByTestId('sync-refused-list')).toContainText(lang === 'zh' ? '数量不合理' : 'Quantity out of bounds');
        await page.screenshot({ path: join(shots, `counter-sync-refused-${lang}-${v.name}.png`) });

        const officeCtx = await browser.newContext({ viewport: v.viewport, deviceScaleFactor: v.deviceScaleFactor });
        await officeCtx.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
        const office2 = await officeCtx.newPage();
        await office2.goto(office.url);
        await new LoginPage(office2).login('admin', '123456');
        await office2.getByTestId('nav-sync').click();
        await expect(office2.getByTestId('sync-conflicts')).toContainText(lang === 'zh' ? '日结不是本柜台的' : 'Day close of another counter');
        await office2.getByTestId('sync-conflicts').scrollIntoViewIfNeeded();
        await office2.screenshot({ path: join(shots, `office-conflicts-refused-${lang}-${v.name}.png`) });
        await officeCtx.close();
        await ctx.close();
      }
    }
  } finally {
    await counter.stop();
    await office.stop();
  }
});
