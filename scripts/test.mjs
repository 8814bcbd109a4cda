// `npm test`: everything CI runs, in order, with one closing tally line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const win = process.platform === 'win32';
const out = '.tmp/test-reports';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function run(title, cmd, args) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: win, env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

const steps = [
  ['类型检查 typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['类型检查 electron build', 'npx', ['tsc', '-p', 'tsconfig.electron.json', '--noEmit']],
  ['单元与接口测试 unit + API', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/vitest.json`]],
  ['构建界面 build UI', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['端到端测试 e2e', 'npx', ['playwright', 'test']],
];

let ok = true;
for (const [title, cmd, args] of steps) {
  if (!run(title, cmd, args)) {
    ok = false;
    console.error(`\n✗ ${title} failed`);
    if (title.startsWith('类型') || title.startsWith('构建')) break;
  }
}

let passed = 0, failed = 0, skipped = 0;
const vitest = join(out, 'vitest.json');
if (existsSync(vitest)) {
  const v = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += v.numPassedTests; failed += v.numFailedTests; skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
const pw = join(out, 'playwright.json');
if (existsSync(pw)) {
  const s = JSON.parse(readFileSync(pw, 'utf8')).stats;
  passed += s.expected; failed += s.unexpected + (s.flaky ?? 0); skipped += s.skipped;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
