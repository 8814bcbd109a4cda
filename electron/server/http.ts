import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Dispatcher } from '../core/dispatcher.js';
import { errorStatus } from '../core/errors.js';
import { appVersion } from './version.js';
import { handleSyncRequest } from '../sync/routes.js';

const maxBody = 32 * 1024 * 1024; // an Excel roster travels as base64

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
};

// antd writes its styles at run time, hence 'unsafe-inline' for styles only; scripts stay 'self'.
export const browserCsp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        fail(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
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

/** POST /api/<method> over the same dispatcher as IPC; GET serves the built UI for browsers on the LAN. */
export function createHttpServer(dispatcher: Dispatcher, opts: { staticDir?: string } = {}): Server {
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/api/health') {
        return send(res, 200, { result: { ok: true, version: appVersion } });
      }
      if (url.pathname.startsWith('/sync/')) {
        let raw: string;
        try {
          raw = await readBody(req);
        } catch {
          return; // cut off mid-body: nothing was applied, the counter will resend
        }
        const reply = handleSyncRequest(dispatcher.deps, { method: req.method ?? '', path: url.pathname, headers: req.headers, body: raw, address: req.socket.remoteAddress });
        return send(res, reply.status, reply.body);
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, { error: { code: 'INVALID_INPUT', message: '请使用 POST (use POST)' } });
        const method = url.pathname.slice('/api/'.length);
        let params: unknown;
        try {
          const raw = await readBody(req);
          params = raw.trim() === '' ? undefined : JSON.parse(raw);
        } catch {
          return send(res, 400, { error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON (body is not valid JSON)' } });
        }
        const auth = req.headers.authorization;
        const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
        const reply = await dispatcher.call(method, params, token);
        return send(res, 'error' in reply ? errorStatus[reply.error.code] : 200, reply);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: { code: 'INVALID_INPUT', message: 'method not allowed' } });
      if (!opts.staticDir) return send(res, 404, { error: { code: 'NOT_FOUND', message: 'not found' } });
      serveStatic(opts.staticDir, url.pathname, res);
    } catch (e) {
      console.error('[http] unexpected error', e);
      if (!res.headersSent) send(res, 500, { error: { code: 'INTERNAL', message: '内部错误 (internal error)' } });
    }
  });
}
