import net from 'node:net';
import { AppError } from '../core/errors.js';
import { writeDevice } from './device-writer.js';
import { devicePath, parsePrinterTarget } from './printer-target.js';
import { parseStatus, statusQuery, trailingQuery } from './printer-status.js';

/** What a job tells the print-job bookkeeping while it runs (electron/core/domains/printer/jobs.ts). */
export interface SendHooks {
  /** Called once, just before the job's bytes leave: from then on they may reach the paper. */
  onSending?(): void;
  /** A job that was reported failed (timed out) and then completed: the device came back. */
  onLateDone?(): void;
}

/** Delivers one print job. The core depends on this shape only, so tests can swap it. */
export interface PrinterTransport {
  send(target: string, bytes: Buffer, hooks?: SendHooks): Promise<void>;
}

export interface TransportOptions {
  /** How long a job may take, connecting included, before the printer counts as timed out. */
  timeoutMs?: number;
  /** How long a network printer has to answer the status query (DLE EOT) before printing goes ahead anyway. */
  statusTimeoutMs?: number;
  /** How long a timed-out device write is still watched for a late completion before it is killed. */
  lateWindowMs?: number;
}

/**
 * Why a print failed, for the caller (details.reason): the counter's banner and its retry decide by it.
 * printer_timeout: no answer in time (the job may still print: a retry is a 重打);
 * printer_unreachable: refused, missing device, no route (nothing was printed);
 * paper_out / cover_open: the printer said so before anything was sent.
 */
export type PrintFailureReason = 'printer_timeout' | 'printer_unreachable' | 'paper_out' | 'cover_open' | 'printer_error';

const causes: Record<string, { text: string; reason: PrintFailureReason }> = {
  ECONNREFUSED: { text: '连接被拒绝', reason: 'printer_unreachable' },
  ECONNRESET: { text: '连接被断开', reason: 'printer_error' },
  ETIMEDOUT: { text: '打印机无响应（超时）', reason: 'printer_timeout' },
  EHOSTUNREACH: { text: '网络不可达', reason: 'printer_unreachable' },
  ENETUNREACH: { text: '网络不可达', reason: 'printer_unreachable' },
  ENOTFOUND: { text: '找不到该主机', reason: 'printer_unreachable' },
  EAI_AGAIN: { text: '找不到该主机', reason: 'printer_unreachable' },
  ENOENT: { text: '设备不存在，请检查连线和电源', reason: 'printer_unreachable' },
  ENODEV: { text: '设备不存在，请检查连线和电源', reason: 'printer_unreachable' },
  ENXIO: { text: '设备不存在，请检查连线和电源', reason: 'printer_unreachable' },
  EACCES: { text: '没有访问该设备的权限', reason: 'printer_unreachable' },
  EPERM: { text: '没有访问该设备的权限', reason: 'printer_unreachable' },
  EBUSY: { text: '设备正忙', reason: 'printer_error' },
  EIO: { text: '设备读写错误', reason: 'printer_error' },
  PAPER_OUT: { text: '打印机缺纸，请装纸后重试', reason: 'paper_out' },
  COVER_OPEN: { text: '打印机纸仓盖未合上，请合上后重试', reason: 'cover_open' },
};

class Failure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function unavailable(target: string, e: unknown): AppError {
  const code = (e as { code?: string })?.code ?? '';
  const cause = causes[code] ?? { text: '未知错误', reason: 'printer_error' as const };
  const what = cause.reason === 'printer_unreachable' ? '打印机无法连接' : '打印机无法打印';
  return new AppError('PRINTER_UNAVAILABLE', `${what} (${target})：${cause.text}。兑换已保存，可稍后补打。`, {
    target,
    cause: code || String(e),
    reason: cause.reason,
  });
}

function sendTcp(host: string, port: number, bytes: Buffer, o: Required<TransportOptions>, hooks: SendHooks): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let settled = false;
    let answers = Buffer.alloc(0);
    // 'status': waiting for the two answers; 'job': sent, waiting for the trailing answer (known
    // status) or for the socket to flush (unknown status).
    let phase: 'connect' | 'status' | 'job' = 'connect';
    let statusKnown = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(statusTimer);
      if (err) {
        socket.destroy();
        reject(err);
        return;
      }
      // Let the printer close its side: closing ours while it still sends status bytes would reset
      // the connection and could drop the tail of the job. A printer that keeps it open is done anyway.
      socket.end();
      const grace = setTimeout(() => {
        socket.destroy();
        resolve();
      }, 1000);
      socket.once('close', () => {
        clearTimeout(grace);
        resolve();
      });
    };
    const timer = setTimeout(() => settle(new Failure('ETIMEDOUT')), o.timeoutMs);
    let statusTimer: NodeJS.Timeout | undefined;
    const print = () => {
      if (phase !== 'status' || settled) return;
      clearTimeout(statusTimer);
      const status = parseStatus(answers.subarray(0, 2));
      if (status === 'paper_out') return settle(new Failure('PAPER_OUT'));
      if (status === 'cover_open') return settle(new Failure('COVER_OPEN'));
      statusKnown = status === 'ready';
      phase = 'job';
      hooks.onSending?.();
      if (statusKnown) {
        // A printer that answers status answers this one only after reading the whole job: that,
        // not the socket taking the bytes, is what "printed" means here.
        socket.write(Buffer.concat([bytes, trailingQuery]));
      } else {
        socket.end(bytes);
      }
    };
    socket.on('error', (e) => settle(e));
    socket.on('connect', () => {
      phase = 'status';
      socket.write(statusQuery);
      statusTimer = setTimeout(print, o.statusTimeoutMs);
    });
    socket.on('data', (chunk: Buffer) => {
      answers = Buffer.concat([answers, chunk]);
      if (phase === 'status' && answers.length >= 2) print();
      else if (phase === 'job' && statusKnown && answers.length >= 3) settle();
    });
    socket.on('finish', () => {
      if (phase === 'job' && !statusKnown) settle();
    });
  });
}

function sendDevice(path: string, bytes: Buffer, o: Required<TransportOptions>, hooks: SendHooks): Promise<void> {
  // The child may finish after the timeout: the bytes were handed over, so they count as sent now.
  hooks.onSending?.();
  const write = writeDevice(devicePath(path), bytes);
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new Failure('ETIMEDOUT'));
      setTimeout(() => write.kill(), o.lateWindowMs).unref();
    }, o.timeoutMs);
    write.done.then(
      () => {
        clearTimeout(timer);
        if (timedOut) hooks.onLateDone?.();
        else resolve();
      },
      (e: unknown) => {
        clearTimeout(timer);
        if (!timedOut) reject(e);
      },
    );
  });
}

/** Sends raw bytes to `tcp://host:port` or to a device path; every failure is PRINTER_UNAVAILABLE with a reason. */
export function createTransport(opts: TransportOptions = {}): PrinterTransport {
  const o: Required<TransportOptions> = {
    timeoutMs: opts.timeoutMs ?? 5000,
    statusTimeoutMs: opts.statusTimeoutMs ?? 500,
    lateWindowMs: opts.lateWindowMs ?? 10 * 60_000,
  };
  return {
    async send(target, bytes, hooks = {}) {
      const t = target.startsWith('tcp://') ? parsePrinterTarget(target) : { kind: 'device' as const, path: target };
      if (!t) throw new AppError('PRINTER_UNAVAILABLE', `打印机地址无效 (${target})`, { reason: 'printer_address_invalid', target });
      try {
        if (t.kind === 'tcp') await sendTcp(t.host, t.port, bytes, o, hooks);
        else await sendDevice(t.path, bytes, o, hooks);
      } catch (e) {
        throw unavailable(target, e);
      }
    },
  };
}

export const defaultTransport: PrinterTransport = createTransport();
