import { describe, expect, it } from 'vitest';
import { checkInterface, normalizePrinter, parseCopies } from './printer-settings';

describe('printer settings', () => {
  it('reads what printer.get answers in any of its shapes', () => {
    expect(normalizePrinter(null)).toBeNull();
    expect(normalizePrinter({ printer: null })).toBeNull();
    expect(normalizePrinter({ type: 'EPSON', interface: 'tcp://10.0.0.5:9100', width: 48, copies: 2 })).toEqual({
      type: 'epson',
      interface: 'tcp://10.0.0.5:9100',
      width: 48,
      copies: 2,
    });
    expect(normalizePrinter({ printer: { type: 'star', interface: '/dev/usb/lp0', width: 99 } })).toEqual({
      type: 'star',
      interface: '/dev/usb/lp0',
      width: 32,
      copies: 1,
    });
    expect(normalizePrinter({ type: 'driver', deviceName: 'XP-58', width: 48, copies: 2 })).toEqual({
      type: 'driver',
      deviceName: 'XP-58',
      width: 48,
      copies: 2,
    });
    expect(normalizePrinter({ type: 'driver', width: 32 })).toBeNull();
    expect(normalizePrinter({ type: 'browser', width: 42 })).toEqual({ type: 'browser', width: 32, copies: 1 });
  });
  it('checks the interface and copies', () => {
    expect(checkInterface('tcp://192.168.1.87:9100')).toBe(true);
    expect(checkInterface('tcp://printer.local:9100')).toBe(true);
    expect(checkInterface('tcp://192.168.1.87')).toBe(true);
    expect(checkInterface('tcp://h:70000')).toBe(false);
    expect(checkInterface('http://x:80')).toBe(false);
    expect(checkInterface('/dev/usb/lp0')).toBe(true);
    expect(checkInterface('\\\\shop-pc\\POS58')).toBe(true);
    expect(checkInterface('/etc/passwd')).toBe(false);
    expect(checkInterface('/dev/../etc/passwd')).toBe(false);
    expect(checkInterface('COM3')).toBe(true);
    expect(checkInterface('')).toBe(false);
    expect(parseCopies('2')).toBe(2);
    expect(parseCopies('0')).toBeNull();
    expect(parseCopies('x')).toBeNull();
  });
});
