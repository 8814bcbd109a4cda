// Fails if the production build reaches test code: vitest, fast-check or the test helpers.
// Run after `tsc -p tsconfig.electron.json` (into a clean dist-electron) and `vite build`.
// The Electron main is checked by its imports (tsc keeps them as written); the UI bundle, where
// imports are inlined, by the module ids Vite records in its guard (vite.config.ts) and here by text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const testPackages = /^(vitest|@vitest\/.*|fast-check|@playwright\/test|playwright)(\/.*)?$/;
const testFiles = /(^|\/)([^/]*\.test|test-support|fuzz-support)\.js$/;

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? jsFiles(p) : /\.m?js$/.test(e.name) ? [p] : [];
  });
}

const specifiers = (text) => [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);

const problems = [];
const [main, ui] = ['dist-electron', join('dist', 'renderer')];
for (const dir of [main, ui]) if (!existsSync(dir)) problems.push(`${dir} is missing: build it first (tsc -p tsconfig.electron.json, vite build)`);

if (existsSync(main)) {
  for (const file of jsFiles(main)) {
    const rel = relative(main, file).split('\\').join('/');
    if (testFiles.test(rel)) problems.push(`${main}/${rel} is test code`);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (testPackages.test(spec)) problems.push(`${main}/${rel} imports '${spec}'`);
      else if (spec.startsWith('.') && /(test-support|fuzz-support|\.test)(\.js)?$/.test(spec)) problems.push(`${main}/${rel} imports test code '${spec}'`);
    }
  }
}
if (existsSync(ui)) {
  for (const file of jsFiles(ui)) {
    const text = readFileSync(file, 'utf8');
    for (const name of ['vitest', 'fast-check']) if (text.includes(name)) problems.push(`${relative('.', file)} contains '${name}'`);
  }
}

if (problems.length) {
  console.error(`The production build reaches test code:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`build output clean: no vitest, fast-check or test helpers in ${main} or ${ui}`);
