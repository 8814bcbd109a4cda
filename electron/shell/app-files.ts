import path from 'node:path';
import { appHost } from './security.js';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app://pos/... request to a file under the built renderer, or null when it must be refused.
 * Paths without an extension are client-side routes and get index.html. Anything that would resolve
 * outside rootDir (../, encoded separators) is refused, since the protocol handler can read any file.
 */
export function rendererFileFor(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = path.resolve(rootDir);
  const wanted = pathname === '/' || path.posix.extname(pathname) === '' ? '/index.html' : pathname;
  const file = path.resolve(root, `.${path.posix.normalize(wanted)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}
