import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { printFailureReason, printFailureText } from './print-failure';

describe('print failure reasons', () => {
  it('reads the reason beside the code, never from the message', () => {
    expect(printFailureReason(new ApiError('PRINTER_UNAVAILABLE', '打印机缺纸', undefined, 'paper_out'))).toBe('paper_out');
    expect(printFailureReason(new ApiError('PRINTER_UNAVAILABLE', 'x', { jobId: 3 }, 'cover_open'))).toBe('cover_open');
    expect(printFailureReason(new ApiError('PRINTER_UNAVAILABLE', '打印机缺纸'))).toBe('other');
    expect(printFailureReason(new ApiError('PRINTER_UNAVAILABLE', 'x', undefined, 'something_new'))).toBe('other');
    expect(printFailureReason(new Error('boom'))).toBe('other');
    expect(printFailureReason(null)).toBe('other');
  });

  it('says each reason in Chinese and English; an unknown one falls back to the server text', () => {
    for (const reason of ['paper_out', 'cover_open', 'printer_timeout', 'printer_unreachable'] as const) {
      expect(printFailureText(reason, 'zh', 'fb')).toMatch(/[\u4e00-\u9fff]/);
      expect(printFailureText(reason, 'en', 'fb')).toMatch(/[a-z]/);
      expect(printFailureText(reason, 'en', 'fb')).not.toBe('fb');
    }
    expect(printFailureText('paper_out', 'zh', 'fb')).toContain('缺纸');
    expect(printFailureText('printer_timeout', 'zh', 'fb')).toContain('重打');
    expect(printFailureText('other', 'zh', '打印机无法连接')).toBe('打印机无法连接');
  });
});
