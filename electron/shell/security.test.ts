import { describe, expect, it } from 'vitest';
import {
  appUrl,
  contentSecurityPolicy,
  cspDirectives,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedNavigation,
  isTrustedSender,
  secureWebPreferences,
  windowOpenHandler,
} from './security.js';

describe('window webPreferences', () => {
  const prefs = secureWebPreferences('/app/preload.cjs');

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows scripts from the app only, never eval or inline', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('shuts off plugins, base rewriting, framing and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('talks only to its own origin and takes images from itself, data: and blob:', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('is built from the directive table with nothing else in it', () => {
    expect([...directives.keys()]).toEqual(Object.keys(cspDirectives));
    expect(contentSecurityPolicy).not.toMatch(/\*|https?:/);
  });
});

describe('navigation', () => {
  it('allows the app origin, any path', () => {
    expect(isAllowedNavigation(appUrl)).toBe(true);
    expect(isAllowedNavigation('app://pos/index.html#/counter')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5180/',
    'file:///etc/passwd',
    'app://evil/',
    'app://pos.evil.com/',
    'app://user:pw@pos/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('window.open', () => {
  it('is always denied', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
    expect(windowOpenHandler({ url: appUrl } as never)).toEqual({ action: 'deny' });
  });
});

describe('IPC sender check', () => {
  it('trusts the app main frame', () => {
    expect(isTrustedSender('app://pos/index.html')).toBe(true);
  });

  it('refuses foreign origins, missing frames and subframes', () => {
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('file:///tmp/x.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender('app://pos/index.html', false)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every request and check', () => {
    let granted: boolean | undefined;
    denyPermissionRequest({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(denyPermissionCheck()).toBe(false);
  });
});
