import { describe, expect, it } from 'vitest';
import { stockText } from './text';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('stock page words', () => {
  it('English has every Chinese key, with the same placeholders', () => {
    expect(Object.keys(stockText.en).sort()).toEqual(Object.keys(stockText.zh).sort());
    for (const k of Object.keys(stockText.zh) as (keyof typeof stockText.zh)[]) {
      expect(placeholders(stockText.en[k]), k).toEqual(placeholders(stockText.zh[k]));
    }
  });
  it('names the four funding sources as the policy does', () => {
    expect([stockText.zh.fiscal, stockText.zh.collective, stockText.zh.donation, stockText.zh.sponsor]).toEqual([
      '财政补助',
      '村集体经济收入',
      '社会捐赠',
      '联系点(定点)单位扶持',
    ]);
  });
});
