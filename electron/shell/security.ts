import type { HandlerDetails, WebPreferences, WindowOpenHandlerResponse } from 'electron';

/**
 * The renderer is served from app://pos/ rather than file://, so that 'self' in the CSP means our
 * bundle only (file:// would make every file on the disk same-origin) and so that the navigation
 * and IPC-sender checks have one exact origin to compare against.
 */
export const appScheme = 'app';
export const appHost = 'pos';
export const appUrl = `${appScheme}://${appHost}/`;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export const cspDirectives: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  // antd's CSS-in-JS injects <style> elements at runtime and React renders style="" attributes;
  // neither can carry a nonce from a static bundle, so inline styles are allowed. Scripts are not.
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'none'",
};

export const contentSecurityPolicy = Object.entries(cspDirectives)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

function parse(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for our own app:// origin. Compared by protocol and host because URL.origin is
 * "null" for non-special schemes, which would make every custom-scheme URL look alike.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${appScheme}:` && u.host === appHost && !u.username && !u.password;
}

/** A page that left the app could be anything; with window.pos it could spend villagers' points. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** No popups at all: the POS has no reason to open a window, and a new window escapes our checks. */
export function windowOpenHandler(_details?: HandlerDetails): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/**
 * IPC is answered only for the app's own main frame. A subframe (even one the CSP let through) or a
 * frame that navigated elsewhere gets nothing.
 */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame = true): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}

/** Camera, geolocation, notifications, etc.: a points counter needs none of them. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}
