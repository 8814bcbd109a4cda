import log from 'electron-log/main';
import { logFilePath, type AppLog } from '../server/log-file.js';

/** electron-log rotates at this size: main.log becomes main.old.log (the one old file kept) and a new one starts. */
export const mainLogMaxBytes = 5 * 1024 * 1024;

/**
 * The desktop app's log: `<dataDir>/logs/main.log`, beside the headless server's server.log. console
 * output of the main process (the core's "[core] unexpected error" with its stack) lands there too, as
 * do uncaught exceptions and unhandled rejections, without the error box a shopkeeper cannot act on.
 */
export function startMainLog(dataDir: string): AppLog & { readonly file: string } {
  const file = logFilePath(dataDir, 'main.log');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = mainLogMaxBytes;
  log.transports.file.level = 'info';
  log.errorHandler.startCatching({ showDialog: false });
  Object.assign(console, log.functions);
  const withData = (data?: Record<string, unknown>) => (data && Object.keys(data).length > 0 ? [data] : []);
  return {
    file,
    info: (message, data) => log.info(message, ...withData(data)),
    warn: (message, data) => log.warn(message, ...withData(data)),
    error: (message, err, data) => log.error(message, ...(err === undefined ? [] : [err]), ...withData(data)),
  };
}

/** electron-updater logs its own steps (feed, download, verification) through the same file. */
export const mainLogger = log;
