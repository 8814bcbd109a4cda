import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type App } from '../server/app.js';
import { mimeTypeOf, rendererFileFor } from './app-files.js';
import { parseShellArgs, type ShellArgs } from './args.js';
import { customerDisplayUrl, customerDisplayWindowOptions, openHandlerWithDisplay, pickCustomerScreen } from './customer-display.js';
import { startDesktopUpdates } from './desktop-updates.js';
import { registerPosIpc } from './ipc-adapter.js';
import { startMainLog } from './main-log.js';
import { menuTemplate } from './menu.js';
import { createPrintHost } from './print-host.js';
import { appScheme, appUrl, contentSecurityPolicy, denyPermissionCheck, denyPermissionRequest, isAllowedNavigation, secureWebPreferences } from './security.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, 'preload.cjs');
const title = '积分超市';

// Both must happen before 'ready'. `standard` + `secure` give app:// a real origin for 'self' and
// for fetch/modules; nothing else (no bypassCSP, no service workers).
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let displayWindow: BrowserWindow | null = null;

function fail(message: string, err?: unknown): never {
  const detail = err instanceof Error ? err.message : err === undefined ? '' : String(err);
  console.error(`[shell] ${message}`, err ?? '');
  dialog.showErrorBox(title, detail ? `${message}\n\n${detail}` : message);
  app.exit(1);
  throw new Error(message);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Applied to every webContents, including any we did not create ourselves. */
function harden(contents: WebContents): void {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.on('will-navigate', (e) => {
    if (!isAllowedNavigation(e.url)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => {
    if (!isAllowedNavigation(e.url)) e.preventDefault();
  });
  contents.setWindowOpenHandler(openHandlerWithDisplay(openCustomerDisplay));
}

/**
 * The villager-facing window: fullscreen on the second monitor, or a normal window when asked on a
 * one-monitor machine. Shown without taking the focus, which stays in the counter's scan field.
 */
function openCustomerDisplay(): void {
  if (displayWindow) {
    displayWindow.showInactive();
    return;
  }
  const target = pickCustomerScreen(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  const win = new BrowserWindow(customerDisplayWindowOptions(target, preloadPath));
  win.removeMenu();
  win.once('ready-to-show', () => win.showInactive());
  win.on('closed', () => {
    if (displayWindow === win) displayWindow = null;
  });
  void win.loadURL(customerDisplayUrl);
  displayWindow = win;
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.setDevicePermissionHandler(() => false);
  // Belt and braces: the app:// handler already sends the CSP; this covers any other response
  // (devtools excepted) so no page in this session runs without it.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([k]) => k.toLowerCase() !== 'content-security-policy'));
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}

function serveRenderer(rendererDir: string): void {
  const headers = (type: string) => ({
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = rendererFileFor(rendererDir, request.url);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(mimeTypeOf(file)) });
    } catch {
      return notFound();
    }
  });
}

/**
 * The same host factory as `npm run serve`: one database under the data dir, one dispatcher for IPC,
 * demo seeding (--demo, empty data dir only) or the first admin. The village office also serves the
 * same API on the LAN, for counters that sync with it and providers' phones.
 */
async function openCore(dataDir: string, args: ShellArgs, rendererDir: string): Promise<App> {
  // The office's LAN listener is opened by the app itself, once an admin turns it on (设置 → 局域网访问).
  return openApp({ dataDir, demo: args.demo, testClock: args.testClock, role: args.role, staticDir: rendererDir, printHost: createPrintHost(BrowserWindow) });
}

function showAbout(): void {
  const detail = [`版本 ${app.getVersion()}`, '乡村治理积分制 · 积分超市兑换与台账', `Electron ${process.versions.electron}`].join('\n');
  const options = { type: 'info' as const, title: `关于${title}`, message: title, detail, buttons: ['确定'] };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // Without the counter the display has nothing to show, and would keep the app running.
    displayWindow?.close();
  });
  void win.loadURL(appUrl);
  return win;
}

async function start(): Promise<void> {
  let args: ShellArgs;
  try {
    args = parseShellArgs(process.argv);
  } catch (e) {
    await app.whenReady();
    fail('启动参数有误 (bad command-line arguments)', e);
  }
  // Moving userData (not only the DB) keeps an e2e run's lock, caches and DB out of the real profile.
  if (args.dataDir) app.setPath('userData', path.resolve(args.dataDir));
  const log = startMainLog(app.getPath('userData'));
  log.info('积分超市启动 (app starting)', { version: app.getVersion(), role: args.role, electron: process.versions.electron });

  // One counter, one process: a second launch (double-clicked icon) just brings the window back.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_e, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession();

  const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    fail(`界面文件缺失，请先运行 npm run build (renderer not built: ${rendererDir})`);
  }
  serveRenderer(rendererDir);

  let core: App;
  try {
    core = await openCore(app.getPath('userData'), args, rendererDir);
  } catch (e) {
    fail('无法打开数据库 (cannot open the database)', e);
  }
  if (core.seeded) console.log('已生成示范村数据 (demo village seeded)');
  startDesktopUpdates(core, app.getVersion(), log);
  const ipc = registerPosIpc(ipcMain, core.dispatcher, {
    async chooseFolder(sender) {
      const owner = BrowserWindow.fromWebContents(sender as WebContents);
      const options = {
        title: '复制备份到… (Copy the backup to…)',
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  });
  app.on('will-quit', () => {
    ipc.dispose();
    core.close();
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, onAbout: showAbout })));
  mainWindow = createWindow();
  // A counter with a monitor facing the villagers gets its display at once; otherwise on request.
  if (pickCustomerScreen(screen.getAllDisplays(), screen.getPrimaryDisplay().id)) openCustomerDisplay();
}

start().catch((e) => {
  console.error('[shell] start failed', e);
  app.exit(1);
});
