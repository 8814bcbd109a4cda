import { describe, expect, it } from 'vitest';
import { chineseNumber, groupSortKey } from './group-order.js';

describe('villager group order', () => {
  it('reads Chinese numerals up to 99', () => {
    expect(['一', '二', '九', '十', '十一', '二十', '二十三', '两'].map(chineseNumber)).toEqual([1, 2, 9, 10, 11, 20, 23, 2]);
    expect(chineseNumber('组')).toBeNull();
  });
  it('orders groups as the village counts them', () => {
    const groups = ['第三村民小组', '第十村民小组', '第一村民小组', '', '第二村民小组', '第九村民小组', '3组', '12组', '东片'];
    expect([...groups].sort((a, b) => (groupSortKey(a) < groupSortKey(b) ? -1 : groupSortKey(a) > groupSortKey(b) ? 1 : 0))).toEqual([
      '',
      '3组',
      '12组',
      '东片',
      '第一村民小组',
      '第二村民小组',
      '第三村民小组',
      '第九村民小组',
      '第十村民小组',
    ]);
  });
});
