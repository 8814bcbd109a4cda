import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Imports that reach run time (`import type` is erased by the build). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'|^export\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? m[2]);
}

/** Relative imports and the `@shared/…` alias (electron/…) are the project's own modules. */
const isLocal = (spec: string) => spec.startsWith('.') || spec.startsWith('@shared/');

function resolveTs(from: string, spec: string): string {
  const path = spec.replace(/\.js$/, '');
  const base = path.startsWith('@shared/') ? join(repo, 'electron', path.slice('@shared/'.length)) : resolve(dirname(from), path);
  for (const c of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      /* next */
    }
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

describe('modules the renderer shares with electron/', () => {
  it('are pure: nothing the UI pulls from electron/ imports Node or a server-side package, however deep', () => {
    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (file: string, via: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        if (isLocal(spec)) visit(resolveTs(file, spec), `${via} → ${relative(repo, file)}`);
        else offending.push(`${relative(repo, file)} imports '${spec}' (${via})`);
      }
    };
    for (const file of sources(here)) {
      for (const spec of runtimeImports(file)) {
        if (!isLocal(spec)) continue;
        const target = resolveTs(file, spec);
        if (relative(repo, target).startsWith('electron')) visit(target, relative(repo, file));
      }
    }
    // The shared ones: roles, period rules, receipt layout and display width, the day-close slip.
    expect([...seen].map((f) => relative(repo, f)).sort()).toEqual(
      expect.arrayContaining(['electron/print/display-width.ts', 'electron/print/receipt-layout.ts']),
    );
    expect(offending).toEqual([]);
  });
});
