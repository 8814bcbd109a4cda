import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  abiReport,
  checkModuleFile,
  describeAbi,
  electronAbi,
  installedElectronVersion,
  judgeAbi,
  moduleAbis,
  sqliteModulePath,
} from '../../scripts/native-abi.mjs';

const root = join(__dirname, '..', '..');
const installedModule = join(root, sqliteModulePath);
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const nodeAbi = Number(process.versions.modules);
const work = mkdtempSync(join(tmpdir(), 'abi-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Bytes shaped like an addon: some binary noise around the exported registration symbol(s). */
function fakeAddon(...abis: number[]): Buffer {
  const parts: Buffer[] = [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0x00])];
  for (const abi of abis) parts.push(Buffer.from(`\0napi_module_register\0node_register_module_v${abi}\0`, 'latin1'), Buffer.alloc(64, 0xcc));
  return Buffer.concat(parts);
}

function writeApp(dir: string, bytes: Buffer): string {
  const file = join(dir, sqliteModulePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

describe('reading the ABI from an addon binary', () => {
  it('reads the NODE_MODULE_VERSION of the better-sqlite3 built here for Node (115 on Node 20)', () => {
    expect(moduleAbis(readFileSync(installedModule))).toEqual([nodeAbi]);
    if (process.versions.node.startsWith('20.')) expect(nodeAbi).toBe(115);
  });

  it('reads another version from synthetic bytes, also from a view into a larger buffer', () => {
    expect(moduleAbis(fakeAddon(145))).toEqual([145]);
    const big = Buffer.concat([Buffer.alloc(100, 1), fakeAddon(132), Buffer.alloc(100, 2)]);
    expect(moduleAbis(new Uint8Array(big.buffer, big.byteOffset + 100, big.length - 200))).toEqual([132]);
  });

  it('finds none in a file that registers no versioned module, and all of them when there are several', () => {
    expect(moduleAbis(Buffer.from('\0napi_register_module_v1\0 node_register_module_vX', 'latin1'))).toEqual([]);
    expect(moduleAbis(fakeAddon(145, 115, 145))).toEqual([115, 145]);
  });

  it('knows which runtimes an ABI belongs to and what this Electron needs', () => {
    expect(describeAbi(115)).toBe('Node.js 20');
    expect(describeAbi(145)).toBe('Electron 41');
    expect(describeAbi(99999)).toBe('?');
    expect(installedElectronVersion(root)).toBe(electronVersion);
    expect(electronAbi('41.10.7')).toBe(145);
    expect(electronAbi(electronVersion)).not.toBe(nodeAbi);
  });
});

describe('deciding', () => {
  it('accepts exactly one ABI equal to Electron’s and refuses everything else', () => {
    expect(judgeAbi([145], 145)).toEqual({ ok: true, abi: 145 });
    expect(judgeAbi([115], 145)).toEqual({ ok: false, problem: 'mismatch', found: [115] });
    expect(judgeAbi([115, 145], 145)).toEqual({ ok: false, problem: 'ambiguous', found: [115, 145] });
    expect(judgeAbi([], 145)).toEqual({ ok: false, problem: 'no-abi', found: [] });
    expect(judgeAbi(null, 145)).toEqual({ ok: false, problem: 'missing', found: [] });
  });

  it('checks files: a module built for Electron passes, a missing one does not', () => {
    const good = writeApp(join(work, 'good'), fakeAddon(145));
    expect(checkModuleFile(good, '41.10.7').verdict).toEqual({ ok: true, abi: 145 });
    expect(checkModuleFile(join(work, 'nowhere.node'), '41.10.7').verdict.ok).toBe(false);
  });

  it('says in Chinese and English what was found and what to do, including the nodedir pitfall', () => {
    const report = abiReport(checkModuleFile(installedModule, '41.10.7'), { nodedir: '/usr' });
    expect(report).toContain('better-sqlite3 的原生模块不是为这个 Electron 编译的，已停止打包。');
    expect(report).toContain('The better-sqlite3 native module was not built for this Electron; packaging stopped.');
    expect(report).toContain(`(NODE_MODULE_VERSION): ${nodeAbi} (${describeAbi(nodeAbi)})`);
    expect(report).toContain('Electron 41.10.7 需要 ABI needs ABI: 145');
    expect(report).toContain('npx electron-builder install-app-deps');
    expect(report).toContain('npx @electron/rebuild -f -w better-sqlite3');
    expect(report).toContain('npm config delete nodedir');
    expect(report).toContain('unset npm_config_nodedir');
    expect(report).toContain("此处 npm 的 nodedir 为 here npm's nodedir is: /usr");
    expect(abiReport(checkModuleFile(installedModule, '41.10.7'))).not.toContain('此处 npm 的 nodedir');
    const missing = abiReport(checkModuleFile(join(work, 'nowhere.node'), '41.10.7'));
    expect(missing).toContain('找不到 better-sqlite3 的原生模块');
    expect(missing).not.toContain('NODE_MODULE_VERSION');
    expect(abiReport(checkModuleFile(writeApp(join(work, 'ok2'), fakeAddon(145)), '41.10.7'))).toMatch(/^✓ better-sqlite3 ABI 145 = Electron 41\.10\.7/);
  });
});

describe('scripts/check-native-abi.mjs, the step of npm run dist before electron-builder', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [join(root, 'scripts', 'check-native-abi.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

  it('is run by npm run dist after the build and before electron-builder', () => {
    const dist = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.dist;
    expect(dist.split(' && ')).toEqual(['npm run build', 'node scripts/check-native-abi.mjs', 'electron-builder --config build/electron-builder.yml']);
  });

  it('refuses the module built here for Node: exit code 1 and the ABI message', () => {
    const r = run([], { npm_config_nodedir: '/usr' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('✗ better-sqlite3 的原生模块不是为这个 Electron 编译的，已停止打包。');
    expect(r.stderr).toContain(`(NODE_MODULE_VERSION): ${nodeAbi} `);
    expect(r.stderr).toContain(`Electron ${electronVersion} 需要 ABI needs ABI: ${electronAbi(electronVersion)}`);
    expect(r.stderr).toContain("here npm's nodedir is: /usr");
  });

  it('lets a module built for Electron through (exit 0), and refuses an app folder without one', () => {
    const dir = join(work, 'cli-ok');
    writeApp(dir, fakeAddon(145));
    const ok = run(['--app-dir', dir, '--electron', '41.10.7']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('✓ better-sqlite3 ABI 145 = Electron 41.10.7');
    const none = run(['--app-dir', join(work, 'empty'), '--electron', '41.10.7']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('The better-sqlite3 native module is missing');
  });
});

describe('build/after-pack.cjs, the electron-builder hook on the packed app', () => {
  const afterPack = createRequire(import.meta.url)('../../build/after-pack.cjs') as (ctx: unknown) => Promise<void>;
  // The parts of electron-builder's AfterPackContext the hook reads (Linux/Windows layout).
  const context = (appOutDir: string, version: string) => ({
    appOutDir,
    packager: { getResourcesDir: (d: string) => join(d, 'resources'), info: { framework: { version } } },
  });

  it('throws on the Node-built module inside resources/app.asar.unpacked, so the build fails', async () => {
    const out = join(work, 'packed-bad');
    mkdirSync(dirname(join(out, 'resources', 'app.asar.unpacked', sqliteModulePath)), { recursive: true });
    copyFileSync(installedModule, join(out, 'resources', 'app.asar.unpacked', sqliteModulePath));
    await expect(afterPack(context(out, '41.10.7'))).rejects.toThrow(
      /不是为这个 Electron 编译的[\s\S]*Electron 41\.10\.7 需要 ABI needs ABI: 145[\s\S]*afterPack:/,
    );
  });

  it('throws when the module was not unpacked at all, and passes one built for Electron', async () => {
    await expect(afterPack(context(join(work, 'packed-empty'), '41.10.7'))).rejects.toThrow(/missing/);
    const out = join(work, 'packed-good');
    writeApp(join(out, 'resources', 'app.asar.unpacked'), fakeAddon(145));
    await expect(afterPack(context(out, '41.10.7'))).resolves.toBeUndefined();
  });
});
