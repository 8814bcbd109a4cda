import { describe, expect, it } from 'vitest';
import { parseShellArgs } from './args.js';

describe('shell arguments', () => {
  it('leaves the role to the stored setting, no demo, no test clock, userData', () => {
    expect(parseShellArgs(['/usr/bin/electron', '.'])).toEqual({ demo: false, testClock: false });
  });

  it('reads --role in both spellings and ignores Chromium flags', () => {
    expect(parseShellArgs(['electron', '.', '--no-sandbox', '--role', 'counter']).role).toBe('counter');
    expect(parseShellArgs(['积分超市.exe', '--role=office']).role).toBe('office');
  });

  it('reads --data, --demo and --test-clock', () => {
    expect(parseShellArgs(['e', '--data', '/tmp/d', '--demo', '--test-clock'])).toEqual({
      dataDir: '/tmp/d',
      demo: true,
      testClock: true,
    });
  });

  it('refuses an unknown role', () => {
    expect(() => parseShellArgs(['e', '--role', 'boss'])).toThrow(/all, office or counter/);
  });
});
