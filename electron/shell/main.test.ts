import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, secureWebPreferences } from './security.js';

/**
 * Drives main.ts against a fake 'electron' module: there is no Electron binary here, but the wiring
 * (which handlers are installed, what the window gets, what app:// serves) can still be checked.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: any[]) => unknown;
  const appListeners = new Map<string, Listener[]>();
  const state = {
    appRoot: '',
    userData: '',
    windows: [] as { options: any; url?: string; listeners: Map<string, Listener[]> }[],
    menu: null as unknown,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    devicePermission: null as Listener | null,
    singleInstanceRequested: 0,
    headersReceived: null as Listener | null,
    sandboxEnabled: false,
    ready: null as null | (() => void),
    exitCode: undefined as number | undefined,
    errors: [] as string[],
  };
  const readyPromise = new Promise<void>((resolve) => (state.ready = resolve));
  const on = (map: Map<string, Listener[]>) => (event: string, fn: Listener) => {
    map.set(event, [...(map.get(event) ?? []), fn]);
  };
  class BrowserWindow {
    listeners = new Map<string, Listener[]>();
    record: { options: any; url?: string; listeners: Map<string, Listener[]> };
    constructor(options: unknown) {
      this.record = { options, listeners: this.listeners };
      state.windows.push(this.record);
    }
    on = on(this.listeners);
    once = on(this.listeners);
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    isMinimized = () => false;
    restore() {}
    show() {}
    showInactive() {}
    focus() {}
    removeMenu() {}
    close() {}
  }
  const electron = {
    app: {
      on: on(appListeners),
      enableSandbox: () => (state.sandboxEnabled = true),
      requestSingleInstanceLock: () => (state.singleInstanceRequested++, true),
      whenReady: () => readyPromise,
      getAppPath: () => state.appRoot,
      getPath: (name: string) => (name === 'userData' ? state.userData : ''),
      setPath: (_name: string, p: string) => (state.userData = p),
      getVersion: () => '0.0.0-test',
      isPackaged: false,
      quit: () => {},
      exit: (code: number) => (state.exitCode = code),
    },
    BrowserWindow,
    // One monitor, as on most counters: the customer display opens only when asked.
    screen: {
      getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }],
      getPrimaryDisplay: () => ({ id: 1 }),
    },
    dialog: { showErrorBox: (_t: string, m: string) => state.errors.push(m), showMessageBox: () => Promise.resolve({}) },
    ipcMain: {
      handle: (channel: string, fn: Listener) => state.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Listener) => (state.devicePermission = fn),
        webRequest: { onHeadersReceived: (fn: Listener) => (state.headersReceived = fn) },
      },
    },
  };
  return { electron, state, appListeners };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
// electron-log and electron-updater load Electron itself; these record what main.ts asks of them.
const fakeLog = vi.hoisted(() => {
  const noop = () => {};
  return {
    transports: { file: { resolvePathFn: undefined as undefined | (() => string), maxSize: 0, level: '' } },
    errorHandler: { startCatching: noop },
    functions: {},
    info: noop,
    warn: noop,
    error: noop,
  };
});
vi.mock('electron-log/main', () => ({ default: fakeLog }));
const fakeUpdater = vi.hoisted(() => ({ autoUpdater: { logger: null as unknown, on: () => {}, setFeedURL: () => {}, checkForUpdates: async () => null } }));
vi.mock('electron-updater', () => ({ default: fakeUpdater }));

let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pos-main-'));
  mkdirSync(path.join(root, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>积分超市</title>');
  writeFileSync(path.join(root, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), 'no');
  fake.state.appRoot = root;
  fake.state.userData = path.join(root, 'userData');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await import('./main.js');
  fake.state.ready!();
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
});

afterAll(() => {
  for (const fn of fake.appListeners.get('will-quit') ?? []) fn();
  rmSync(root, { recursive: true, force: true });
});

const emit = (event: string, ...args: unknown[]) => (fake.appListeners.get(event) ?? []).forEach((fn) => fn(...args));

describe('Electron main wiring', () => {
  it('starts without errors, sandboxes every renderer and registers app:// before ready', () => {
    expect(fake.state.errors).toEqual([]);
    expect(fake.state.exitCode).toBeUndefined();
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(fake.state.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.state.schemes[0]).not.toHaveProperty('privileges.bypassCSP');
  });

  it('opens one window on app://pos/ with the secure preferences and the built preload', () => {
    const [win] = fake.state.windows;
    expect(win.url).toBe('app://pos/');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(win.options.webPreferences.preload).toMatch(/preload\.cjs$/);
  });

  it('logs to <userData>/logs/main.log and hands electron-updater the same log', () => {
    expect(fakeLog.transports.file.resolvePathFn?.()).toBe(path.join(fake.state.userData, 'logs', 'main.log'));
    expect(fakeUpdater.autoUpdater.logger).toBe(fakeLog);
    expect(fakeUpdater.autoUpdater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false });
  });

  it('installs the Chinese menu and the single IPC channel', () => {
    expect((fake.state.menu as { label: string }[]).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect([...fake.state.ipcHandlers.keys()]).toEqual(['pos:call']);
  });

  it('serves the renderer over app:// with the CSP, and nothing outside it', async () => {
    const handle = fake.state.protocolHandlers.get('app')!;
    const index = await handle(new Request('app://pos/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await index.text()).toContain('积分超市');
    const js = await handle(new Request('app://pos/assets/app.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await handle(new Request('app://pos/../../secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://pos/assets/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://pos/', { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('puts the CSP on every other response too', () => {
    let out: any;
    fake.state.headersReceived!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-A': ['1'] } }, (r: unknown) => (out = r));
    expect(out.responseHeaders).toEqual({ 'X-A': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] });
  });

  it('gives the window exactly the secure preferences, nothing added or loosened', () => {
    const prefs = fake.state.windows[0].options.webPreferences;
    expect(prefs).toEqual(secureWebPreferences(prefs.preload));
  });

  it('holds the single-instance lock, so a second launch cannot open a second database writer', () => {
    expect(fake.state.singleInstanceRequested).toBe(1);
    expect(fake.appListeners.get('second-instance')).toHaveLength(1);
  });

  it('denies permission checks and device access too', () => {
    expect(fake.state.permissionCheck!()).toBe(false);
    expect(fake.state.devicePermission!()).toBe(false);
  });

  it('denies permission requests', () => {
    let granted: boolean | undefined;
    fake.state.permissionRequest!({}, 'geolocation', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
  });

  it('hardens every new webContents: foreign navigation, redirects, webviews and popups blocked', () => {
    const listeners = new Map<string, (...a: any[]) => void>();
    let openHandler: ((d: unknown) => unknown) | undefined;
    const contents = {
      on: (e: string, fn: (...a: any[]) => void) => listeners.set(e, fn),
      setWindowOpenHandler: (fn: (d: unknown) => unknown) => (openHandler = fn),
    };
    emit('web-contents-created', {}, contents);
    const navEvent = (url: string) => ({
      url,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    });

    const away = navEvent('https://evil.example/');
    listeners.get('will-navigate')!(away);
    expect(away.prevented).toBe(true);
    const inside = navEvent('app://pos/#/counter');
    listeners.get('will-navigate')!(inside);
    expect(inside.prevented).toBe(false);
    const redirect = navEvent('http://127.0.0.1/');
    listeners.get('will-redirect')!(redirect);
    expect(redirect.prevented).toBe(true);
    const webview = navEvent('');
    listeners.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it("opens the customer display as its own window when the page asks for #/display, once, with the main window's preferences", () => {
    let openHandler: ((d: unknown) => unknown) | undefined;
    emit('web-contents-created', {}, { on: () => {}, setWindowOpenHandler: (fn: (d: unknown) => unknown) => (openHandler = fn) });
    expect(fake.state.windows).toHaveLength(1);
    expect(openHandler!({ url: 'app://pos/#/display' })).toEqual({ action: 'deny' });
    expect(fake.state.windows).toHaveLength(2);
    const display = fake.state.windows[1];
    expect(display.url).toBe('app://pos/#/display');
    expect(display.options.webPreferences).toEqual(fake.state.windows[0].options.webPreferences);
    // One monitor: a normal window, not fullscreen over the counter.
    expect(display.options.fullscreen).toBeUndefined();
    openHandler!({ url: 'app://pos/#/display' });
    expect(fake.state.windows).toHaveLength(2);
  });

  it('opens a fresh data folder on the first-run setup, with no default admin, and keeps every token in main', async () => {
    const handler = fake.state.ipcHandlers.get('pos:call')!;
    const sender = { id: 7, once: () => {} };
    const frame = { url: 'app://pos/', parent: null };
    const ipc = (method: string, params: unknown) => handler({ sender, senderFrame: frame }, method, params) as Promise<any>;
    expect((await ipc('setup.status', {})).result).toMatchObject({ needed: true });
    expect((await ipc('auth.login', { username: 'admin', pin: '123456' })).error.code).toBe('UNAUTHENTICATED');
    const village = { name: '红星村', code: '110101001001', town: '东华门街道', county: '东城区' };
    const setup = await ipc('setup.complete', { role: 'all', village, admin: { name: '王主任', username: 'wang', pin: '918273' } });
    expect(setup.error).toBeUndefined();
    expect(setup.result.user.username).toBe('wang');
    expect(setup.result).not.toHaveProperty('token');
    // The session main kept from the setup is this window's.
    expect((await ipc('auth.me', {})).result.user.username).toBe('wang');
    const login = await ipc('auth.login', { username: 'wang', pin: '918273' });
    expect(login.result.user.username).toBe('wang');
    expect(login.result).not.toHaveProperty('token');
  });

  it('keeps the database in userData', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(root, 'userData', 'points.db'))).toBe(true);
  });
});
