import net from 'node:net';

/**
 * A network ESC/POS printer on 127.0.0.1 that keeps what it is sent: each connection is one job.
 * `goOffline()` stops listening (connections are refused) and `goOnline()` comes back on the same
 * port; `stall = true` accepts connections but never reads, like a printer whose buffer is full.
 */
export class FakePrinter {
  readonly jobs: Buffer[] = [];
  port = 0;
  stall = false;
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly listeners = new Set<() => void>();

  get target(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  async start(port = this.port): Promise<this> {
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this;
  }

  async goOffline(): Promise<void> {
    await this.stop();
  }

  async goOnline(): Promise<void> {
    await this.start(this.port);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  clear(): void {
    this.jobs.length = 0;
  }

  /** Resolves with the jobs once at least `n` have arrived. */
  waitForJobs(n: number, timeoutMs = 5000): Promise<Buffer[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.jobs.length < n) return;
        cleanup();
        resolve(this.jobs.slice());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake printer: expected ${n} job(s), got ${this.jobs.length} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    if (this.stall) {
      socket.pause();
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {});
      return;
    }
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => socket.end());
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (chunks.length === 0) return; // a connection check, not a job
      this.jobs.push(Buffer.concat(chunks));
      for (const l of [...this.listeners]) l();
    });
  }
}

/**
 * The commands the app emits, by their leading bytes, with their total length. Decoding refuses
 * anything else, so a stray byte in a receipt (an unexpected command, a control character from a
 * name) fails the test instead of vanishing.
 */
const commands: Record<'epson' | 'star', Record<string, number>> = {
  epson: {
    '1b40': 2, '1b61': 3, '1b45': 3, '1b21': 3, '1b64': 3, '1b74': 3, '1b4d': 3, '1b2d': 3, '1b32': 2,
    '1c26': 2, '1c2e': 2, '1c21': 3, '1d21': 3, '1d42': 3,
  },
  star: {
    '1b40': 2, '1b24': 3, '1b1d61': 4, '1b1d74': 4, '1b45': 2, '1b46': 2, '1b69': 4, '1b64': 3,
    '1b70': 2, '1b71': 2, '1b2d': 3, '0b': 1,
  },
};

function commandLength(buf: Buffer, i: number, type: 'epson' | 'star'): number {
  // GS V m (cut) takes one more byte for the feed-and-cut forms m = 65, 66.
  if (type === 'epson' && buf[i] === 0x1d && buf[i + 1] === 0x56) return buf[i + 2] === 65 || buf[i + 2] === 66 ? 4 : 3;
  for (const len of [3, 2, 1]) {
    const n = commands[type][buf.subarray(i, i + len).toString('hex')];
    if (n) return n;
  }
  throw new Error(`fake printer: unknown ${type} command at byte ${i}: ${buf.subarray(i, i + 4).toString('hex')}`);
}

/**
 * The text of a job: command sequences stripped, GB18030 decoded, one receipt line per line.
 * Safe to scan byte by byte because no GB18030 multi-byte code holds a byte below 0x30.
 */
export function decodeText(buf: Buffer, type: 'epson' | 'star' = 'epson'): string {
  const text: number[] = [];
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b === 0x0a || b >= 0x20) {
      text.push(b);
      i++;
    } else if (b === 0x0d) {
      i++;
    } else {
      i += commandLength(buf, i, type);
    }
  }
  return new TextDecoder('gb18030', { fatal: true }).decode(Buffer.from(text));
}
