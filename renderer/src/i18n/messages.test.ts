import { describe, expect, it } from 'vitest';
import { cleanServerMessage, describeError, errorTitle } from './error-text';
import { format, messages, translate } from './messages';
import { ApiError } from '../api/errors';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('English has every Chinese key, with the same placeholders', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
    for (const k of Object.keys(messages.zh) as (keyof typeof messages.zh)[]) {
      expect(placeholders(messages.en[k]), k).toEqual(placeholders(messages.zh[k]));
    }
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('可兑换 {n} 分', { n: 12 })).toBe('可兑换 12 分');
    expect(format('{a}{b}', { a: 1 })).toBe('1{b}');
    expect(translate('zh', 'navCounter')).toBe('收银台');
    expect(translate('en', 'navCounter')).toBe('Counter');
  });
  it('has the menu words the counter is known by', () => {
    expect([messages.zh.navCounter, messages.zh.navToday, messages.zh.navPrinter, messages.zh.logout]).toEqual(['收银台', '今日兑换', '打印机设置', '退出']);
  });
});

describe('error text', () => {
  it('names each counter error in plain Chinese', () => {
    expect(errorTitle('INSUFFICIENT_POINTS', 'zh')).toBe('积分不足');
    expect(errorTitle('OUT_OF_STOCK', 'zh')).toBe('库存不足');
    expect(errorTitle('NOT_REDEMPTION_DAY', 'zh')).toBe('今天不是兑换日');
    expect(errorTitle('LIMIT_EXCEEDED', 'zh')).toBe('超出限额');
    expect(errorTitle('PRINTER_UNAVAILABLE', 'zh')).toBe('打印机无法连接');
    expect(errorTitle('SOMETHING_NEW', 'zh')).toBe('出错了');
    expect(errorTitle('OUT_OF_STOCK', 'en')).toBe('Out of stock');
  });
  it('drops the English gloss in Chinese and keeps it in English', () => {
    expect(cleanServerMessage('积分不足：可用 5 分，需要 8 分 (insufficient points)', 'zh')).toBe('积分不足：可用 5 分，需要 8 分');
    expect(cleanServerMessage('没有这个方法 (unknown method): x.y', 'zh')).toBe('没有这个方法: x.y');
    expect(cleanServerMessage('「大米（10kg）」库存不足', 'zh')).toBe('「大米（10kg）」库存不足');
    expect(cleanServerMessage('积分不足 (insufficient points)', 'en')).toBe('积分不足 (insufficient points)');
  });
  it('does not repeat the title when the server message already says it', () => {
    expect(describeError(new ApiError('INSUFFICIENT_POINTS', '积分不足：可用 5 分，需要 8 分 (insufficient points)'), 'zh').text).toBe('积分不足：可用 5 分，需要 8 分');
    expect(describeError(new ApiError('OUT_OF_STOCK', '「保温杯」库存不足：现有 0个，需要 1个'), 'zh').text).toBe('「保温杯」库存不足：现有 0个，需要 1个');
    expect(describeError(new ApiError('PRINTER_UNAVAILABLE', ''), 'zh').text).toBe('打印机无法连接');
    expect(describeError(new Error('boom'), 'zh').text).toBe('系统出错，操作没有完成：boom');
    expect(describeError(new ApiError('UNAUTHENTICATED', '主管用户名或 PIN 错误 (wrong username or PIN)'), 'zh').text).toBe('主管用户名或 PIN 错误');
    expect(describeError(new ApiError('CONFLICT', ''), 'zh').text).toBe('操作冲突');
  });
});
