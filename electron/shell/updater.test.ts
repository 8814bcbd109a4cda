import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppLog } from '../server/log-file.js';
import { createUpdateRuntime, type UpdaterLike } from './updater.js';
import { feedFor, feedOptions, updateFeedUrl, updaterFlags } from './updater-config.js';

describe('updater configuration', () => {
  it('builds the generic provider options from the paired office’s URL', () => {
    expect(updateFeedUrl('http://192.168.1.10:5180')).toBe('http://192.168.1.10:5180/updates/');
    expect(updateFeedUrl('http://192.168.1.10:5180/')).toBe('http://192.168.1.10:5180/updates/');
    expect(updateFeedUrl('http://office.local:8080/pos/?x=1#y')).toBe('http://office.local:8080/pos/updates/');
    expect(feedOptions('http://192.168.1.10:5180/updates/')).toEqual({
      provider: 'generic',
      url: 'http://192.168.1.10:5180/updates/',
      channel: 'latest',
      useMultipleRangeRequest: false,
    });
    expect(() => updateFeedUrl('file:///etc/passwd')).toThrow(/http/);
    expect(() => updateFeedUrl('not a url')).toThrow();
  });

  it('gives a feed only to a paired counter', () => {
    expect(feedFor('counter', { paired: true, officeUrl: 'http://10.0.0.2:5180' })).toEqual({ feedUrl: 'http://10.0.0.2:5180/updates/', noFeedReason: null });
    expect(feedFor('counter', { paired: false, officeUrl: null })).toEqual({ feedUrl: null, noFeedReason: 'not-paired' });
    expect(feedFor('counter', undefined)).toEqual({ feedUrl: null, noFeedReason: 'not-paired' });
    expect(feedFor('office', { officeUrl: 'http://10.0.0.2:5180' })).toEqual({ feedUrl: null, noFeedReason: 'not-counter' });
    expect(feedFor('all', null)).toEqual({ feedUrl: null, noFeedReason: 'not-counter' });
  });

  it('never downloads, installs on quit or downgrades by itself', () => {
    expect(updaterFlags).toEqual({
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
      allowPrerelease: false,
      disableDifferentialDownload: true,
    });
  });
});

/** Records what the runtime asks of electron-updater; answers as it would. */
function fakeUpdater(answer: () => Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>) {
  const calls: unknown[][] = [];
  let progress: ((p: { percent: number }) => void) | undefined;
  let finishDownload: () => void = () => {};
  const updater: UpdaterLike = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    allowPrerelease: true,
    disableDifferentialDownload: false,
    setFeedURL: (o) => calls.push(['setFeedURL', o]),
    checkForUpdates: () => (calls.push(['check']), answer()),
    downloadUpdate: () => (calls.push(['download']), new Promise<unknown>((ok) => (finishDownload = () => ok([])))),
    quitAndInstall: (...a) => calls.push(['quitAndInstall', ...a]),
    on: (_e, fn) => (progress = fn),
  };
  return { updater, calls, progress: (p: number) => progress?.({ percent: p }), finishDownload: () => finishDownload() };
}

const lines: string[] = [];
const log: AppLog = { info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
const paired = () => ({ feedUrl: 'http://10.0.0.2:5180/updates/', noFeedReason: null });
const at = () => new Date('2026-05-01T08:00:00Z');
afterEach(() => {
  lines.length = 0;
  vi.useRealTimers();
});

describe('createUpdateRuntime', () => {
  it('sets the flags, checks the office’s feed and reports a newer version without downloading it', async () => {
    const f = fakeUpdater(async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }));
    const rt = createUpdateRuntime({ updater: f.updater, currentVersion: '0.1.0', feed: paired, log, now: at });
    expect(f.updater).toMatchObject(updaterFlags);
    expect(rt.status()).toMatchObject({ state: 'idle', current: '0.1.0', feedUrl: 'http://10.0.0.2:5180/updates/' });
    const [a, b] = await Promise.all([rt.check(), rt.check()]); // a second click while checking joins the first
    expect(a).toBe(b);
    expect(a).toMatchObject({ state: 'available', latest: '0.2.0', checkedAt: '2026-05-01T08:00:00.000Z', error: null });
    expect(f.calls).toEqual([['setFeedURL', feedOptions('http://10.0.0.2:5180/updates/')], ['check']]);
  });

  it('does not touch the network without a feed, and reports none or the error otherwise', async () => {
    const none = fakeUpdater(async () => ({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }));
    expect(
      await createUpdateRuntime({ updater: none.updater, currentVersion: '0.1.0', feed: () => ({ feedUrl: null, noFeedReason: 'not-paired' }), log }).check(),
    ).toMatchObject({ state: 'idle', noFeedReason: 'not-paired' });
    expect(none.calls).toEqual([]);
    expect((await createUpdateRuntime({ updater: none.updater, currentVersion: '0.1.0', feed: paired, log }).check()).state).toBe('none');
    const down = fakeUpdater(async () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.2:5180')));
    expect(await createUpdateRuntime({ updater: down.updater, currentVersion: '0.1.0', feed: paired, log }).check()).toMatchObject({
      state: 'error',
      error: 'connect ECONNREFUSED 10.0.0.2:5180',
    });
    const dev = fakeUpdater(async () => null);
    expect((await createUpdateRuntime({ updater: dev.updater, currentVersion: '0.1.0', feed: paired, log }).check()).error).toMatch(/development build/);
    expect(lines.filter((l) => l.startsWith('warn'))).toHaveLength(2);
  });

  it('installs only a version a check found: downloads, reports progress, then quits into the installer', async () => {
    vi.useFakeTimers();
    const f = fakeUpdater(async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }));
    const rt = createUpdateRuntime({ updater: f.updater, currentVersion: '0.1.0', feed: paired, log, restartDelayMs: 1000 });
    expect((await rt.install()).state).toBe('idle'); // nothing found yet: nothing downloaded
    expect(f.calls).toEqual([]);
    await rt.check();
    const installing = rt.install();
    expect(rt.status()).toMatchObject({ state: 'downloading', percent: 0 });
    f.progress(42.7);
    expect(rt.status().percent).toBe(42);
    f.finishDownload();
    expect(await installing).toMatchObject({ state: 'ready', percent: 100, latest: '0.2.0' });
    expect(f.calls.map((c) => c[0])).toEqual(['setFeedURL', 'check', 'download']);
    vi.advanceTimersByTime(999);
    expect(f.calls.map((c) => c[0])).not.toContain('quitAndInstall');
    vi.advanceTimersByTime(1);
    expect(f.calls.at(-1)).toEqual(['quitAndInstall', false, true]);
  });

  it('a failed download is reported and the app keeps running', async () => {
    const f = fakeUpdater(async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }));
    f.updater.downloadUpdate = async () => Promise.reject(new Error('sha512 checksum mismatch'));
    const rt = createUpdateRuntime({ updater: f.updater, currentVersion: '0.1.0', feed: paired, log });
    await rt.check();
    expect(await rt.install()).toMatchObject({ state: 'error', error: 'sha512 checksum mismatch', percent: null });
    expect(f.calls.map((c) => c[0])).not.toContain('quitAndInstall');
    expect(lines.at(-1)).toBe('error 下载更新失败 (update download failed)');
  });
});
