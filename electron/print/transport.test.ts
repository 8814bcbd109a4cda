import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { constants, existsSync, openSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, FakePrinter } from '../../e2e/support/fake-printer.js';
import { AppError } from '../core/errors.js';
import { renderEscPos } from './escpos.js';
import { layoutReceipt } from './receipt-layout.js';
import { createTransport, defaultTransport } from './transport.js';

const receipt = renderEscPos(
  layoutReceipt(
    {
      villageName: '示范村',
      receiptNo: 'C01-2026-000123',
      time: '2026-03-15 10:00:00',
      householdName: '张𠮷',
      cardNo: '66010001',
      lines: [{ name: '洗衣粉', qty: 2, unit: '袋', unitPoints: 15, linePoints: 30 }],
      totalPoints: 30,
      availableAfter: 70,
      operatorName: '李店长',
    },
    { width: 32, kind: 'receipt' },
  ),
  { type: 'epson' },
);

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the send to fail');
}

describe('TCP transport', () => {
  const printer = new FakePrinter();
  beforeAll(() => printer.start());
  afterEach(async () => {
    printer.clear();
    printer.mode = 'normal';
    await printer.stop();
    await printer.start();
  });
  afterAll(() => printer.stop());

  it('delivers the job byte for byte', async () => {
    await defaultTransport.send(printer.target, receipt);
    const [job] = await printer.waitForJobs(1);
    expect(job.equals(receipt)).toBe(true);
    const text = decodeText(job);
    expect(text).toContain('户主：张𠮷');
    expect(text).toContain('C01-2026-000123');
  });

  it('keeps each send a separate job', async () => {
    await defaultTransport.send(printer.target, Buffer.from('one\n'));
    await defaultTransport.send(printer.target, Buffer.from('two\n'));
    const jobs = await printer.waitForJobs(2);
    expect(jobs.map((j) => j.toString())).toEqual(['one\n', 'two\n']);
  });

  it('reports a printer that refuses the connection as PRINTER_UNAVAILABLE', async () => {
    await printer.goOffline();
    const e = await failure(defaultTransport.send(printer.target, receipt));
    expect(e.code).toBe('PRINTER_UNAVAILABLE');
    expect(e.message).toContain('打印机无法连接');
    expect(e.details).toMatchObject({ cause: 'ECONNREFUSED' });
    await printer.goOnline();
    await defaultTransport.send(printer.target, receipt);
    expect(await printer.waitForJobs(1)).toHaveLength(1);
  });

  it('gives up on a printer that accepts and never reads, after the timeout; the bytes counted as sent', async () => {
    printer.mode = 'stall';
    const started = Date.now();
    let sending = 0;
    const e = await failure(
      createTransport({ timeoutMs: 600, statusTimeoutMs: 100 }).send(printer.target, Buffer.alloc(32 * 1024 * 1024, 0x20), { onSending: () => sending++ }),
    );
    expect(e.code).toBe('PRINTER_UNAVAILABLE');
    expect(e.details).toMatchObject({ cause: 'ETIMEDOUT' });
    expect(e.reason).toBe('printer_timeout');
    expect(sending).toBe(1);
    // 0.6 s timeout; the rest is allocating and queueing 32 MB on a busy machine.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('asks a printer that answers DLE EOT for its status, and waits for its answer after the job', async () => {
    let sending = 0;
    await defaultTransport.send(printer.target, receipt, { onSending: () => sending++ });
    expect(sending).toBe(1);
    // Paper sensor, offline cause before the job; the paper sensor again after it.
    expect(printer.statusQueries).toEqual([4, 2, 4]);
    const [job] = await printer.waitForJobs(1);
    expect(job.equals(receipt)).toBe(true);
  });

  for (const [mode, reason, text] of [
    ['paper-out', 'paper_out', '缺纸'],
    ['cover-open', 'cover_open', '盖'],
  ] as const) {
    it(`reports ${mode} before sending anything`, async () => {
      printer.mode = mode;
      let sending = 0;
      const e = await failure(defaultTransport.send(printer.target, receipt, { onSending: () => sending++ }));
      expect(e.code).toBe('PRINTER_UNAVAILABLE');
      expect(e.reason).toBe(reason);
      expect(e.message).toContain(text);
      expect(sending).toBe(0);
      await new Promise((r) => setTimeout(r, 100));
      expect(printer.jobs).toHaveLength(0);
    });
  }

  it('prints on a printer that never answers status, once the short status wait is over', async () => {
    printer.mode = 'no-status';
    const started = Date.now();
    await createTransport({ statusTimeoutMs: 200 }).send(printer.target, receipt);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const [job] = await printer.waitForJobs(1);
    expect(job.equals(receipt)).toBe(true);
  });

  it('refuses a malformed network address', async () => {
    const e = await failure(defaultTransport.send('tcp://bad host:9100', receipt));
    expect(e.code).toBe('PRINTER_UNAVAILABLE');
  });
});

/** Reads a FIFO as a printer would, keeping it open (O_RDWR: no EOF when a writer closes). */
function readDevice(path: string) {
  const socket = new net.Socket({ fd: openSync(path, constants.O_RDWR), readable: true, writable: false });
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  return { bytes: () => Buffer.concat(chunks), close: () => socket.destroy() };
}

describe('device transport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-print-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the job to the device', async () => {
    const dev = join(dir, 'lp0');
    writeFileSync(dev, '');
    await defaultTransport.send(dev, receipt);
    expect(readFileSync(dev).equals(receipt)).toBe(true);
  });

  it('fails on a missing device without creating a file in its place', async () => {
    const dev = join(dir, 'missing-lp');
    const e = await failure(defaultTransport.send(dev, receipt));
    expect(e.code).toBe('PRINTER_UNAVAILABLE');
    expect(e.details).toMatchObject({ cause: 'ENOENT' });
    expect(e.reason).toBe('printer_unreachable');
    expect(existsSync(dev)).toBe(false);
  });

  it('times out on a device that blocks, without holding the thread pool, and reports the late completion', async () => {
    const dev = join(dir, 'stuck-lp');
    execFileSync('mkfifo', [dev]);
    const transport = createTransport({ timeoutMs: 2000 });
    let late = 0;
    const started = Date.now();
    const errors = await Promise.all(Array.from({ length: 5 }, () => failure(transport.send(dev, receipt, { onLateDone: () => late++ }))));
    expect(Date.now() - started).toBeLessThan(4000);
    for (const e of errors) expect(e.reason).toBe('printer_timeout');
    // Five writes stuck in open(), and the thread pool still serves file reads at once (before,
    // four stuck opens took all four pool threads and the reads waited for the device).
    const poolStart = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => readFile(join(dir, 'lp0'))));
    expect(Date.now() - poolStart).toBeLessThan(500);
    expect(late).toBe(0);
    // The device comes back: everything written arrives, and each write is reported done late.
    const device = readDevice(dev);
    await expect.poll(() => device.bytes().length, { timeout: 5000 }).toBe(receipt.length * 5);
    await expect.poll(() => late, { timeout: 3000 }).toBe(5);
    device.close();
  });
});
