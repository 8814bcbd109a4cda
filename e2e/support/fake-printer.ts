import net from 'node:net';

/**
 * How the fake behaves, per connection:
 * - normal: reads and keeps the job, answers real-time status (DLE EOT n) "ready";
 * - no-status: reads and keeps the job, never answers status (a printer without DLE EOT);
 * - stall: accepts and never reads, like a printer whose buffer is full (writes stall once the
 *   socket buffers fill);
 * - paper-out / cover-open: answers DLE EOT with the paper-end / cover-open bits, keeps what it is sent.
 */
export type FakePrinterMode = 'normal' | 'no-status' | 'stall' | 'paper-out' | 'cover-open';

const DLE = 0x10,
  EOT = 0x04;

/** The one-byte answer to DLE EOT n in each mode (ESC/POS: bits 1 and 4 always set). */
function statusByte(mode: FakePrinterMode, n: number): number {
  const base = n === 1 ? 0x16 : 0x12;
  if (mode === 'paper-out') return n === 4 ? base | 0x60 : n === 2 ? base | 0x20 : base;
  if (mode === 'cover-open') return n === 2 ? base | 0x04 : base;
  return base;
}

/** The job without its status queries: what the printer would put on paper. */
function withoutStatusQueries(buf: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === DLE && buf[i + 1] === EOT && i + 2 < buf.length) i += 2;
    else out.push(buf[i]);
  }
  return Buffer.from(out);
}

/**
 * A network ESC/POS printer on 127.0.0.1 that keeps what it is sent: each connection is one job
 * (status queries stripped). `goOffline()` stops listening (connections are refused) and
 * `goOnline()` comes back on the same port; `mode` sets how it answers (see FakePrinterMode).
 */
export class FakePrinter {
  readonly jobs: Buffer[] = [];
  port = 0;
  mode: FakePrinterMode = 'normal';
  /** Status queries answered so far (DLE EOT n, by n). */
  readonly statusQueries: number[] = [];

  /** Kept for older tests: true is mode 'stall'. */
  get stall(): boolean {
    return this.mode === 'stall';
  }
  set stall(on: boolean) {
    this.mode = on ? 'stall' : 'normal';
  }
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
    this.statusQueries.length = 0;
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
    const mode = this.mode;
    if (mode === 'stall') {
      socket.pause();
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {});
      return;
    }
    const chunks: Buffer[] = [];
    let seen = Buffer.alloc(0);
    let scanned = 0;
    socket.on('data', (c) => {
      chunks.push(c);
      if (mode === 'no-status') return;
      // Real-time commands are answered as they arrive, even mid-job; a query may span chunks.
      seen = Buffer.concat([seen, c]);
      for (; scanned + 2 < seen.length; scanned++) {
        if (seen[scanned] !== DLE || seen[scanned + 1] !== EOT) continue;
        const n = seen[scanned + 2];
        this.statusQueries.push(n);
        socket.write(Buffer.from([statusByte(mode, n)]));
        scanned += 2;
      }
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      const job = withoutStatusQueries(Buffer.concat(chunks));
      if (job.length === 0) return; // a connection check or a status query, not a job
      this.jobs.push(job);
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
    '1b40': 2,
    '1b61': 3,
    '1b45': 3,
    '1b21': 3,
    '1b64': 3,
    '1b74': 3,
    '1b4d': 3,
    '1b2d': 3,
    '1b32': 2,
    '1c26': 2,
    '1c2e': 2,
    '1c21': 3,
    '1d21': 3,
    '1d42': 3,
  },
  star: {
    '1b40': 2,
    '1b24': 3,
    '1b1d61': 4,
    '1b1d74': 4,
    '1b45': 2,
    '1b46': 2,
    '1b69': 4,
    '1b64': 3,
    '1b70': 2,
    '1b71': 2,
    '1b2d': 3,
    '0b': 1,
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
