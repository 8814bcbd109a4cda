import { describe, expect, it } from 'vitest';
import { looksLikeCard, onEnter, type LaneState } from './lane';

const idle: LaneState = { proposal: null, repeatArmed: false, busy: false };
const ready: LaneState = { proposal: { lines: [1], problems: [], servedToday: [] }, repeatArmed: false, busy: false };

describe('fast lane Enter', () => {
  it('a scanned card proposes, even over a proposal on screen', () => {
    expect(onEnter('66010001', idle)).toEqual({ kind: 'propose', q: '66010001' });
    expect(onEnter(' 66010002 ', ready)).toEqual({ kind: 'propose', q: '66010002' });
  });
  it('an empty Enter redeems what is proposed', () => {
    expect(onEnter('', ready)).toEqual({ kind: 'redeem' });
  });
  it('refuses without a card, without lines, with problems, or while busy', () => {
    expect(onEnter('', idle)).toEqual({ kind: 'refuse', why: 'no-card' });
    expect(onEnter('', { ...ready, proposal: { lines: [], problems: [], servedToday: [] } })).toEqual({ kind: 'refuse', why: 'no-lines' });
    expect(onEnter('', { ...ready, proposal: { lines: [1], problems: ['积分不足'], servedToday: [] } })).toEqual({ kind: 'refuse', why: 'problems' });
    expect(onEnter('', { ...ready, busy: true })).toEqual({ kind: 'refuse', why: 'busy' });
  });
  it('a household served today needs a second Enter', () => {
    const again: LaneState = { ...ready, proposal: { lines: [1], problems: [], servedToday: ['C01-2026-000001'] } };
    expect(onEnter('', again)).toEqual({ kind: 'arm-repeat' });
    expect(onEnter('', { ...again, repeatArmed: true })).toEqual({ kind: 'redeem' });
  });
  it('tells a card number from a name', () => {
    expect(looksLikeCard('66010001')).toBe(true);
    expect(looksLikeCard('张三')).toBe(false);
    expect(looksLikeCard('zsf')).toBe(false);
  });
});
