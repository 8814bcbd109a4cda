import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { posChannel } from './ipc-adapter.js';

/**
 * Runs preload.cts the way Electron runs a sandboxed preload: compiled to CommonJS, as a function of
 * (require, process, exports, module), where require knows only a few modules. Here it knows only
 * 'electron', faked, so a preload that reached for anything else would fail this test.
 */
function loadPreload() {
  const source = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: 'preload.cts',
  });
  const exposed: [string, unknown][] = [];
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ result: 'ok' });
      },
    },
  };
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const exports = {};
  const run = vm.runInNewContext(`(function (require, process, exports, module) {\n${outputText}\n})`, {}) as (...args: unknown[]) => void;
  run(fakeRequire, {}, exports, { exports });
  return { exposed, invoked, required };
}

describe('preload', () => {
  it('exposes exactly one global, pos, with call as its only member', () => {
    const { exposed } = loadPreload();
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0];
    expect(key).toBe('pos');
    expect(Object.keys(api as object)).toEqual(['call']);
    expect(typeof (api as { call: unknown }).call).toBe('function');
  });

  it('needs nothing but electron', () => {
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('forwards call(method, params) to the pos:call channel and returns its reply', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed[0][1] as { call: (m: string, p?: unknown) => Promise<unknown> };
    await expect(api.call('households.search', { q: '张' })).resolves.toEqual({ result: 'ok' });
    expect(invoked).toEqual([[posChannel, 'households.search', { q: '张' }]]);
  });
});
