import { describe, expect, it } from 'vitest';
import { format, messages, translate } from './messages';

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
