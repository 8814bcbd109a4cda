// Does the native SQLite module match the Electron it is packaged with? Read by `npm run dist`
// (scripts/check-native-abi.mjs) before electron-builder, and by build/after-pack.cjs on the packed app.
//
// The ABI is read from the binary itself (the exported `node_register_module_v<N>` symbol) because
// loading a module built for another ABI is exactly what fails: Node 20 cannot load a v145 module.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where better-sqlite3's addon sits, relative to an app folder (the project, or resources/app.asar.unpacked). */
export const sqliteModulePath = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const symbol = /node_register_module_v(\d+)/g;

/**
 * The NODE_MODULE_VERSION numbers an addon binary registers (ELF, PE and Mach-O all keep the export
 * name as plain bytes). Usually exactly one; none for a Node-API module or a file that is not an addon.
 * @param {Uint8Array} bytes
 * @returns {number[]}
 */
export function moduleAbis(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = new Set();
  for (const m of text.matchAll(symbol)) found.add(Number(m[1]));
  return [...found].sort((a, b) => a - b);
}

/**
 * What a NODE_MODULE_VERSION was built for, e.g. "Node.js 20" or "Electron 41", from node-abi's table.
 * @param {number} abi
 */
export function describeAbi(abi) {
  const { allTargets } = require('node-abi');
  const names = [];
  for (const runtime of ['node', 'electron']) {
    const t = allTargets.find((x) => x.runtime === runtime && Number(x.abi) === abi);
    if (t) names.push(`${runtime === 'node' ? 'Node.js' : 'Electron'} ${t.target.split('.')[0]}`);
  }
  return names.join(' / ') || '?';
}

/** Electron's NODE_MODULE_VERSION for a version such as "41.10.7". @param {string} electronVersion */
export function electronAbi(electronVersion) {
  const { getAbi } = require('node-abi');
  return Number(getAbi(electronVersion, 'electron'));
}

/** The installed electron package's version (the one electron-builder packages unless told otherwise). */
export function installedElectronVersion(projectDir = process.cwd()) {
  const pkg = require.resolve('electron/package.json', { paths: [projectDir] });
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}

/**
 * @typedef {{ ok: true, abi: number } | { ok: false, problem: 'missing' | 'no-abi' | 'ambiguous' | 'mismatch', found: number[] }} AbiVerdict
 * @param {number[] | null} found the module's ABIs, or null when the file does not exist
 * @param {number} expected Electron's ABI
 * @returns {AbiVerdict}
 */
export function judgeAbi(found, expected) {
  if (found === null) return { ok: false, problem: 'missing', found: [] };
  if (found.length === 0) return { ok: false, problem: 'no-abi', found };
  if (found.length > 1) return { ok: false, problem: 'ambiguous', found };
  if (found[0] !== expected) return { ok: false, problem: 'mismatch', found };
  return { ok: true, abi: expected };
}

/**
 * Checks one addon file against an Electron version.
 * @param {string} file
 * @param {string} electronVersion
 */
export function checkModuleFile(file, electronVersion) {
  let bytes = null;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'ENOENT') throw e;
  }
  const expected = electronAbi(electronVersion);
  const verdict = judgeAbi(bytes ? moduleAbis(bytes) : null, expected);
  return { file, electronVersion, expected, verdict };
}

const headline = {
  missing: ['找不到 better-sqlite3 的原生模块，已停止打包。', 'The better-sqlite3 native module is missing; packaging stopped.'],
  'no-abi': [
    '无法从 better-sqlite3 的原生模块读出 ABI 版本，已停止打包。',
    'No ABI version could be read from the better-sqlite3 native module; packaging stopped.',
  ],
  ambiguous: ['better-sqlite3 的原生模块含有多个 ABI 版本，已停止打包。', 'The better-sqlite3 native module names more than one ABI; packaging stopped.'],
  mismatch: [
    'better-sqlite3 的原生模块不是为这个 Electron 编译的，已停止打包。',
    'The better-sqlite3 native module was not built for this Electron; packaging stopped.',
  ],
};

/**
 * The report printed by the check, in Chinese then English. `nodedir` is npm's nodedir setting when
 * one is in effect: it is the usual reason a rebuild for Electron silently builds for Node instead.
 * @param {ReturnType<typeof checkModuleFile>} result
 * @param {{ nodedir?: string }} [env]
 * @returns {string}
 */
export function abiReport(result, env = {}) {
  const { file, electronVersion, expected, verdict } = result;
  if (verdict.ok) {
    return `✓ better-sqlite3 ABI ${verdict.abi} = Electron ${electronVersion} (${file})`;
  }
  const [zh, en] = headline[verdict.problem];
  const lines = [`✗ ${zh}`, `  ${en}`, `  文件 file: ${file}`];
  if (verdict.found.length > 0) {
    const found = verdict.found.map((abi) => `${abi} (${describeAbi(abi)})`).join(', ');
    lines.push(`  模块的 ABI module ABI (NODE_MODULE_VERSION): ${found}`);
  }
  lines.push(
    `  Electron ${electronVersion} 需要 ABI needs ABI: ${expected}`,
    '  用错的模块打出的安装包，会在第一次打开数据库时失败。',
    '  A package with the wrong module fails the first time it opens the database.',
    '',
    '  怎么办 What to do (在能联网的电脑上 on a computer with internet access):',
    '  1. 去掉 npm 的 nodedir 设置，否则头文件取自本机 Node 而不是 Electron，模块仍按 Node 的 ABI 编译:',
    "     Remove npm's nodedir setting, or the headers come from the local Node and the module is built for Node's ABI again:",
    '       npm config delete nodedir    (并在 shell 中 and in the shell: unset npm_config_nodedir)',
  );
  if (env.nodedir) lines.push(`     此处 npm 的 nodedir 为 here npm's nodedir is: ${env.nodedir}`);
  lines.push(
    '  2. 为 Electron 重新编译 Rebuild for Electron:',
    '       npx electron-builder install-app-deps',
    '     或 or: npx @electron/rebuild -f -w better-sqlite3',
    '  3. 再运行 Then run: npm run dist',
    '  之后要在 Node 里跑测试，先换回 Node 的模块 To run the tests in Node again afterwards: npm rebuild better-sqlite3',
  );
  return lines.join('\n');
}
