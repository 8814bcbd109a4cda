import { describe, expect, it } from 'vitest';
import { goodsMessages } from './goods-text';

describe('goods search words', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(Object.keys(goodsMessages.en).sort()).toEqual(Object.keys(goodsMessages.zh).sort());
    for (const lang of ['zh', 'en'] as const) for (const [k, v] of Object.entries(goodsMessages[lang])) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });
});
