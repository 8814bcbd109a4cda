import { constants, promises as fs } from 'node:fs';
import net from 'node:net';
import { AppError } from '../core/errors.js';
import { devicePath, parsePrinterTarget } from './printer-target.js';

/** Delivers one print job. The core depends on this shape only, so tests can swap it. */
export interface PrinterTransport {
  send(target: string, bytes: Buffer): Promise<void>;
}

export interface TransportOptions {
  /** How long a job may take, connecting included, before the printer counts as unreachable. */
  timeoutMs?: number;
}

const reasons: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝',
  ECONNRESET: '连接被断开',
  ETIMEDOUT: '连接超时',
  EHOSTUNREACH: '网络不可达',
  ENETUNREACH: '网络不可达',
  ENOTFOUND: '找不到该主机',
  EAI_AGAIN: '找不到该主机',
  ENOENT: '设备不存在，请检查连线和电源',
  ENODEV: '设备不存在，请检查连线和电源',
  ENXIO: '设备不存在，请检查连线和电源',
  EACCES: '没有访问该设备的权限',
  EPERM: '没有访问该设备的权限',
  EBUSY: '设备正忙',
  EIO: '设备读写错误',
};

class Timeout extends Error {
  readonly code = 'ETIMEDOUT';
}

function unavailable(target: string, e: unknown): AppError {
  const code = (e as { code?: string })?.code ?? '';
  const reason = reasons[code] ?? '未知错误';
  return new AppError('PRINTER_UNAVAILABLE', `打印机无法连接 (${target})：${reason}。兑换已保存，可稍后补打。`, { reason: 'printer_unreachable', target, cause: code || String(e) });
}

function sendTcp(host: string, port: number, bytes: Buffer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let settled = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        socket.destroy();
        reject(err);
        return;
      }
      resolve();
      // Wait for the printer to close its side: closing ours while it still sends status bytes
      // would reset the connection and could drop the tail of the job.
      setTimeout(() => socket.destroy(), 2000).unref();
    };
    const timer = setTimeout(() => settle(new Timeout()), timeoutMs);
    socket.on('error', (e) => settle(e));
    socket.on('connect', () => {
      socket.resume();
      socket.end(bytes);
    });
    socket.on('finish', () => settle());
  });
}

async function sendDevice(path: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  // No O_CREAT: a missing device must fail, not leave a file where the printer should be.
  const write = (async () => {
    const fh = await fs.open(devicePath(path), constants.O_WRONLY);
    try {
      await fh.write(bytes);
    } finally {
      await fh.close();
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), timeoutMs);
  });
  write.catch(() => {}); // after a timeout the write may still fail; it has already been reported
  try {
    await Promise.race([write, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends raw bytes to `tcp://host:port` or to a device path; every failure is PRINTER_UNAVAILABLE. */
export function createTransport(opts: TransportOptions = {}): PrinterTransport {
  const timeoutMs = opts.timeoutMs ?? 3000;
  return {
    async send(target, bytes) {
      const t = target.startsWith('tcp://') ? parsePrinterTarget(target) : { kind: 'device' as const, path: target };
      if (!t) throw new AppError('PRINTER_UNAVAILABLE', `打印机地址无效 (${target})`, { reason: 'printer_address_invalid', target });
      try {
        if (t.kind === 'tcp') await sendTcp(t.host, t.port, bytes, timeoutMs);
        else await sendDevice(t.path, bytes, timeoutMs);
      } catch (e) {
        throw unavailable(target, e);
      }
    },
  };
}

export const defaultTransport: PrinterTransport = createTransport();
