import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type pg from 'pg';
import { AppError, errorStatus } from '../core/errors.js';
import { browserCsp } from '../server/http.js';
import { appVersion } from '../server/version.js';
import { resolveUser } from './auth.js';
import { acceptVillagePush } from './ingest.js';
import { callCounty } from './methods.js';
import { authenticateVillage, pairVillage } from './pairing.js';
import { villagerPage } from './queries.js';
import { notFoundHtml, villagerHtml } from './villager-html.js';
import { villageDate } from '../core/rules/village-date.js';

// A push is at most 1000 events of a few hundred bytes; nothing the county accepts is larger.
const maxBody = 4 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': browserCsp,
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        fail(new AppError('INVALID_INPUT', '请求过大 (request too large)'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function parseJson(raw: string): unknown {
  try {
    return raw.trim() === '' ? undefined : JSON.parse(raw);
  } catch {
    throw new AppError('INVALID_INPUT', '请求内容不是有效的 JSON (body is not valid JSON)');
  }
}

export interface CountyServerOptions {
  pool: pg.Pool;
  now?: () => Date;
  staticHandler?: (req: IncomingMessage, res: ServerResponse, path: string) => void;
}

/**
 * The county server's HTTP edge: POST /api/<method> (Bearer token, the village's envelope), POST
 * /county/pair (the one-time code is the credential) and /county/push (signed by the village link),
 * and GET /v/<token>, the villager's phone page. Its own small route table: the village's dispatcher
 * runs synchronous SQLite transactions, the county's handlers are asynchronous on PostgreSQL.
 */
export function createCountyServer(o: CountyServerOptions): Server {
  const now = o.now ?? (() => new Date());
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/api/health') return send(res, 200, { result: { ok: true, version: appVersion, role: 'county' } });
      if (url.pathname.startsWith('/v/') && (req.method === 'GET' || req.method === 'HEAD')) {
        const token = url.pathname.slice(3);
        try {
          const t = now();
          return sendHtml(res, 200, villagerHtml(await villagerPage(o.pool, token, Number(villageDate(t, 'Asia/Shanghai').slice(0, 4)))));
        } catch (e) {
          if (e instanceof AppError && e.code === 'NOT_FOUND') return sendHtml(res, 404, notFoundHtml);
          throw e;
        }
      }
      if (req.method !== 'POST' && (url.pathname.startsWith('/api/') || url.pathname.startsWith('/county/'))) {
        return send(res, 405, { error: { code: 'INVALID_INPUT', message: '请使用 POST (use POST)' } });
      }
      if (url.pathname === '/county/pair' || url.pathname === '/county/push') {
        let raw: string;
        try {
          raw = await readBody(req);
        } catch {
          return; // cut off mid-body: nothing applied, the village resends
        }
        try {
          const t = now();
          if (url.pathname === '/county/pair') return send(res, 200, { result: await pairVillage(o.pool, parseJson(raw), t) });
          const link = await authenticateVillage(o.pool, { method: 'POST', path: url.pathname, body: raw, headers: req.headers }, t);
          return send(res, 200, { result: await acceptVillagePush(o.pool, link, parseJson(raw), t) });
        } catch (e) {
          if (e instanceof AppError) return send(res, errorStatus[e.code], { error: e.toBody() });
          throw e;
        }
      }
      if (url.pathname.startsWith('/api/')) {
        try {
          const params = parseJson(await readBody(req));
          const auth = req.headers.authorization;
          const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
          const t = now();
          const result = await callCounty({ pool: o.pool, token, now: t }, url.pathname.slice(5), params, () => resolveUser(o.pool, token, t));
          return send(res, 200, { result });
        } catch (e) {
          if (e instanceof AppError) return send(res, errorStatus[e.code], { error: e.toBody() });
          throw e;
        }
      }
      if (o.staticHandler && (req.method === 'GET' || req.method === 'HEAD')) return o.staticHandler(req, res, url.pathname);
      return send(res, 404, { error: { code: 'NOT_FOUND', message: 'not found' } });
    } catch (e) {
      console.error('[county] unexpected error', e);
      if (!res.headersSent) send(res, 500, { error: { code: 'INTERNAL', message: '内部错误 (internal error)' } });
    }
  });
}
