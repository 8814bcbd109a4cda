import { describe, expect, it } from 'vitest';
import { devicePath, parsePrinterTarget } from './printer-target.js';

describe('printer target', () => {
  it('reads network printers, with 9100 as the default raw port', () => {
    expect(parsePrinterTarget('tcp://192.168.1.50:9100')).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100 });
    expect(parsePrinterTarget('tcp://printer.local')).toEqual({ kind: 'tcp', host: 'printer.local', port: 9100 });
    expect(parsePrinterTarget('tcp://[::1]:9101')).toEqual({ kind: 'tcp', host: '::1', port: 9101 });
  });

  it('reads printer devices on Linux and Windows', () => {
    for (const p of ['/dev/usb/lp0', '/dev/ttyUSB0', 'COM3', 'com12', 'LPT1', '\\\\localhost\\POS58']) {
      expect(parsePrinterTarget(p)).toEqual({ kind: 'device', path: p });
    }
  });

  it('refuses anything else', () => {
    for (const p of [
      '',
      'tcp://',
      'tcp://host:0',
      'tcp://host:70000',
      'tcp://a b:9100',
      'http://10.0.0.1:9100',
      '/etc/passwd',
      '/dev/../etc/passwd',
      'C:\\Windows\\win.ini',
      'COM0',
      'printer:auto',
      'lp0',
    ]) {
      expect(parsePrinterTarget(p), p).toBeNull();
    }
  });

  it('opens Windows ports through the device namespace', () => {
    expect(devicePath('COM12', 'win32')).toBe('\\\\.\\COM12');
    expect(devicePath('/dev/usb/lp0', 'linux')).toBe('/dev/usb/lp0');
  });
});
