import type { IncomingMessage } from 'node:http';

const KB = 1024;
const MB = 1024 * KB;

/**
 * How much a request may send. Nobody signed in sends more than a login; a signed-in user sends
 * ordinary calls; only the methods that carry a file may send more, and only to someone whose role
 * may call them. The bearer token is checked before a byte past the small cap is read.
 */
export const bodyLimits = {
  unauthenticated: 64 * KB,
  signedIn: 1 * MB,
  /** Per method, for signed-in callers whose role allows the method. */
  methods: {
    // An Excel roster as base64: the schema allows 20,000,000 characters.
    'households.import': 24 * MB,
    // A 5 MB photo as base64.
    'points.attachPhoto': 8 * MB,
  } as Record<string, number>,
  /** /sync/ routes are signed, not token-bearing; the signature covers the body, so it is read first. */
  sync: { '/sync/pair': 64 * KB, '/sync/pull': 1 * MB, '/sync/push': 8 * MB } as Record<string, number>,
};

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super('body too large');
  }
}

/**
 * Reads the body up to `limit` bytes. When the declared length or the bytes read pass it, `widen`
 * (if given) is asked once for a larger limit, such as the caller's after checking the token.
 * Past the final limit the read stops with BodyTooLarge; nothing more is taken from the socket.
 */
export function readBody(req: IncomingMessage, limit: number, widen?: () => number): Promise<string> {
  return new Promise((ok, fail) => {
    let widened = false;
    const fits = (size: number) => {
      if (size <= limit) return true;
      if (widen && !widened) {
        widened = true;
        limit = Math.max(limit, widen());
      }
      return size <= limit;
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && !fits(declared)) return fail(new BodyTooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (fits(size)) return void chunks.push(c);
      req.off('data', onData);
      req.pause();
      fail(new BodyTooLarge(limit));
    };
    req.on('data', onData);
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
