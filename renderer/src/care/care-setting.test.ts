import { describe, expect, it } from 'vitest';
import { careIsOn, parseCareChoice } from './care-setting';

describe('parseCareChoice', () => {
  it('keeps the two values the switch writes', () => {
    expect(parseCareChoice('on')).toBe('on');
    expect(parseCareChoice('off')).toBe('off');
  });

  it('treats a missing or unknown value as no choice', () => {
    for (const raw of [null, undefined, '', 'ON', 'true', '1', ' on']) expect(parseCareChoice(raw)).toBeNull();
  });
});

describe('careIsOn', () => {
  it('follows the page default while this terminal has made no choice', () => {
    expect(careIsOn(null, false)).toBe(false);
    expect(careIsOn(null, true)).toBe(true);
  });

  it('lets an explicit choice win over the page default', () => {
    expect(careIsOn('off', true)).toBe(false);
    expect(careIsOn('on', false)).toBe(true);
    expect(careIsOn('on', true)).toBe(true);
    expect(careIsOn('off', false)).toBe(false);
  });
});
