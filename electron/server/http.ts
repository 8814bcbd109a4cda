import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { handlers } from '../app-contract.js';
import type { Dispatcher } from '../core/dispatcher.js';
import { errorStatus } from '../core/errors.js';
import type { AnyHandler } from '../core/handler.js';
import { allows } from '../core/roles.js';
import { JsonBodyError, parseJsonBody } from '../core/safe-json.js';
import { resolveSession } from '../core/domains/auth/sessions.js';
import { appVersion } from './version.js';
import { backupDownloadPrefix, serveBackupDownload } from './backup-download.js';
import { handleSyncRequest } from '../sync/routes.js';
import { HostAllowList, hostAllowed, originAllowed } from './allowed-hosts.js';
import { BodyTooLarge, bodyLimits, readBody } from './body-limits.js';
import { refuse, send } from './json-reply.js';
import { logSyncReply } from './log-events.js';
import type { AppLog } from './log-file.js';
import { serveUpdateFeed, updatesPrefix } from './update-feed.js';

export interface HttpTimeouts {
  /** Until the request's headers are in. */
  headersMs: number;
  /** Until the whole request, body included, is in: a half-sent body is cut off after this. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
}

// 30 s carries a 24 MB roster at under 1 MB/s; nothing else sent to this server is near that size.
export const defaultTimeouts: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

/** POS_HTTP_HEADERS_TIMEOUT_MS, POS_HTTP_REQUEST_TIMEOUT_MS, POS_HTTP_KEEPALIVE_TIMEOUT_MS (tests shorten them). */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<HttpTimeouts> {
  const out: Partial<HttpTimeouts> = {};
  const read = (name: string, key: keyof HttpTimeouts) => {
    const n = Number(env[name]);
    if (env[name] !== undefined && Number.isInteger(n) && n > 0) out[key] = n;
  };
  read('POS_HTTP_HEADERS_TIMEOUT_MS', 'headersMs');
  read('POS_HTTP_REQUEST_TIMEOUT_MS', 'requestMs');
  read('POS_HTTP_KEEPALIVE_TIMEOUT_MS', 'keepAliveMs');
  return out;
}

export interface HttpOptions {
  staticDir?: string;
  timeouts?: Partial<HttpTimeouts>;
  /** The office's update feed for its counters (GET /updates/<file>); absent, there is none. */
  updatesDir?: string;
  /** Pairing, refused sync requests and internal errors are logged here. */
  log?: AppLog;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// antd writes its styles at run time, hence 'unsafe-inline' for styles only; scripts stay 'self'.
export const browserCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const tooLarge = (res: ServerResponse, limit: number) =>
  refuse(res, 413, 'INVALID_INPUT', 'body_too_large', `请求内容过大，上限 ${Math.round(limit / 1024)} KB (body too large)`, true);

/** application/json, with or without parameters: a page elsewhere cannot send it without a CORS preflight. */
function isJson(req: IncomingMessage): boolean {
  const ct = req.headers['content-type'];
  return typeof ct === 'string' && ct.split(';')[0].trim().toLowerCase() === 'application/json';
}

function bearer(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return send(res, 400, { error: { code: 'INVALID_INPUT', message: '地址编码有误 (malformed URL)' } });
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  let file = resolve(root, rel);
  if (!file.startsWith(resolve(root) + sep) && file !== resolve(root)) return send(res, 404, { error: { code: 'NOT_FOUND', message: 'not found' } });
  // Client-side routes fall back to the app shell.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建，请运行 npm run build (the UI is not built yet)');
    return;
  }
  const ext = extname(file);
  res.writeHead(200, {
    'content-type': contentTypes[ext] ?? 'application/octet-stream',
    'content-security-policy': browserCsp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
}

/**
 * POST /api/<method> over the same dispatcher as IPC; GET serves the built UI for browsers on the LAN.
 * The edge refuses, before any handler runs: a Host not in the allow-list (DNS rebinding), a POST
 * that is not application/json (a cross-site "simple" request) or that comes from another origin,
 * and a body over the caller's limit (the token is checked before a large body is read).
 */
export function createHttpServer(dispatcher: Dispatcher, opts: HttpOptions = {}): Server {
  const t = { ...defaultTimeouts, ...opts.timeouts };
  const hosts = new HostAllowList();

  /** The limit for a signed-in caller: asked only once a body passes the unauthenticated cap. */
  function signedInLimit(method: string, token: string | undefined): number {
    const { db, clock } = dispatcher.deps;
    let roles;
    try {
      roles = resolveSession(db, token, clock.now()).roles;
    } catch {
      return bodyLimits.unauthenticated;
    }
    const def = Object.hasOwn(handlers, method) ? (handlers as Record<string, AnyHandler>)[method] : undefined;
    const larger = Object.hasOwn(bodyLimits.methods, method) ? bodyLimits.methods[method] : undefined;
    return larger !== undefined && def && allows(def.access, roles) ? larger : bodyLimits.signedIn;
  }

  async function answerApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const token = bearer(req);
    let raw: string;
    try {
      raw = await readBody(req, bodyLimits.unauthenticated, () => signedInLimit(method, token));
    } catch (e) {
      if (e instanceof BodyTooLarge) tooLarge(res, e.limit);
      return; // otherwise the caller went away mid-body
    }
    let params: unknown;
    try {
      params = parseJsonBody(raw);
    } catch (e) {
      const reason = e instanceof JsonBodyError ? e.reason : 'invalid_json';
      return refuse(res, 400, 'INVALID_INPUT', reason, e instanceof Error ? e.message : 'invalid JSON');
    }
    const reply = await dispatcher.call(method, params, token);
    if ('error' in reply && reply.error.code === 'INTERNAL') opts.log?.error('接口内部错误 (internal error)', undefined, { method });
    send(res, 'error' in reply ? errorStatus[reply.error.code] : 200, reply);
  }

  async function answerSync(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    let raw: string;
    try {
      raw = await readBody(req, Object.hasOwn(bodyLimits.sync, path) ? bodyLimits.sync[path] : bodyLimits.unauthenticated);
    } catch (e) {
      if (e instanceof BodyTooLarge) tooLarge(res, e.limit);
      return; // cut off mid-body: nothing was applied, the counter will resend
    }
    const reply = handleSyncRequest(dispatcher.deps, { method: req.method ?? '', path, headers: req.headers, body: raw, address: req.socket.remoteAddress });
    if (opts.log) logSyncReply(opts.log, path, reply.status, req.socket.remoteAddress);
    send(res, reply.status, reply.body);
  }

  const server = createServer(
    {
      headersTimeout: Math.min(t.headersMs, t.requestMs),
      requestTimeout: t.requestMs,
      // How often Node looks for requests past their timeouts (its default is 30 s, on top of the timeout).
      connectionsCheckingInterval: Math.min(1000, t.requestMs),
    },
    async (req, res) => {
      try {
        const port = req.socket.localPort ?? 0;
        // Asked of the OS once per listen, not per request (server.address() is a getsockname call).
        const bound = (boundAddress ??= (server.address() as AddressInfo | null)?.address ?? '');
        const allowed = hosts.current(dispatcher.deps.db, bound);
        if (!hostAllowed(req.headers.host, allowed, port)) {
          return refuse(res, 421, 'FORBIDDEN', 'host_not_allowed', '不接受这个访问地址 (host not allowed)', true);
        }
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/api/health') {
          return send(res, 200, { result: { ok: true, version: appVersion } });
        }
        const isApi = url.pathname.startsWith('/api/');
        const isSync = url.pathname.startsWith('/sync/');
        if (isApi && req.method !== 'POST') return refuse(res, 405, 'INVALID_INPUT', 'method_not_allowed', '请使用 POST (use POST)');
        if ((isApi || isSync) && req.method === 'POST') {
          if (!isJson(req))
            return refuse(res, 415, 'INVALID_INPUT', 'content_type', '请求内容类型应为 application/json (content type must be application/json)', true);
          const origin = req.headers.origin;
          if (origin !== undefined && !originAllowed(origin, allowed, port)) {
            return refuse(res, 403, 'FORBIDDEN', 'origin_not_allowed', '不接受来自其他网页的请求 (origin not allowed)', true);
          }
        }
        if (url.pathname.startsWith(backupDownloadPrefix)) return serveBackupDownload(dispatcher.deps, req, res, url.pathname, bearer(req));
        if (opts.updatesDir && url.pathname.startsWith(updatesPrefix)) return serveUpdateFeed(opts.updatesDir, req.method ?? '', url.pathname, res);
        if (isSync) return await answerSync(req, res, url.pathname);
        if (isApi) return await answerApi(req, res, url.pathname.slice('/api/'.length));
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'INVALID_INPUT', 'method_not_allowed', '只接受 GET (method not allowed)');
        if (!opts.staticDir) return send(res, 404, { error: { code: 'NOT_FOUND', message: 'not found' } });
        serveStatic(opts.staticDir, url.pathname, res);
      } catch (e) {
        console.error('[http] unexpected error', e);
        if (!res.headersSent) send(res, 500, { error: { code: 'INTERNAL', message: '内部错误 (internal error)' } });
      }
    },
  );
  let boundAddress: string | undefined;
  server.on('listening', () => (boundAddress = undefined));
  server.on('close', () => (boundAddress = undefined));
  server.keepAliveTimeout = t.keepAliveMs;
  return server;
}
