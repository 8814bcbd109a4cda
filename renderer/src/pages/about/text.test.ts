import { describe, expect, it } from 'vitest';
import { aboutMessages } from './text';

describe('about page words', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(Object.keys(aboutMessages.en).sort()).toEqual(Object.keys(aboutMessages.zh).sort());
    for (const lang of ['zh', 'en'] as const) for (const [k, v] of Object.entries(aboutMessages[lang])) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });

  it('has a line for every updater state and every reason there is no feed', () => {
    for (const s of ['idle', 'checking', 'none', 'available', 'downloading', 'ready', 'error']) expect(aboutMessages.zh).toHaveProperty(`state_${s}`);
    for (const r of ['not_counter', 'not_paired']) expect(aboutMessages.zh).toHaveProperty(`noFeed_${r}`);
  });
});
