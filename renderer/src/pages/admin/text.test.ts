import { describe, expect, it } from 'vitest';
import { adminMessages } from './text';

describe('admin page words', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(Object.keys(adminMessages.en).sort()).toEqual(Object.keys(adminMessages.zh).sort());
    for (const lang of ['zh', 'en'] as const) for (const [k, v] of Object.entries(adminMessages[lang])) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });
});
