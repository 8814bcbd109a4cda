import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

/** The URL prefix under which the office serves its update feed to counters on the LAN. */
export const updatesPrefix = '/updates/';

// Release files are ASCII (build/electron-builder.yml artifactName); anything else is not ours.
const feedName = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/**
 * The file a request under /updates/ names, or null. Only plain names in the folder itself: no
 * subfolders, no "..", no dot files, no symlink that leads out of the folder.
 */
export function updateFeedFile(updatesDir: string, urlPath: string): string | null {
  if (!urlPath.startsWith(updatesPrefix)) return null;
  let name: string;
  try {
    name = decodeURIComponent(urlPath.slice(updatesPrefix.length));
  } catch {
    return null;
  }
  if (!feedName.test(name) || name.includes('..')) return null;
  try {
    const dir = realpathSync(updatesDir);
    const file = realpathSync(join(dir, name));
    if (!file.startsWith(dir + sep) || !statSync(file).isFile()) return null;
    return file;
  } catch {
    return null;
  }
}

const feedTypes: Record<string, string> = { '.yml': 'text/yaml; charset=utf-8', '.yaml': 'text/yaml; charset=utf-8', '.json': 'application/json' };

/** GET/HEAD /updates/<name>: the feed's index files and installers, read-only. */
export function serveUpdateFeed(updatesDir: string, method: string, urlPath: string, res: ServerResponse): void {
  const plain = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { ...plain, allow: 'GET, HEAD' });
    res.end('method not allowed');
    return;
  }
  const file = updateFeedFile(updatesDir, urlPath);
  if (!file) {
    res.writeHead(404, plain);
    res.end('not found');
    return;
  }
  const ext = extname(file).toLowerCase();
  res.writeHead(200, {
    'content-type': feedTypes[ext] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'x-content-type-options': 'nosniff',
    // The index changes with each release; an installer of a given name never does.
    'cache-control': ext in feedTypes ? 'no-cache' : 'public, max-age=86400',
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
