import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../../db/connection.js';
import { decodeText, FakePrinter } from '../../../../e2e/support/fake-printer.js';
import { createTransport } from '../../../print/transport.js';
import { FixedClock } from '../../clock.js';
import { createDispatcher, type Dispatcher } from '../../dispatcher.js';
import { coreHandlers } from '../../contract.js';
import { hashPin } from '../auth/pin-hash.js';

const now = '2026-03-15T02:00:00.000Z'; // 10:00 in the village

function seed(db: DB) {
  const user = db.prepare('INSERT INTO users (username, name, pin_hash, roles, created_at) VALUES (?, ?, ?, ?, ?)');
  const pin = hashPin('111111');
  const ids = Object.fromEntries(
    (
      [
        ['shop', '李店长', ['shopkeeper']],
        ['boss', '王主管', ['admin']],
        ['barber', '赵师傅', ['provider']],
        ['town', '镇干部', ['viewer']],
      ] as const
    ).map(([u, name, roles]) => [u, Number(user.run(u, name, pin, JSON.stringify(roles), now).lastInsertRowid)]),
  );
  const hh = Number(
    db.prepare(`INSERT INTO households (card_no, head_name, name_initials, created_at) VALUES ('66010001', '张𠮷', 'zj', ?)`).run(now).lastInsertRowid,
  );
  const item = db.prepare('INSERT INTO catalog_items (kind, name, unit, points, created_at) VALUES (?, ?, ?, ?, ?)');
  const soap = Number(item.run('goods', '洗衣粉', '袋', 15, now).lastInsertRowid);
  const haircut = Number(item.run('service', '剪头发', '次', 10, now).lastInsertRowid);
  const redemption = db.prepare(`INSERT INTO redemptions (receipt_no, counter_id, year, household_id, kind, total_points, request_id, request_hash,
    result, operator_id, at, local_date) VALUES (?, 'C01', 2026, ?, 'counter', ?, ?, 'h', ?, ?, ?, '2026-03-15')`);
  const line = db.prepare(`INSERT INTO redemption_lines (redemption_id, item_id, item_name, item_kind, unit, qty, unit_points, line_points)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const add = (no: string, total: number, available: number) =>
    Number(
      redemption.run(no, hh, total, `req-${no}`, JSON.stringify({ receiptNo: no, totalPoints: total, account: { available } }), ids.shop, now).lastInsertRowid,
    );
  const first = add('C01-2026-000123', 40, 160);
  line.run(first, soap, '洗衣粉', 'goods', '袋', 2, 15, 30);
  line.run(first, haircut, '剪头发', 'service', '次', 1, 10, 10);
  const voided = add('C01-2026-000124', 15, 145);
  line.run(voided, soap, '洗衣粉', 'goods', '袋', 1, 15, 15);
  db.prepare(`INSERT INTO redemption_voids (redemption_id, reason, user_id, supervisor_id, at) VALUES (?, '扫错商品', ?, ?, ?)`).run(
    voided,
    ids.shop,
    ids.boss,
    '2026-03-15T03:00:00.000Z',
  );
  return { first, voided };
}

describe('printer and receipt handlers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-printer-'));
  const printer = new FakePrinter();
  let db: DB;
  let api: Dispatcher;
  let ids: { first: number; voided: number };
  const tokens: Record<string, string> = {};

  const call = (method: string, params: unknown, as = 'shop') => api.call(method, params, tokens[as]);
  const ok = async (method: string, params: unknown, as = 'shop') => {
    const reply = await call(method, params, as);
    if ('error' in reply) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
    return reply.result as Record<string, unknown>;
  };
  const errorOf = async (method: string, params: unknown, as = 'shop') => {
    const reply = await call(method, params, as);
    if (!('error' in reply)) throw new Error(`${method} should have failed`);
    return reply.error;
  };
  const prints = () => db.prepare('SELECT redemption_id, kind FROM receipt_prints ORDER BY id').all();
  /** Audit rows of the print methods, oldest first. */
  const printAudit = () =>
    db
      .prepare(
        `SELECT a.method, u.username, a.summary FROM audit a JOIN users u ON u.id = a.user_id
    WHERE a.method IN ('printer.test', 'receipts.print', 'receipts.printVoid') ORDER BY a.id`,
      )
      .all() as { method: string; username: string; summary: string }[];

  beforeAll(async () => {
    await printer.start();
    db = openDatabase(join(dir, 'pos.db'));
    ids = seed(db);
    api = createDispatcher({ db, clock: new FixedClock(new Date('2026-03-15T10:00:00+08:00')), printer: createTransport({ timeoutMs: 1000 }) }, coreHandlers);
    for (const u of ['shop', 'boss', 'barber', 'town']) {
      const r = await api.call('auth.login', { username: u, pin: '111111' });
      if ('error' in r) throw new Error(r.error.message);
      tokens[u] = (r.result as { token: string }).token;
    }
  });
  afterEach(() => printer.clear());
  afterAll(async () => {
    db.close();
    await printer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to print before a printer is configured', async () => {
    expect(await ok('printer.get', {}, 'town')).toBeNull();
    const e = await errorOf('receipts.print', { redemptionId: ids.first });
    expect(e.code).toBe('PRINTER_UNAVAILABLE');
    expect(e.message).toContain('未配置打印机');
  });

  it('validates the printer configuration', async () => {
    expect((await errorOf('printer.configure', { type: 'epson', interface: '/etc/passwd', width: 32 })).code).toBe('INVALID_INPUT');
    expect((await errorOf('printer.configure', { type: 'epson', interface: printer.target, width: 40 })).code).toBe('INVALID_INPUT');
    expect((await errorOf('printer.configure', { type: 'citizen', interface: printer.target, width: 32 })).code).toBe('INVALID_INPUT');
    expect((await errorOf('printer.configure', { type: 'epson', interface: printer.target, width: 32, copies: 6 })).code).toBe('INVALID_INPUT');
    expect((await errorOf('printer.configure', { type: 'epson', interface: printer.target, width: 32 }, 'town')).code).toBe('FORBIDDEN');
  });

  it('stores the configuration in settings', async () => {
    const config = await ok('printer.configure', { type: 'epson', interface: printer.target, width: 32 });
    expect(config).toEqual({ type: 'epson', interface: printer.target, width: 32, copies: 1 });
    expect(await ok('printer.get', {}, 'barber')).toEqual(config);
  });

  it('prints a test page with rare characters', async () => {
    expect(await ok('printer.test', {})).toEqual({ printed: true, jobId: 1, state: 'done', copy: null, via: 'epson' });
    const text = decodeText((await printer.waitForJobs(1))[0]);
    expect(text).toContain('打印机测试页');
    expect(text).toContain('𠮷');
    expect(printAudit()).toEqual([{ method: 'printer.test', username: 'shop', summary: `打印测试页 epson ${printer.target} 32 列` }]);
  });

  it('prints the receipt in GB18030 with every field, and records it', async () => {
    expect(await ok('receipts.print', { redemptionId: ids.first })).toEqual({
      printed: true,
      jobId: 2,
      state: 'done',
      copy: 'original',
      via: 'epson',
      reprint: false,
      receiptNo: 'C01-2026-000123',
    });
    const [job] = await printer.waitForJobs(1);
    expect(job.includes(Buffer.from([0x95, 0x34, 0xb2, 0x35]))).toBe(true); // 𠮷 as GB18030 four bytes
    const text = decodeText(job);
    for (const s of [
      '示范村',
      '积分兑换凭证',
      'C01-2026-000123',
      '2026-03-15 10:00:00',
      '户主：张𠮷',
      '卡号：66010001',
      '洗衣粉',
      '2袋 × 15',
      '剪头发',
      '经办人：李店长',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/合计积分 +40\n/);
    expect(text).toMatch(/兑换后可用积分 +160\n/);
    expect(text).not.toContain('重打');
    expect(prints()).toEqual([{ redemption_id: ids.first, kind: 'receipt' }]);
    expect(printAudit().at(-1)).toEqual({ method: 'receipts.print', username: 'shop', summary: '打印兑换凭证 C01-2026-000123（户主 张𠮷，1 联）' });
  });

  it('marks the second print of a receipt 重打', async () => {
    expect(await ok('receipts.print', { redemptionId: ids.first })).toMatchObject({ printed: true, reprint: true });
    const text = decodeText((await printer.waitForJobs(1))[0]);
    expect(text).toContain('**** 重打 ****');
    expect(text).toContain('重打时间：2026-03-15 10:00:00');
    expect(prints().at(-1)).toEqual({ redemption_id: ids.first, kind: 'reprint' });
    // A receipt handed out twice: the audit log says who reprinted it.
    expect(printAudit().at(-1)).toEqual({ method: 'receipts.print', username: 'shop', summary: '重打兑换凭证 C01-2026-000123（户主 张𠮷，1 联）' });
  });

  it('prints the asked number of copies in one job', async () => {
    await ok('receipts.print', { redemptionId: ids.first, copies: 2 });
    const jobs = await printer.waitForJobs(1);
    expect(decodeText(jobs[0]).match(/单号：C01-2026-000123/g)).toHaveLength(2);
    expect(printAudit().at(-1)?.summary).toBe('重打兑换凭证 C01-2026-000123（户主 张𠮷，2 联）');
  });

  it('shows on screen the very lines the printer gets', async () => {
    const preview = await ok('receipts.preview', { redemptionId: ids.first }, 'town');
    expect(preview).toMatchObject({ kind: 'reprint', width: 32 });
    await ok('receipts.print', { redemptionId: ids.first });
    const lines = preview.lines as { text: string }[];
    expect(decodeText((await printer.waitForJobs(1))[0])).toBe(`${lines.map((l) => l.text).join('\n')}\n`);
  });

  it('reports an unreachable printer and records nothing; the redemption stays', async () => {
    const before = prints().length;
    const audited = printAudit().length;
    await printer.goOffline();
    try {
      const e = await errorOf('receipts.print', { redemptionId: ids.first });
      expect(e.code).toBe('PRINTER_UNAVAILABLE');
      expect(e.message).toContain('打印机无法连接');
    } finally {
      await printer.goOnline();
    }
    expect(prints()).toHaveLength(before);
    expect(printAudit()).toHaveLength(audited);
    expect(db.prepare('SELECT COUNT(*) AS n FROM redemptions').get()).toEqual({ n: 2 });
  });

  it('answers NOT_FOUND for an unknown redemption', async () => {
    expect((await errorOf('receipts.print', { redemptionId: 9999 })).code).toBe('NOT_FOUND');
    expect((await errorOf('receipts.preview', { redemptionId: 9999 })).code).toBe('NOT_FOUND');
  });

  it('prints a void slip only for a voided redemption', async () => {
    expect((await errorOf('receipts.printVoid', { redemptionId: ids.first })).code).toBe('CONFLICT');
    expect((await errorOf('receipts.print', { redemptionId: ids.voided })).code).toBe('CONFLICT');
    await ok('receipts.printVoid', { redemptionId: ids.voided });
    const text = decodeText((await printer.waitForJobs(1))[0]);
    for (const s of ['作废单', '原单号：C01-2026-000124', '作废时间：2026-03-15 11:00:00', '作废原因：扫错商品', '主管：王主管', '户主：张𠮷']) {
      expect(text).toContain(s);
    }
    expect(prints().at(-1)).toEqual({ redemption_id: ids.voided, kind: 'void' });
    expect(printAudit().at(-1)).toEqual({ method: 'receipts.printVoid', username: 'shop', summary: '打印作废单 C01-2026-000124（户主 张𠮷，1 联）' });
  });

  it('lets a service provider print only its own receipts', async () => {
    expect((await errorOf('receipts.print', { redemptionId: ids.first }, 'barber')).code).toBe('FORBIDDEN');
    expect((await errorOf('receipts.printVoid', { redemptionId: ids.voided }, 'barber')).code).toBe('FORBIDDEN');
  });

  it('prints for a STAR printer on 80 mm paper', async () => {
    await ok('printer.configure', { type: 'star', interface: printer.target, width: 48 }, 'boss');
    await ok('receipts.print', { redemptionId: ids.first });
    const text = decodeText((await printer.waitForJobs(1))[0], 'star');
    expect(text).toContain('户主：张𠮷');
    expect(text).toContain('='.repeat(48));
  });
});
