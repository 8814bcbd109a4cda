// `npm start`: the desktop app when an Electron runtime is installed, otherwise the same UI served
// to a browser by the HTTP server. Node built-ins only, so it runs before anything is built.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const isWindows = process.platform === 'win32';
// Appended after our defaults, so `npm start -- --port 5181` overrides (the server's last value wins).
const userArgs = process.argv.slice(2);
// Relative on purpose: with shell: true on Windows, an absolute path with spaces would be split.
const dataDir = '.data';

/** The electron package exports its binary's path, and throws when the download was skipped. */
function electronBinary() {
  try {
    const bin = createRequire(import.meta.url)('electron');
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

let child = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(130);
  });
}

/** npm and npx are .cmd shims on Windows, which only a shell can start. */
function run(command, args, { shell = false } = {}) {
  return new Promise((resolve) => {
    child = spawn(command, args, { cwd: root, stdio: 'inherit', shell });
    child.on('error', (err) => {
      console.error(`无法启动 ${command} (cannot start ${command}): ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const runTool = (tool, args) => run(tool, args, { shell: isWindows });

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function rendererIsFresh() {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(built)) return false;
  const sources = ['renderer', 'vite.config.ts', 'package.json', 'index.html'].map((p) => path.join(root, p));
  return statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime));
}

async function step(label, tool, args) {
  console.log(`\n> ${label}`);
  const code = await runTool(tool, args);
  if (code !== 0) {
    console.error(`${label} 失败 (failed), exit code ${code}`);
    process.exit(code);
  }
}

async function main() {
  const electron = electronBinary();
  mkdirSync(path.join(root, dataDir), { recursive: true });

  if (electron) {
    await step('npm run build', 'npm', ['run', 'build']);
    console.log('\n> electron .');
    process.exit(await run(electron, ['.', '--demo', '--data', dataDir, ...userArgs]));
  }

  console.log(
    [
      '',
      '未安装 Electron 运行环境，改为在浏览器中打开同一界面。',
      'No Electron runtime is installed, so the same UI is served to your browser instead.',
      '',
    ].join('\n'),
  );
  if (rendererIsFresh()) console.log('界面已是最新，跳过构建 (renderer is up to date, skipping the build)');
  else await step('npx vite build', 'npx', ['vite', 'build']);

  // tsx is started with node directly, not through npx: npx runs it under `sh -c`, which does not pass
  // a SIGTERM on to the server, so the server would outlive us and keep the database open.
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  process.exit(
    await run(process.execPath, [tsxCli, 'electron/server/cli.ts', '--demo', '--data', dataDir, '--port', '5180', '--host', '127.0.0.1', ...userArgs]),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
