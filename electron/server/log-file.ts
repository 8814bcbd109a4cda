import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { logsDirOf } from '../core/data-paths.js';

/** What the server and the core's hosts log through: the headless server's file, or electron-log in the shell. */
export interface AppLog {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, err?: unknown, data?: Record<string, unknown>): void;
}

export interface LogFileOptions {
  /** Rotate before a line would take the file past this many bytes (default 5 MB). */
  maxBytes?: number;
  /** Old files kept beside the current one: server.log.1 (newest) … server.log.<keep> (default 3). */
  keep?: number;
  now?: () => Date;
}

export interface LogFile extends AppLog {
  readonly path: string;
}

/** `<dataDir>/logs/<name>`: where the server and the shell keep their logs. */
export const logFilePath = (dataDir: string, name: string): string => join(logsDirOf(dataDir), name);

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return typeof err === 'string' ? err : JSON.stringify(err);
}

export function formatLogLine(at: Date, level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>, err?: unknown): string {
  let line = `${at.toISOString()} [${level}] ${message}`;
  if (data && Object.keys(data).length > 0) line += ` ${JSON.stringify(data)}`;
  if (err !== undefined) line += `\n${describeError(err)}`;
  return `${line}\n`;
}

/**
 * A small size-rotating log file in plain Node (the headless server imports no electron-log).
 * Writes are synchronous appends: few lines an hour, and the last line before a crash is the one
 * that matters. A failing disk never takes the server down: the line goes to stderr instead.
 */
export function openLogFile(path: string, opts: LogFileOptions = {}): LogFile {
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const keep = opts.keep ?? 3;
  const now = opts.now ?? (() => new Date());
  mkdirSync(dirname(path), { recursive: true });
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // no file yet
  }

  function rotate(): void {
    rmSync(`${path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${path}.${i}`, `${path}.${i + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    if (keep > 0) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    size = 0;
  }

  function write(line: string): void {
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(path, line);
      size += bytes;
    } catch (e) {
      process.stderr.write(`[log] cannot write ${path}: ${describeError(e)}\n${line}`);
    }
  }

  return {
    path,
    info: (message, data) => write(formatLogLine(now(), 'info', message, data)),
    warn: (message, data) => write(formatLogLine(now(), 'warn', message, data)),
    error: (message, err, data) => write(formatLogLine(now(), 'error', message, data, err)),
  };
}
