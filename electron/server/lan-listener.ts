import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { LanSettings, LanStatus } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { lanUrl } from '../core/domains/machine/lan.js';

/** The machine's IPv4 addresses, loopback included (a browser on this PC may use it). */
export function ipv4Interfaces(): { name: string; address: string; internal: boolean }[] {
  return Object.entries(networkInterfaces()).flatMap(([name, list]) =>
    (list ?? []).filter((i) => i.family === 'IPv4').map((i) => ({ name, address: i.address, internal: i.internal })),
  );
}

/**
 * The office's second listener, for counters and phones on the LAN: the same API and UI as the
 * local one, on the interface and port an admin chose. Moving it opens the new address first, so
 * a refused address (in use, gone) leaves the old one serving.
 */
export class LanListener {
  private server: Server | null = null;
  private current: LanSettings | null = null;
  private lastError: string | null = null;

  constructor(private readonly make: () => Server) {}

  status(): LanStatus {
    return { listening: this.server !== null, url: this.current ? lanUrl(this.current) : null, error: this.lastError };
  }

  async apply(lan: LanSettings): Promise<LanStatus> {
    const same = this.current && lan.enabled && this.current.host === lan.host && this.current.port === lan.port;
    if (same) return this.status();
    if (!lan.enabled) {
      await this.close();
      this.lastError = null;
      return this.status();
    }
    const next = this.make();
    try {
      await new Promise<void>((ok, fail) => {
        next.once('error', fail);
        next.listen(lan.port, lan.host, () => {
          next.off('error', fail);
          ok();
        });
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      this.lastError = `${lan.host}:${lan.port} ${code || (e as Error).message}`;
      const why =
        code === 'EADDRINUSE'
          ? '端口已被占用 (port in use)'
          : code === 'EADDRNOTAVAIL'
            ? '本机没有这个地址 (address not available)'
            : code === 'EACCES'
              ? '没有权限使用此端口 (not permitted)'
              : (e as Error).message;
      throw new AppError('CONFLICT', `无法在 ${lan.host}:${lan.port} 上开启局域网访问：${why}`, { reason: 'lan_bind_failed', errno: code });
    }
    await this.close();
    this.server = next;
    this.current = { ...lan };
    this.lastError = null;
    return this.status();
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    this.current = null;
    if (!s) return;
    await new Promise<void>((ok) => {
      s.close(() => ok());
      s.closeAllConnections();
    });
  }
}
