import { describe, expect, it } from 'vitest';
import { mergeScanned } from './receive-lines';

const line = (key: number, id: number, qty = '1') => ({ key, item: { id }, qty });

describe('mergeScanned', () => {
  it('adds a line for an item not on the note yet', () => {
    expect(mergeScanned([line(1, 7)], 8, () => line(2, 8))).toEqual([line(1, 7), line(2, 8)]);
  });

  it('counts a second scan of the same item on its line instead of adding one', () => {
    const once = mergeScanned([], 7, () => line(1, 7));
    const twice = mergeScanned(once, 7, () => line(2, 7));
    expect(twice).toEqual([line(1, 7, '2')]);
    expect(mergeScanned(twice, 7, () => line(3, 7))).toEqual([line(1, 7, '3')]);
  });

  it('counts on the latest line when the item was split over two purses', () => {
    expect(mergeScanned([line(1, 7, '5'), line(2, 9), line(3, 7, '2')], 7, () => line(4, 7))).toEqual([line(1, 7, '5'), line(2, 9), line(3, 7, '3')]);
  });

  it('leaves a quantity being typed alone and starts a new line', () => {
    expect(mergeScanned([line(1, 7, '')], 7, () => line(2, 7))).toEqual([line(1, 7, ''), line(2, 7)]);
    expect(mergeScanned([line(1, 7, '2.5')], 7, () => line(2, 7))).toHaveLength(2);
  });

  it('does not change the lines it was given', () => {
    const lines = [line(1, 7)];
    mergeScanned(lines, 7, () => line(2, 7));
    expect(lines).toEqual([line(1, 7)]);
  });
});
