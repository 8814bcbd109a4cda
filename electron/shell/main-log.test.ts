import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// electron-log/main needs Electron itself; this stands in for it and records how it is configured.
const fake = vi.hoisted(() => {
  const written: unknown[][] = [];
  const log = {
    transports: { file: { resolvePathFn: undefined as undefined | (() => string), maxSize: 1024 * 1024, level: 'silly' } },
    errorHandler: {
      options: undefined as unknown,
      startCatching(o: unknown) {
        this.options = o;
      },
    },
    functions: {} as Record<string, (...a: unknown[]) => void>,
    info: (...a: unknown[]) => written.push(['info', ...a]),
    warn: (...a: unknown[]) => written.push(['warn', ...a]),
    error: (...a: unknown[]) => written.push(['error', ...a]),
  };
  log.functions = { log: log.info, info: log.info, warn: log.warn, error: log.error };
  return { log, written };
});
vi.mock('electron-log/main', () => ({ default: fake.log }));

const { mainLogMaxBytes, startMainLog } = await import('./main-log.js');

describe('startMainLog', () => {
  it('writes <dataDir>/logs/main.log, rotating at 5 MB, catches uncaught errors without a dialog, and takes console output', () => {
    const original = { ...console };
    try {
      const main = startMainLog('/data/village');
      expect(main.file).toBe(join('/data/village', 'logs', 'main.log'));
      expect(fake.log.transports.file.resolvePathFn?.()).toBe(main.file);
      expect(fake.log.transports.file.maxSize).toBe(mainLogMaxBytes);
      expect(mainLogMaxBytes).toBe(5 * 1024 * 1024);
      expect(fake.log.transports.file.level).toBe('info');
      expect(fake.log.errorHandler.options).toEqual({ showDialog: false });
      expect(console.error).toBe(fake.log.error);

      const err = new Error('disk gone');
      main.info('启动', { role: 'counter' });
      main.warn('no data');
      main.error('打不开数据库', err, { file: 'points.db' });
      main.error('plain');
      expect(fake.written).toEqual([
        ['info', '启动', { role: 'counter' }],
        ['warn', 'no data'],
        ['error', '打不开数据库', err, { file: 'points.db' }],
        ['error', 'plain'],
      ]);
    } finally {
      Object.assign(console, original);
    }
  });
});
