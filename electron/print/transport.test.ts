import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, FakePrinter } from '../../e2e/support/fake-printer.js';
import { AppError } from '../core/errors.js';
import { renderEscPos } from './escpos.js';
import { layoutReceipt } from './receipt-layout.js';
import { createTransport, defaultTransport } from './transport.js';

const receipt = renderEscPos(layoutReceipt({
  villageName: '示范村', receiptNo: 'C01-2026-000123', time: '2026-03-15 10:00:00', householdName: '张𠮷', cardNo: '66010001',
  lines: [{ name: '洗衣粉', qty: 2, unit: '袋', unitPoints: 15, linePoints: 30 }], totalPoints: 30, availableAfter: 70, operatorName: '李店长',
}, { width: 32, kind: 'receipt' }), { type: 'epson' });

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
    printer.stall = false;
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

  it('gives up on a printer that stops reading, after the timeout', async () => {
    printer.stall = true;
    const started = Date.now();
    const e = await failure(createTransport({ timeoutMs: 300 }).send(printer.target, Buffer.alloc(32 * 1024 * 1024, 0x20)));
    expect(e.code).toBe('PRINTER_UNAVAILABLE');
    expect(e.details).toMatchObject({ cause: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a malformed network address', async () => {
    const e = await failure(defaultTransport.send('tcp://bad host:9100', receipt));
    expect(e.code).toBe('PRINTER_UNAVAILABLE');
  });
});

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
    expect(existsSync(dev)).toBe(false);
  });
});
