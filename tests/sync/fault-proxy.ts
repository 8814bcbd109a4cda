/**
 * An HTTP proxy between counters and the office that misbehaves the way a village link does: it
 * drops requests and answers, delivers a request twice, delays, delivers an old request after the
 * counter has given up on it and retried (a reorder), and cuts bodies mid-way in both directions.
 * Seeded, so a failing run can be repeated.
 */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Faults {
  /** The request never reaches the office. */
  drop: number;
  /** The office applies it; the answer is lost. */
  dropResponse: number;
  /** Delivered twice (the second is a replay: same nonce). */
  duplicate: number;
  /** Held up to maxDelayMs before delivery. */
  delay: number;
  maxDelayMs: number;
  /** Held longer than the counter waits, then delivered after the counter's retry. */
  reorder: number;
  reorderHoldMs: number;
  /** Half the request body reaches the office, then the connection breaks. */
  truncateRequest: number;
  /** Half the answer reaches the counter, then the connection breaks. */
  truncateResponse: number;
}

export const noFaults: Faults = {
  drop: 0,
  dropResponse: 0,
  duplicate: 0,
  delay: 0,
  maxDelayMs: 0,
  reorder: 0,
  reorderHoldMs: 0,
  truncateRequest: 0,
  truncateResponse: 0,
};

export const villageLink: Faults = {
  drop: 0.06,
  dropResponse: 0.06,
  duplicate: 0.08,
  delay: 0.15,
  maxDelayMs: 400,
  reorder: 0.03,
  reorderHoldMs: 2500,
  truncateRequest: 0.05,
  truncateResponse: 0.05,
};

export type ProxyMode = 'clean' | 'faulty' | 'down';

type Fate = 'drop' | 'truncateRequest' | 'reorder' | 'delay' | 'duplicate' | 'dropResponse' | 'truncateResponse';

export interface ProxyStats {
  requests: number;
  forwarded: number;
  refused: number;
  dropped: number;
  droppedResponses: number;
  duplicated: number;
  delayed: number;
  reordered: number;
  truncatedRequests: number;
  truncatedResponses: number;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class FaultProxy {
  mode: ProxyMode = 'clean';
  faults: Faults;
  readonly stats: ProxyStats = {
    requests: 0,
    forwarded: 0,
    refused: 0,
    dropped: 0,
    droppedResponses: 0,
    duplicated: 0,
    delayed: 0,
    reordered: 0,
    truncatedRequests: 0,
    truncatedResponses: 0,
  };
  private server: Server;
  private random: () => number;
  private pending = new Set<Promise<unknown>>();
  url = '';
  /** Called once the office has answered a request and before the counter hears it: where a test kills a counter mid-push. */
  onForwarded?: (path: string, headers: IncomingHttpHeaders) => Promise<void> | void;

  constructor(
    private target: { host: string; port: number },
    opts: { seed?: number; faults?: Faults } = {},
  ) {
    this.random = prng(opts.seed ?? 1);
    this.faults = opts.faults ?? villageLink;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(port = 0): Promise<string> {
    await new Promise<void>((ok) => this.server.listen(port, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
    await Promise.allSettled([...this.pending]);
  }

  private chance(p: number): boolean {
    return p > 0 && this.random() < p;
  }

  /** One delivery to the office; `cut` sends half the body and then breaks the connection. */
  private forward(req: { method: string; url: string; headers: IncomingHttpHeaders }, body: Buffer, cut = false): Promise<Upstream | null> {
    const p = new Promise<Upstream | null>((ok) => {
      const headers = { ...req.headers, host: `${this.target.host}:${this.target.port}`, connection: 'close' };
      const up = request({ host: this.target.host, port: this.target.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
        readAll(res).then(
          (b) => ok({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
          () => ok(null),
        );
      });
      up.on('error', () => ok(null));
      if (cut) {
        up.write(body.subarray(0, Math.floor(body.length / 2)));
        setTimeout(() => {
          up.destroy();
          ok(null);
        }, 20);
      } else {
        up.end(body);
      }
    });
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    this.stats.forwarded++;
    return p;
  }

  /** Fault kinds still to apply, one per request, before the dice decide again (see forceEach). */
  private forced: Fate[] = [];

  /** Forced faults not yet applied. */
  get forcedPending(): number {
    return this.forced.length;
  }

  /** The next faulty requests get each kind of fault once, in turn: every kind happens, whatever the dice say. */
  forceEach(): void {
    this.forced.push('drop', 'truncateRequest', 'dropResponse', 'duplicate', 'truncateResponse', 'reorder', 'delay');
  }

  private fate(): Fate[] {
    if (this.forced.length) return [this.forced.shift()!];
    const f = this.faults;
    for (const k of ['drop', 'truncateRequest', 'reorder'] as const) if (this.chance(f[k])) return [k];
    const out: Fate[] = [];
    if (this.chance(f.delay)) out.push('delay');
    if (this.chance(f.duplicate)) out.push('duplicate');
    if (this.chance(f.dropResponse)) out.push('dropResponse');
    else if (this.chance(f.truncateResponse)) out.push('truncateResponse');
    return out;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests++;
    let body: Buffer;
    try {
      body = await readAll(req);
    } catch {
      return;
    }
    const head = { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers };
    if (this.mode === 'down') {
      this.stats.refused++;
      res.socket?.destroy();
      return;
    }
    const fate = this.mode === 'faulty' ? this.fate() : [];
    if (fate.includes('drop')) {
      this.stats.dropped++;
      res.socket?.destroy();
      return;
    }
    if (fate.includes('truncateRequest')) {
      this.stats.truncatedRequests++;
      await this.forward(head, body, true);
      res.socket?.destroy();
      return;
    }
    if (fate.includes('reorder')) {
      // The counter gives up and retries; this older copy arrives afterwards.
      this.stats.reordered++;
      const late = sleep(this.faults.reorderHoldMs).then(() => this.forward(head, body));
      this.pending.add(late);
      void late.finally(() => this.pending.delete(late));
      setTimeout(() => res.socket?.destroy(), this.faults.reorderHoldMs + 50);
      return;
    }
    if (fate.includes('delay')) {
      this.stats.delayed++;
      await sleep(this.random() * this.faults.maxDelayMs);
    }
    const answer = await this.forward(head, body);
    await this.onForwarded?.(head.url, head.headers);
    if (fate.includes('duplicate')) {
      this.stats.duplicated++;
      await this.forward(head, body);
    }
    if (!answer) {
      // No answer to spoil (the office is down): a fault meant for the answer waits for the next one.
      this.forced.unshift(...fate.filter((f) => f === 'dropResponse' || f === 'truncateResponse'));
      res.socket?.destroy();
      return;
    }
    if (fate.includes('dropResponse')) {
      this.stats.droppedResponses++;
      res.socket?.destroy();
      return;
    }
    const headers = { 'content-type': String(answer.headers['content-type'] ?? 'application/json'), 'content-length': String(answer.body.length) };
    if (fate.includes('truncateResponse')) {
      this.stats.truncatedResponses++;
      res.writeHead(answer.status, headers);
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }
}
