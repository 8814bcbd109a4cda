import { describe, expect, it } from 'vitest';
import { customerDisplayUrl, customerDisplayWindowOptions, isCustomerDisplayRequest, openHandlerWithDisplay, pickCustomerScreen } from './customer-display.js';
import { appUrl, secureWebPreferences } from './security.js';

const primary = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const second = { id: 2, bounds: { x: 1366, y: 0, width: 1024, height: 768 } };

describe('pickCustomerScreen', () => {
  it('takes the monitor that is not the primary one, whatever the order', () => {
    expect(pickCustomerScreen([primary, second], 1)).toBe(second);
    expect(pickCustomerScreen([second, primary], 1)).toBe(second);
  });

  it('finds none on a one-monitor machine', () => {
    expect(pickCustomerScreen([primary], 1)).toBeNull();
    expect(pickCustomerScreen([], 1)).toBeNull();
  });
});

describe('customerDisplayWindowOptions', () => {
  it('fills the villager monitor, fullscreen and frameless', () => {
    expect(customerDisplayWindowOptions(second, '/app/preload.cjs')).toMatchObject({
      x: 1366,
      y: 0,
      width: 1024,
      height: 768,
      fullscreen: true,
      frame: false,
      show: false,
    });
  });

  it('is a normal window when there is no second monitor', () => {
    const o = customerDisplayWindowOptions(null, '/app/preload.cjs');
    expect(o).toMatchObject({ width: 1024, height: 768 });
    expect(o.fullscreen).toBeUndefined();
    expect(o.frame).toBeUndefined();
  });

  it('has exactly the main window preferences: same preload, same default session (so BroadcastChannel reaches it)', () => {
    for (const target of [second, null]) {
      const prefs = customerDisplayWindowOptions(target, '/app/preload.cjs').webPreferences;
      expect(prefs).toEqual(secureWebPreferences('/app/preload.cjs'));
      expect(prefs).not.toHaveProperty('partition');
      expect(prefs).not.toHaveProperty('session');
    }
  });

  it('loads the same origin as the main window', () => {
    expect(new URL(customerDisplayUrl).host).toBe(new URL(appUrl).host);
    expect(new URL(customerDisplayUrl).protocol).toBe(new URL(appUrl).protocol);
  });
});

describe('isCustomerDisplayRequest', () => {
  it('is the display route of our own origin only', () => {
    expect(isCustomerDisplayRequest('app://pos/#/display')).toBe(true);
    expect(isCustomerDisplayRequest(customerDisplayUrl)).toBe(true);
    for (const url of [
      'app://pos/#/counter',
      'app://pos/?x=1#/display',
      'app://pos/other#/display',
      'app://evil/#/display',
      'https://pos/#/display',
      'not a url',
    ]) {
      expect(isCustomerDisplayRequest(url)).toBe(false);
    }
  });
});

describe('openHandlerWithDisplay', () => {
  it('denies every popup, and opens our own display window for the display route', () => {
    let opened = 0;
    const handler = openHandlerWithDisplay(() => opened++);
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(opened).toBe(0);
    expect(handler({ url: 'app://pos/#/display' })).toEqual({ action: 'deny' });
    expect(opened).toBe(1);
  });
});
