import { describe, expect, it } from 'vitest';
import { issueReason, noteText, requiredText, text } from './validation.js';

const reasons = (r: { success: boolean; error?: { issues: Parameters<typeof issueReason>[0][] } }) => r.error?.issues.map(issueReason) ?? [];

describe('free text', () => {
  it('refuses C0 controls (tab and line breaks too), DEL and C1 controls, with the reason control_character', () => {
    for (const s of ['张\u0007三', 'a\tb', 'a\nb', 'a\u0000', 'x\u007f', 'x\u0085y', 'x\u009f', '\u001b[31m红']) {
      const r = requiredText(32).safeParse(s);
      expect([JSON.stringify(s), reasons(r)]).toEqual([JSON.stringify(s), ['control_character']]);
    }
  });

  it('keeps CJK, rare CJK Ext B (𠮷), emoji and full-width punctuation', () => {
    for (const s of ['张三丰', '𠮷野家', '刘䶮', '好人好事👍', '（第一组）·、。']) expect(text(32).parse(s)).toBe(s);
  });

  it('a note may hold line breaks, normalised to \\n, and nothing else invisible', () => {
    expect(noteText(200).parse(' 第一行\r\n第二行\r第三行 ')).toBe('第一行\n第二行\n第三行');
    expect(reasons(noteText(200).safeParse('a\tb'))).toEqual(['control_character']);
    expect(reasons(noteText(200).safeParse('a\u0007'))).toEqual(['control_character']);
  });

  it('other refusals carry no reason of their own', () => {
    expect(reasons(requiredText(2).safeParse('三个字'))).toEqual([undefined]);
  });
});
