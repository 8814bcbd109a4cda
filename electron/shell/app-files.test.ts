import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, rendererFileFor } from './app-files.js';

const root = path.resolve('/srv/app/dist/renderer');

describe('app:// file mapping', () => {
  it('serves index.html for the root and for client-side routes', () => {
    expect(rendererFileFor(root, 'app://pos/')).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://pos/counter/redeem')).toBe(path.join(root, 'index.html'));
  });

  it('serves built assets from inside the renderer dir', () => {
    expect(rendererFileFor(root, 'app://pos/assets/index-abc.js?v=1')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it.each(['app://pos/%2e%2e/%2e%2e/secret.db', 'app://pos/assets/..%2f..%2f..%2fpoints.db', 'app://pos/../../../../etc/passwd'])(
    'never resolves %s outside the renderer dir',
    (url) => {
      const file = rendererFileFor(root, url);
      expect(file === null || file.startsWith(root + path.sep)).toBe(true);
    },
  );

  it('refuses backslashes and NUL bytes outright', () => {
    expect(rendererFileFor(root, 'app://pos/..%5c..%5cpoints.db')).toBeNull();
    expect(rendererFileFor(root, 'app://pos/a%00.js')).toBeNull();
  });

  it('refuses other hosts and malformed URLs', () => {
    expect(rendererFileFor(root, 'app://other/index.html')).toBeNull();
    expect(rendererFileFor(root, 'app://pos/%E0%A4%A.js')).toBeNull();
    expect(rendererFileFor(root, 'nonsense')).toBeNull();
  });

  it('labels the types the bundle uses', () => {
    expect(mimeTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeOf('a/x.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeOf('a/x.css')).toMatch(/^text\/css/);
    expect(mimeTypeOf('a/x.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a/x.bin')).toBe('application/octet-stream');
  });
});
