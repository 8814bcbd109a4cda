// How the desktop counter's updater is set up, kept apart from electron-updater so it can be tested
// without Electron: the feed is the paired office's /updates/ (served by electron/server/update-feed.ts).
import type { UpdateStatus } from '../core/context.js';

/** electron-updater's generic provider options (structurally its GenericServerOptions). */
export interface GenericFeedOptions {
  provider: 'generic';
  url: string;
  channel: 'latest';
  useMultipleRangeRequest: false;
}

/** The feed under an office's address: http://192.168.1.10:5180 → http://192.168.1.10:5180/updates/ */
export function updateFeedUrl(officeUrl: string): string {
  const base = new URL(officeUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`office URL must be http(s): ${officeUrl}`);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/updates/`;
  base.search = '';
  base.hash = '';
  return base.href;
}

/** electron-updater's options for a feed URL that feedFor() gave. */
export function feedOptions(feedUrl: string): GenericFeedOptions {
  // The office's plain static route answers no Range requests, so no multi-range differential download.
  return { provider: 'generic', url: feedUrl, channel: 'latest', useMultipleRangeRequest: false };
}

/**
 * Nothing happens behind the user's back: a check never downloads, quitting never installs, and an
 * older version on the office's feed is never "updated" to.
 */
export const updaterFlags = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  allowDowngrade: false,
  allowPrerelease: false,
  disableDifferentialDownload: true,
} as const;

/** Where this PC gets updates: only a counter, only once paired, from its office. */
export function feedFor(role: 'all' | 'office' | 'counter', syncStatus: unknown): Pick<UpdateStatus, 'feedUrl' | 'noFeedReason'> {
  if (role !== 'counter') return { feedUrl: null, noFeedReason: 'not-counter' };
  const officeUrl = (syncStatus as { officeUrl?: unknown } | null)?.officeUrl;
  if (typeof officeUrl !== 'string' || officeUrl === '') return { feedUrl: null, noFeedReason: 'not-paired' };
  return { feedUrl: updateFeedUrl(officeUrl), noFeedReason: null };
}
