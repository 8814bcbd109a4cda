import { describe, expect, it } from 'vitest';
import { todayMessages } from './today-text';

describe('今日兑换 words', () => {
  it('English has exactly the Chinese keys, with the same placeholders', () => {
    expect(Object.keys(todayMessages.en).sort()).toEqual(Object.keys(todayMessages.zh).sort());
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(todayMessages.zh)) expect([k, slots(todayMessages.en[k as keyof typeof todayMessages.zh])]).toEqual([k, slots(v)]);
  });
});
