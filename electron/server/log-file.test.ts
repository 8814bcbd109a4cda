import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLogLine, logFilePath, openLogFile } from './log-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'logfile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = new Date('2026-05-01T08:00:00.000Z');
const read = (f: string) => readFileSync(f, 'utf8');

describe('formatLogLine', () => {
  it('writes time, level, message, data as JSON and an error’s stack on the following lines', () => {
    expect(formatLogLine(at, 'info', '启动', { port: 5180 })).toBe('2026-05-01T08:00:00.000Z [info] 启动 {"port":5180}\n');
    expect(formatLogLine(at, 'warn', 'x', {})).toBe('2026-05-01T08:00:00.000Z [warn] x\n');
    const line = formatLogLine(at, 'error', 'boom', undefined, new Error('disk full'));
    expect(line).toMatch(/^2026-05-01T08:00:00\.000Z \[error\] boom\nError: disk full\n {4}at /);
    expect(formatLogLine(at, 'error', 'odd', undefined, { code: 7 })).toBe('2026-05-01T08:00:00.000Z [error] odd\n{"code":7}\n');
  });
});

describe('openLogFile', () => {
  it('creates <dataDir>/logs and appends lines', () => {
    const log = openLogFile(logFilePath(dir, 'server.log'), { now: () => at });
    log.info('a');
    log.warn('b', { n: 1 });
    expect(log.path).toBe(join(dir, 'logs', 'server.log'));
    expect(read(log.path)).toBe('2026-05-01T08:00:00.000Z [info] a\n2026-05-01T08:00:00.000Z [warn] b {"n":1}\n');
  });

  it('rotates before a line would pass the size limit and keeps only N old files, newest as .1', () => {
    const file = join(dir, 'logs', 'server.log');
    const log = openLogFile(file, { maxBytes: 100, keep: 2, now: () => at });
    const lineBytes = Buffer.byteLength(formatLogLine(at, 'info', 'line 0'));
    expect(lineBytes).toBe(39); // two lines fit in 100 bytes, a third does not
    for (let i = 0; i < 7; i++) log.info(`line ${i}`);
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['server.log', 'server.log.1', 'server.log.2']);
    expect(read(file)).toContain('line 6');
    expect(read(`${file}.1`)).toMatch(/line 4\n.*line 5\n$/);
    expect(read(`${file}.2`)).toMatch(/line 2\n.*line 3\n$/);
    expect(read(`${file}.1`).length).toBeLessThanOrEqual(100);
    // lines 0 and 1 went with the third-oldest file
    expect([file, `${file}.1`, `${file}.2`].map(read).join('')).not.toContain('line 1');
  });

  it('counts what an earlier run already wrote', () => {
    const file = join(dir, 'main.log');
    writeFileSync(file, 'x'.repeat(90));
    openLogFile(file, { maxBytes: 100, keep: 1, now: () => at }).info('next');
    expect(read(`${file}.1`)).toBe('x'.repeat(90));
    expect(read(file)).toBe('2026-05-01T08:00:00.000Z [info] next\n');
  });

  it('keeps no old file when keep is 0, and a single line longer than the limit is still written', () => {
    const file = join(dir, 'l.log');
    const log = openLogFile(file, { maxBytes: 10, keep: 0, now: () => at });
    log.info('first long line');
    log.info('second long line');
    expect(existsSync(`${file}.1`)).toBe(false);
    expect(read(file)).toBe('2026-05-01T08:00:00.000Z [info] second long line\n');
  });
});
