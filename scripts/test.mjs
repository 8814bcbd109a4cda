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

// Steps marked `stop` end the run when they fail: later steps need what they check or build.
const steps = [
  ['代码检查 lint', 'npx', ['eslint', '.']],
  ['格式检查 format', 'npx', ['prettier', '--check', '.']],
  ['类型检查 Node side', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit'], 'stop'],
  ['类型检查 renderer', 'npx', ['tsc', '-p', 'renderer/tsconfig.json', '--noEmit'], 'stop'],
  ['类型检查 e2e', 'npx', ['tsc', '-p', 'e2e/tsconfig.json', '--noEmit'], 'stop'],
  // Into a clean dist-electron, so the build check below sees only what this build emits.
  ['构建主进程 build main', 'npx', ['tsc', '-p', 'tsconfig.electron.json'], 'stop', () => rmSync('dist-electron', { recursive: true, force: true })],
  ['单元与接口测试 unit + API', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/vitest.json`]],
  ['构建界面 build UI', 'npx', ['vite', 'build', '--logLevel', 'warn'], 'stop'],
  ['构建不含测试代码 no test code in the build', 'node', ['scripts/check-build.mjs']],
  ['端到端测试 e2e', 'npx', ['playwright', 'test']],
];

let ok = true;
for (const [title, cmd, args, stop, before] of steps) {
  before?.();
  if (!run(title, cmd, args)) {
    ok = false;
    console.error(`\n✗ ${title} failed`);
    if (stop) break;
  }
}

let passed = 0,
  failed = 0,
  skipped = 0;
const vitest = join(out, 'vitest.json');
if (existsSync(vitest)) {
  const v = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
const pw = join(out, 'playwright.json');
if (existsSync(pw)) {
  const s = JSON.parse(readFileSync(pw, 'utf8')).stats;
  passed += s.expected;
  failed += s.unexpected + (s.flaky ?? 0);
  skipped += s.skipped;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
