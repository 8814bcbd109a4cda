import type { UpdateRuntime, UpdateStatus } from '../core/context.js';
import type { AppLog } from '../server/log-file.js';
import { feedOptions, updaterFlags, type GenericFeedOptions } from './updater-config.js';

/** The parts of electron-updater's autoUpdater this uses (main.ts passes the real one). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  disableDifferentialDownload: boolean;
  setFeedURL(options: GenericFeedOptions): void;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (p: { percent: number }) => void): unknown;
}

export interface UpdateRuntimeOptions {
  updater: UpdaterLike;
  currentVersion: string;
  /** Asked at each check: the office a counter is paired with can change. */
  feed: () => Pick<UpdateStatus, 'feedUrl' | 'noFeedReason'>;
  log: AppLog;
  now?: () => Date;
  /** Time for app.installUpdate's reply to reach the window before the app quits into the installer. */
  restartDelayMs?: number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The desktop app's updater over electron-updater: check on request, download and install on confirmation. */
export function createUpdateRuntime(o: UpdateRuntimeOptions): UpdateRuntime {
  const { updater, log } = o;
  Object.assign(updater, updaterFlags);
  const now = o.now ?? (() => new Date());
  let status: UpdateStatus = { ...o.feed(), state: 'idle', current: o.currentVersion, latest: null, percent: null, error: null, checkedAt: null };
  let running: Promise<UpdateStatus> | null = null;
  updater.on('download-progress', (p) => {
    status = { ...status, percent: Math.floor(p.percent) };
  });

  const once = (work: () => Promise<UpdateStatus>) => {
    running ??= work().finally(() => (running = null));
    return running;
  };

  async function check(): Promise<UpdateStatus> {
    const feed = o.feed();
    status = { ...status, ...feed, error: null };
    if (!feed.feedUrl) return status;
    status = { ...status, state: 'checking' };
    try {
      updater.setFeedURL(feedOptions(feed.feedUrl));
      const found = await updater.checkForUpdates();
      // null: electron-updater skips unpackaged (development) runs.
      if (!found) throw new Error('未打包的开发版不检查更新 (a development build is not updated)');
      status = found.isUpdateAvailable ? { ...status, state: 'available', latest: found.updateInfo.version } : { ...status, state: 'none', latest: null };
      log.info('检查更新 (update check)', { feed: feed.feedUrl, state: status.state, latest: status.latest });
    } catch (e) {
      status = { ...status, state: 'error', error: message(e) };
      log.warn('检查更新失败 (update check failed)', { feed: feed.feedUrl, error: status.error });
    }
    status = { ...status, checkedAt: now().toISOString() };
    return status;
  }

  async function install(): Promise<UpdateStatus> {
    if (status.state !== 'available') return status;
    status = { ...status, state: 'downloading', percent: 0, error: null };
    try {
      await updater.downloadUpdate();
      status = { ...status, state: 'ready', percent: 100 };
      log.info('更新已下载，重启安装 (update downloaded, restarting to install)', { version: status.latest });
      setTimeout(() => updater.quitAndInstall(false, true), o.restartDelayMs ?? 1500);
    } catch (e) {
      status = { ...status, state: 'error', error: message(e), percent: null };
      log.error('下载更新失败 (update download failed)', e, { version: status.latest });
    }
    return status;
  }

  return {
    status: () => status,
    check: () => once(check),
    install: () => once(install),
  };
}
