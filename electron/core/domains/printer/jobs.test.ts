import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeText, FakePrinter } from '../../../../e2e/support/fake-printer.js';
import { receiptPage } from '../../../print/receipt-html.js';
import { createTransport } from '../../../print/transport.js';
import type { DriverPrintJob, PrintHost } from '../../context.js';
import { approved, expectError, expectOk, freshVillage, goods, householdWithPoints, MemoryPrinter, redeem, users, type Village } from '../../test-support.js';

let v: Village;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  v?.close();
});

async function threeRedemptions(v: Village) {
  const h = await householdWithPoints(v, 500);
  const soap = await goods(v, { points: 10, stock: 20 });
  const out = [];
  for (let i = 0; i < 3; i++) out.push(await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]));
  return { h, soap, receipts: out };
}

const jobs = async (v: Village, p: object = {}) =>
  expectOk(await v.call('shop', 'printer.jobs', p)).items as {
    id: number;
    kind: string;
    state: string;
    copy: string | null;
    reason: string | null;
    late: boolean;
    receiptNo: string | null;
  }[];

/** Each receipt in a stream of print jobs, in order: its number and whether it says 重打. */
function receiptsIn(bytes: Buffer): { receiptNo: string; reprint: boolean }[] {
  return decodeText(bytes)
    .split('积分兑换凭证')
    .slice(1)
    .map((part) => ({
      receiptNo: /单号：(\S+)/.exec(part)![1],
      reprint: part.includes('**** 重打 ****'),
    }));
}

function originalsPerReceipt(list: { receiptNo: string; reprint: boolean }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of list) out[r.receiptNo] = (out[r.receiptNo] ?? 0) + (r.reprint ? 0 : 1);
  return out;
}

describe('print jobs', () => {
  it('records each print as a job: queued, sent, done; the first is the original, the rest 重打', async () => {
    v = await freshVillage();
    const printer = new MemoryPrinter();
    v.d.deps.printer = printer;
    const {
      receipts: [a],
    } = await threeRedemptions(v);
    await v.invoke('shop', 'printer.configure', { type: 'epson', interface: 'tcp://127.0.0.1:9100', width: 32 });
    const first = await v.invoke('shop', 'receipts.print', { redemptionId: a.id });
    expect(first).toMatchObject({ printed: true, state: 'done', copy: 'original', reprint: false });
    const second = await v.invoke('shop', 'receipts.print', { redemptionId: a.id });
    expect(second).toMatchObject({ state: 'done', copy: 'reprint', reprint: true });
    expect(receiptsIn(Buffer.concat(printer.jobs.map((j) => j.bytes)))).toEqual([
      { receiptNo: a.receiptNo, reprint: false },
      { receiptNo: a.receiptNo, reprint: true },
    ]);
    expect(await jobs(v, { redemptionId: a.id })).toMatchObject([
      { id: second.jobId, kind: 'receipt', state: 'done', copy: 'reprint', receiptNo: a.receiptNo, late: false, reason: null },
      { id: first.jobId, kind: 'receipt', state: 'done', copy: 'original' },
    ]);
    expect(v.db.prepare('SELECT state FROM print_job_events WHERE job_id = ? ORDER BY id').all(first.jobId)).toEqual([
      { state: 'queued' },
      { state: 'sent' },
      { state: 'done' },
    ]);
    // Append-only.
    expect(() => v.db.prepare('UPDATE print_job_events SET state = ? WHERE job_id = ?').run('failed', first.jobId)).toThrow(/append-only/);
    expect(() => v.db.prepare('DELETE FROM print_jobs').run()).toThrow(/append-only/);
    // Bad input changes nothing.
    expectError(await v.call('shop', 'printer.jobs', { limit: 0 }), 'INVALID_INPUT');
    expectError(await v.call('shop', 'printer.jobs', { redemptionId: 'x' }), 'INVALID_INPUT');
    expectError(await v.call('clerk', 'printer.jobs', {}), 'FORBIDDEN');
  });

  it('paper out and cover open are reported before printing; the redemption stays; nothing claimed the original', async () => {
    v = await freshVillage();
    const printer = await new FakePrinter().start(0);
    cleanups.push(() => printer.stop());
    v.d.deps.printer = createTransport({ timeoutMs: 2000, statusTimeoutMs: 300 });
    const {
      h,
      receipts: [a],
    } = await threeRedemptions(v);
    await v.invoke('shop', 'printer.configure', { type: 'epson', interface: printer.target, width: 32 });
    for (const [mode, reason] of [
      ['paper-out', 'paper_out'],
      ['cover-open', 'cover_open'],
    ] as const) {
      printer.mode = mode;
      const e = expectError(await v.call('shop', 'receipts.print', { redemptionId: a.id }), 'PRINTER_UNAVAILABLE');
      expect(e.reason).toBe(reason);
    }
    expect(printer.jobs).toHaveLength(0);
    expect((await v.invoke('shop', 'redemptions.get', { id: a.id })).receiptNo).toBe(a.receiptNo);
    expect((await jobs(v)).map((j) => [j.state, j.reason, j.copy])).toEqual([
      ['failed', 'cover_open', 'original'],
      ['failed', 'paper_out', 'original'],
    ]);
    // Paper loaded: nothing reached paper before, so this is the original.
    printer.mode = 'normal';
    expect(await v.invoke('shop', 'receipts.print', { redemptionId: a.id })).toMatchObject({ copy: 'original', state: 'done' });
    const [job] = await printer.waitForJobs(1);
    expect(receiptsIn(job)).toEqual([{ receiptNo: a.receiptNo, reprint: false }]);
    expect(h.id).toBeGreaterThan(0);
  });

  it('five prints to a device that blocks: backup.now still answers at once, the jobs fail printer_timeout; when the device comes back no receipt prints twice as an original', async () => {
    v = await freshVillage();
    const dir = mkdtempSync('/dev/shm/pos-fifo-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dev = join(dir, 'lp0');
    execFileSync('mkfifo', [dev]);
    v.d.deps.printer = createTransport({ timeoutMs: 1500 });
    const {
      receipts: [a, b, c],
    } = await threeRedemptions(v);
    await v.invoke('shop', 'printer.configure', { type: 'epson', interface: dev, width: 32 });

    const started = Date.now();
    const stuck = await Promise.all([a, a, b, c, a].map((r) => v.call('shop', 'receipts.print', { redemptionId: r.id })));
    for (const reply of stuck) expect(expectError(reply, 'PRINTER_UNAVAILABLE').reason).toBe('printer_timeout');
    expect(Date.now() - started).toBeLessThan(5000);

    // The five writes are stuck in open(); the thread pool and the database still answer.
    const t0 = Date.now();
    expectOk(await v.call('admin', 'backup.now', {}));
    const backupMs = Date.now() - t0;
    const t1 = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => readFile(v.file)));
    const readMs = Date.now() - t1;
    console.log(`backup.now with 5 stuck prints: ${backupMs} ms; 8 file reads: ${readMs} ms`);
    expect(backupMs).toBeLessThan(1000);
    expect(readMs).toBeLessThan(1000);

    const failed = await jobs(v);
    expect(failed.map((j) => [j.state, j.reason])).toEqual(Array(5).fill(['failed', 'printer_timeout']));
    // Each job's bytes may reach the printer: the first of each receipt claimed the original.
    expect(failed.map((j) => `${j.receiptNo}:${j.copy}`).reverse()).toEqual([
      `${a.receiptNo}:original`,
      `${a.receiptNo}:reprint`,
      `${b.receiptNo}:original`,
      `${c.receiptNo}:original`,
      `${a.receiptNo}:reprint`,
    ]);
    // A retry while the device is still stuck is a reprint too.
    const retry = expectError(await v.call('shop', 'receipts.print', { redemptionId: b.id }), 'PRINTER_UNAVAILABLE');
    expect(retry.reason).toBe('printer_timeout');
    expect(retry.details).toMatchObject({ jobId: expect.any(Number) });

    // The device comes back (someone reads it): the stuck jobs print and are recorded done, late.
    const socket = new net.Socket({ fd: openSync(dev, constants.O_RDWR), readable: true, writable: false });
    cleanups.push(() => socket.destroy());
    const chunks: Buffer[] = [];
    socket.on('data', (ch: Buffer) => chunks.push(ch));
    await expect.poll(async () => (await jobs(v)).filter((j) => j.late).length, { timeout: 10_000 }).toBe(6);
    for (const j of await jobs(v)) expect(j).toMatchObject({ state: 'done', late: true, reason: 'printer_timeout' });

    // The counter retries A: a reprint, done.
    expect(await v.invoke('shop', 'receipts.print', { redemptionId: a.id })).toMatchObject({ state: 'done', copy: 'reprint' });
    await expect.poll(() => receiptsIn(Buffer.concat(chunks)).length, { timeout: 5000 }).toBe(7);
    expect(originalsPerReceipt(receiptsIn(Buffer.concat(chunks)))).toEqual({ [a.receiptNo]: 1, [b.receiptNo]: 1, [c.receiptNo]: 1 });
  });

  it('the void slip keeps the balance of the moment of the void, and its second print says 重打', async () => {
    v = await freshVillage();
    const printer = new MemoryPrinter();
    v.d.deps.printer = printer;
    const {
      h,
      receipts: [a],
    } = await threeRedemptions(v);
    await v.invoke('shop', 'redemptions.void', { id: a.id, reason: '扫错商品', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    const atVoid = (await v.invoke('shop', 'households.get', { id: h.id })).account.available;
    expect(v.db.prepare('SELECT available_after FROM void_slips WHERE redemption_id = ?').get(a.id)).toEqual({ available_after: atVoid });
    await approved(v, h.id, 'award', 50); // the balance moves on after the void
    await v.invoke('shop', 'printer.configure', { type: 'epson', interface: 'tcp://127.0.0.1:9100', width: 32 });
    expect(await v.invoke('shop', 'receipts.printVoid', { redemptionId: a.id })).toMatchObject({ copy: 'original', reprint: false });
    expect(await v.invoke('shop', 'receipts.printVoid', { redemptionId: a.id })).toMatchObject({ copy: 'reprint', reprint: true });
    const [first, second] = printer.jobs.map((j) => decodeText(j.bytes));
    for (const text of [first, second]) expect(text).toMatch(new RegExp(`作废后可用积分 +${atVoid}\\n`));
    expect(first).not.toContain('重打');
    expect(second).toContain('**** 重打 ****');
    expect(second).toContain('重打作废单，原作废单已出');
    const preview = await v.invoke('shop', 'receipts.preview', { redemptionId: a.id });
    expect(preview).toMatchObject({ kind: 'void', reprint: true });
    expect(() => v.db.prepare('UPDATE void_slips SET available_after = 0').run()).toThrow(/append-only/);
  });

  it('driver printers: configured only where the desktop shell is; the receipt goes to the OS printer as the page built from the layout', async () => {
    v = await freshVillage();
    const e = expectError(await v.call('shop', 'printer.configure', { type: 'driver', deviceName: 'XP-58', width: 32 }), 'INVALID_INPUT');
    expect(e.reason).toBe('driver_config_needs_desktop');
    expect(await v.invoke('shop', 'printer.systemPrinters', {})).toEqual({ available: false, printers: [] });
    expect(await v.invoke('shop', 'printer.get', {})).toBeNull();

    const printed: DriverPrintJob[] = [];
    const host: PrintHost = {
      systemPrinters: async () => [{ name: 'XP-58', displayName: 'XP-58', description: '' }],
      printHtml: async (job) => {
        printed.push(job);
      },
    };
    v.d.deps.printHost = host;
    expect(await v.invoke('shop', 'printer.systemPrinters', {})).toEqual({
      available: true,
      printers: [{ name: 'XP-58', displayName: 'XP-58', description: '' }],
    });
    expectError(await v.call('shop', 'printer.configure', { type: 'driver', deviceName: 'XP-58', width: 42 }), 'INVALID_INPUT');
    expectError(await v.call('shop', 'printer.configure', { type: 'driver', deviceName: '', width: 32 }), 'INVALID_INPUT');
    expectError(await v.call('shop', 'printer.configure', { type: 'driver', deviceName: 'XP-58', interface: 'COM3', width: 32 }), 'INVALID_INPUT');
    await v.invoke('shop', 'printer.configure', { type: 'driver', deviceName: 'XP-58', width: 32, copies: 2 });
    const {
      receipts: [a],
    } = await threeRedemptions(v);
    const preview = await v.invoke('shop', 'receipts.preview', { redemptionId: a.id });
    expect(await v.invoke('shop', 'receipts.print', { redemptionId: a.id })).toMatchObject({ state: 'done', copy: 'original', via: 'driver' });
    expect(printed).toHaveLength(1);
    const page = receiptPage(preview.lines, 32);
    expect(printed[0]).toEqual({ deviceName: 'XP-58', html: page.html, widthMicrons: 58000, heightMicrons: page.heightMicrons, copies: 2 });

    // The spooler refuses: failed, with a reason; nothing claimed, since nothing could print.
    host.printHtml = async () => {
      throw new Error('Printer not available');
    };
    const [, b] = (await threeRedemptions(v)).receipts;
    const failure = expectError(await v.call('shop', 'receipts.print', { redemptionId: b.id }), 'PRINTER_UNAVAILABLE');
    expect(failure.reason).toBe('driver_failed');
    expect((await jobs(v, { redemptionId: b.id }))[0]).toMatchObject({ state: 'failed', reason: 'driver_failed' });
  });

  it('browser printing: the job is handed to the page with its lines; the next print of the receipt is a 重打', async () => {
    v = await freshVillage();
    await v.invoke('shop', 'printer.configure', { type: 'browser', width: 48 });
    const {
      receipts: [a],
    } = await threeRedemptions(v);
    const r = await v.invoke('shop', 'receipts.print', { redemptionId: a.id });
    expect(r).toMatchObject({ printed: false, state: 'sent', via: 'browser', copy: 'original', width: 48 });
    expect((r.lines as { text: string }[]).map((l) => l.text)).toContain(`单号：${a.receiptNo}`);
    expect(await v.invoke('shop', 'receipts.print', { redemptionId: a.id })).toMatchObject({ state: 'sent', copy: 'reprint' });
    expect((await jobs(v)).map((j) => j.state)).toEqual(['sent', 'sent']);
  });
});
