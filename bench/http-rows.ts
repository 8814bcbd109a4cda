/**
 * The HTTP rows of the bench: the same dispatcher behind the real server (electron/server/http.ts)
 * on loopback, called with a keep-alive agent, and bare node:http endpoints in the same process that
 * do one durable single-row INSERT transaction, or one indexed SELECT: what any HTTP write or read
 * costs on this machine before the app adds anything.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from '../electron/core/dispatcher.js';
import { createHttpServer } from '../electron/server/http.js';

export interface HttpClient {
  post(path: string, body: unknown, token?: string): Promise<unknown>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(server: Server, host: string): HttpClient {
  const [hostname, port] = host.split(':');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    post: (path, body, token) =>
      new Promise((ok, fail) => {
        const payload = JSON.stringify(body);
        const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
        if (token) headers.authorization = `Bearer ${token}`;
        const req = request({ hostname, port: Number(port), path, method: 'POST', headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: unknown; error?: { message: string } };
            if (reply.error) fail(new Error(`${path}: ${reply.error.message}`));
            else ok(reply.result);
          });
        });
        req.on('error', fail);
        req.end(payload);
      }),
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/**
 * An idle connection outlives the bench's in-process rows: at county scale those run for minutes without
 * yielding to the event loop, and a server's keep-alive timer firing behind a request just written on
 * the reused socket resets it.
 */
const benchKeepAliveMs = 60 * 60_000;

/** The app's own server over the given dispatcher. */
export async function appOverHttp(d: Dispatcher): Promise<HttpClient> {
  const server = createHttpServer(d, { timeouts: { keepAliveMs: benchKeepAliveMs } });
  return client(server, await listen(server));
}

/** A bare endpoint: read the JSON body, run `work` (one INSERT transaction, or one SELECT), answer JSON. */
export async function bareEndpoint(work: (i: number) => void): Promise<HttpClient> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { i } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { i: number };
      work(i);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ result: { ok: true } }));
    });
  });
  server.keepAliveTimeout = benchKeepAliveMs;
  return client(server, await listen(server));
}
