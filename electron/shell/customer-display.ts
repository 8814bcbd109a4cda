import type { BrowserWindowConstructorOptions, HandlerDetails, Rectangle, WindowOpenHandlerResponse } from 'electron';
import { appUrl, isAppUrl, secureWebPreferences, windowOpenHandler } from './security.js';

/**
 * The customer display: a second window on the counter's machine, on the monitor that faces the
 * villager. It loads the same app:// origin in the same (default) session as the main window, so the
 * renderer's BroadcastChannel reaches it; no partition, no other preload, no looser preferences.
 */
export const customerDisplayUrl = `${appUrl}#/display`;

export interface ScreenLike {
  id: number;
  bounds: Rectangle;
}

/** Any monitor but the primary one (the shopkeeper's); none when the machine has one monitor. */
export function pickCustomerScreen(displays: readonly ScreenLike[], primaryId: number): ScreenLike | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}

/** Exactly app://pos/#/display: the counter's 顾客屏 button asks for it with window.open. */
export function isCustomerDisplayRequest(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const u = new URL(url);
  return u.pathname === '/' && u.search === '' && u.hash === '#/display';
}

/** Fullscreen and frameless on the villager's monitor; a normal window on a one-monitor machine. */
export function customerDisplayWindowOptions(target: ScreenLike | null, preloadPath: string): BrowserWindowConstructorOptions {
  const base: BrowserWindowConstructorOptions = {
    title: '顾客屏 · 积分超市',
    show: false,
    backgroundColor: '#fbf6ee',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
  if (!target) return { ...base, width: 1024, height: 768, minWidth: 640, minHeight: 480 };
  const { x, y, width, height } = target.bounds;
  return { ...base, x, y, width, height, fullscreen: true, frame: false };
}

/**
 * Popups stay denied; a request for the display opens (or brings back) our own window instead, so
 * the window the page gets is always one main built with the secure preferences above.
 */
export function openHandlerWithDisplay(openDisplay: () => void): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return (details) => {
    if (isCustomerDisplayRequest(details.url)) openDisplay();
    return windowOpenHandler();
  };
}
