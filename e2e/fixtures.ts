import { test as base, expect } from '@playwright/test';
import { FakePrinter, decodeText } from './support/fake-printer.js';
import { startServer, type E2EServer } from './support/server.js';

export interface DemoData {
  householdByCard(cardNo: string): Promise<{ id: number; cardNo: string; headName: string }>;
  account(householdId: number): Promise<{ year: number; score: number; redeemed: number; available: number; owed: number }>;
  itemByBarcode(code: string): Promise<{ id: number; name: string; points: number; stock: number | null }>;
  itemByName(name: string): Promise<{ id: number; name: string; points: number | null; stock: number | null }>;
  /** The village's date today (YYYY-MM-DD, Asia/Shanghai), as the server sees it. */
  today(): Promise<string>;
  redemptions(): Promise<{ id: number; receiptNo: string; householdId: number; totalPoints: number; voided: boolean }[]>;
}

interface Fixtures {
  /** Its own server process on a fresh data dir (--demo --test-clock), stopped and removed after the test. */
  server: E2EServer;
  /** A fake ESC/POS printer on 127.0.0.1, configured through printer.configure (epson, 32 columns). */
  printer: FakePrinter;
  /** Read-only look-ups through the API (as the admin), for set-up and for checking what the UI did. */
  demo: DemoData;
  /** A token of the admin, for API set-up (calendar, points). */
  adminToken: string;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer({ demo: true, testClock: true });
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  adminToken: async ({ server }, use) => {
    await use(await server.login('admin'));
  },
  printer: async ({ server, adminToken }, use) => {
    const printer = new FakePrinter();
    await printer.start(0);
    try {
      await server.ok('printer.configure', { type: 'epson', interface: printer.target, width: 32 }, adminToken);
      await use(printer);
    } finally {
      await printer.stop();
    }
  },
  // Every page in a test talks to that test's server, with its printer configured first.
  baseURL: async ({ server, printer }, use) => {
    void printer;
    await use(server.url);
  },
  demo: async ({ server, adminToken }, use) => {
    const t = adminToken;
    await use({
      async householdByCard(cardNo) {
        const { items } = await server.ok('households.search', { q: cardNo }, t);
        const h = items.find((x: { cardNo: string }) => x.cardNo === cardNo);
        if (!h) throw new Error(`no household with card ${cardNo}`);
        return h;
      },
      async account(householdId) {
        return (await server.ok('households.get', { id: householdId }, t)).account;
      },
      async itemByBarcode(code) {
        const [item] = (await server.ok('catalog.list', { barcode: code, includeInactive: true }, t)).items;
        if (!item) throw new Error(`no item with barcode ${code}`);
        return item;
      },
      async itemByName(name) {
        const { items } = await server.ok('catalog.list', { includeInactive: true }, t);
        const item = items.find((i: { name: string }) => i.name === name || i.name.startsWith(`${name} `));
        if (!item) throw new Error(`no item named ${name}`);
        return item;
      },
      async today() {
        return (await server.ok('calendar.get', {}, t)).today;
      },
      async redemptions() {
        return (await server.ok('redemptions.list', { limit: 500 }, t)).items;
      },
    });
  },
});

export { expect, decodeText };

/** The text of the printer's n-th job (1-based), waiting for it to arrive. */
export async function jobText(printer: FakePrinter, n: number): Promise<string> {
  const jobs = await printer.waitForJobs(n, 10_000);
  return decodeText(jobs[n - 1]);
}
