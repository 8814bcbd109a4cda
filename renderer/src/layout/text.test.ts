import { describe, expect, it } from 'vitest';
import { layoutMessages } from './text';

describe('layout words', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(Object.keys(layoutMessages.en).sort()).toEqual(Object.keys(layoutMessages.zh).sort());
    for (const lang of ['zh', 'en'] as const) for (const [k, v] of Object.entries(layoutMessages[lang])) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });
});
