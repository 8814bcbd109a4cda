import electronUpdater from 'electron-updater';
import type { App } from '../server/app.js';
import type { AppLog } from '../server/log-file.js';
import { mainLogger } from './main-log.js';
import { createUpdateRuntime, type UpdaterLike } from './updater.js';
import { feedFor } from './updater-config.js';

/** How long after start the counter looks at its office's feed: before a day's redemptions get going. */
const startupCheckDelayMs = 20_000;

/**
 * Gives the core the desktop updater (app.checkUpdate / app.installUpdate on the 关于 page). A paired
 * counter also looks once at startup; it only reports what it found. Downloading and restarting
 * happen when an admin confirms on the 关于 page, never in the middle of a redemption.
 */
export function startDesktopUpdates(core: App, currentVersion: string, log: AppLog): void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = mainLogger;
  const deps = core.dispatcher.deps;
  const runtime = createUpdateRuntime({
    updater: autoUpdater as unknown as UpdaterLike,
    currentVersion,
    feed: () => feedFor(deps.role ?? 'all', deps.sync?.status()),
    log,
  });
  deps.updates = runtime;
  if (runtime.status().feedUrl) setTimeout(() => void runtime.check(), startupCheckDelayMs).unref();
}
