import { describe, expect, it } from 'vitest';
import { parseStatus, statusQuery } from './printer-status.js';

describe('parseStatus', () => {
  it('reads a ready printer', () => {
    expect(parseStatus(Buffer.from([0x12, 0x12]))).toBe('ready');
    // Paper near its end (bits 2, 3) still prints.
    expect(parseStatus(Buffer.from([0x1e, 0x12]))).toBe('ready');
  });

  it('reads paper out from the roll sensor or the offline cause', () => {
    expect(parseStatus(Buffer.from([0x72, 0x12]))).toBe('paper_out');
    expect(parseStatus(Buffer.from([0x12, 0x32]))).toBe('paper_out');
  });

  it('reads an open cover', () => {
    expect(parseStatus(Buffer.from([0x12, 0x16]))).toBe('cover_open');
  });

  it('treats a missing or malformed answer as unknown', () => {
    expect(parseStatus(Buffer.alloc(0))).toBe('unknown');
    expect(parseStatus(Buffer.from([0x12]))).toBe('unknown');
    expect(parseStatus(Buffer.from([0xff, 0x12]))).toBe('unknown');
    expect(parseStatus(Buffer.from('OK'))).toBe('unknown');
  });

  it('asks the roll sensor, then the offline cause', () => {
    expect([...statusQuery]).toEqual([0x10, 0x04, 4, 0x10, 0x04, 2]);
  });
});
