import { describe, expect, it } from 'vitest';
import { areaPrefix, levelOf, parentOf, within } from './areas.js';

describe('统计用区划代码', () => {
  it('tells the level from the code', () => {
    expect(levelOf('469030000000')).toBe('county');
    expect(levelOf('469030101000')).toBe('town');
    expect(levelOf('469030101201')).toBe('village');
    expect(levelOf('46903010120')).toBeNull();
    expect(levelOf('469030000201')).toBeNull(); // a village with no town
    expect(levelOf('000000000000')).toBeNull();
    expect(levelOf('46903010120x')).toBeNull();
  });

  it('finds the parent and the prefix', () => {
    expect(parentOf('469030101201')).toBe('469030101000');
    expect(parentOf('469030101000')).toBe('469030000000');
    expect(parentOf('469030000000')).toBeNull();
    expect(areaPrefix('469030000000')).toBe('469030');
    expect(areaPrefix('469030101000')).toBe('469030101');
  });

  it('knows which area holds which', () => {
    expect(within('469030101201', '469030101000')).toBe(true);
    expect(within('469030102201', '469030101000')).toBe(false);
    expect(within('469030102201', '469030000000')).toBe(true);
    expect(within('469031102201', '469030000000')).toBe(false);
    expect(within('469030101201', '469030101201')).toBe(true);
  });
});
