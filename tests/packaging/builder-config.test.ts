import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml is what electron-builder itself parses this file with (a dependency of it and of electron-updater).
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const root = join(__dirname, '..', '..');
type Target = { target: string; arch: string[] };
interface BuilderConfig {
  productName: string;
  executableName: string;
  artifactName: string;
  asarUnpack: string[];
  afterPack: string;
  npmRebuild: boolean;
  files: string[];
  publish: { provider: string; url: string };
  win: { target: Target[] };
  nsis: Record<string, unknown> & { artifactName: string };
  portable: { artifactName: string };
  linux: { category: string; maintainer: string; syncDesktopName: boolean; target: Target[]; desktop: { entry: Record<string, string> } };
  deb: { packageName: string };
}
const config = load(readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { author: { name: string; email: string } };
const ascii = /^[\x21-\x7e]+$/;

describe('build/electron-builder.yml', () => {
  it('installs Linux packages under an ASCII path: /opt/<productName>/<executableName>', () => {
    // electron-builder's deb maps the app to /opt/${productName} and the desktop Exec to its executable there.
    expect(`/opt/${config.productName}/${config.executableName}`).toBe('/opt/points-supermarket/points-supermarket');
    expect(config.deb.packageName).toBe('points-supermarket');
    for (const name of [config.artifactName, config.nsis.artifactName, config.portable.artifactName]) expect(name).toMatch(ascii);
    // Two Windows .exe targets must not overwrite each other.
    expect(new Set([config.artifactName, config.nsis.artifactName, config.portable.artifactName]).size).toBe(3);
  });

  it('writes a proper .desktop entry: Chinese and English names, icon, categories, window class', () => {
    const entry = config.linux.desktop.entry;
    expect(entry.Name).toBe('积分超市');
    expect(entry['Name[en]']).toBe('Points Supermarket');
    expect(entry.Icon).toBe(config.executableName);
    expect(entry.StartupWMClass).toBe('points-supermarket');
    expect(entry.Exec).toBeUndefined(); // electron-builder refuses it; executableName decides
    // electron-builder writes Categories from linux.category.
    expect(config.linux.category).toBe('Office;Finance;');
    // Electron takes the window class from package.json's desktopName; the entry must match it.
    expect(pkg.desktopName).toBe(`${entry.StartupWMClass}.desktop`);
    expect(config.linux.syncDesktopName).toBe(true);
  });

  it('builds NSIS (x64, Chinese, per-machine choice, desktop shortcut) and portable for Windows', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: true,
      createDesktopShortcut: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      shortcutName: '积分超市',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds deb and AppImage for x64 and arm64 (UOS, Kylin)', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^>\s]+>$/);
  });

  it('has what the deb target demands of package.json: homepage, author with e-mail, description, license', () => {
    expect(pkg.homepage).toMatch(/^https?:\/\/\S+$/);
    expect(pkg.author.name).toBeTruthy();
    expect(pkg.author.email).toMatch(/^[^@\s]+@\S+$/);
    expect(pkg.description).toEqual(expect.stringContaining('积分超市'));
    expect(pkg.license).toBeTruthy();
  });

  it('unpacks better-sqlite3 from the asar and checks its ABI after packing', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/build/Release/*.node');
    expect(config.afterPack).toBe('./build/after-pack.cjs');
    expect(existsSync(join(root, config.afterPack))).toBe(true);
    expect(config.files).toContain('!**/node_modules/better-sqlite3/build/Release/test_extension.node');
  });

  it('produces the generic update feed files (latest*.yml) the office serves', () => {
    expect(config.publish.provider).toBe('generic');
    expect(config.publish.url).toMatch(/\/updates\/$/);
  });
});
