import { describe, expect, it } from 'vitest';
import { matchGoods, matchRank } from './goods-match';

const rice = { name: '大米 10斤', barcode: '6920000000011', initials: 'dm', pinyin: 'dami' };
const oil = { name: '食用油 5L', barcode: '6920000000028', initials: 'syy', pinyin: 'shiyongyou' };
const soy = { name: '酱油 500ml', barcode: '6920000000070', initials: 'jy', pinyin: 'jiangyou' };
const noodles = { name: '挂面', barcode: null, initials: 'gm', pinyin: 'guamian' };
const goods = [rice, oil, soy, noodles];
const names = (q: string) => matchGoods(goods, q).map((g) => g.name);

describe('matchGoods', () => {
  it('finds goods by pinyin initials', () => {
    expect(names('dm')).toEqual(['大米 10斤']);
    expect(names('DM')).toEqual(['大米 10斤']);
  });
  it('finds goods by full pinyin, whole or begun, with spaces or apostrophes', () => {
    expect(names('dami')).toEqual(['大米 10斤']);
    expect(names('da mi')).toEqual(['大米 10斤']);
    expect(names("jiang'you")).toEqual(['酱油 500ml']);
    expect(names('guam')).toEqual(['挂面']);
  });
  it('ranks a beginning above a match in the middle', () => {
    // 'you' sits inside both spellings: equal ranks keep the catalog's order.
    expect(names('you')).toEqual(['食用油 5L', '酱油 500ml']);
    expect(matchRank(oil, 'shi')! < matchRank(oil, 'you')!).toBe(true);
  });
  it('still finds by Chinese name and barcode, exact name first', () => {
    expect(names('油')).toEqual(['食用油 5L', '酱油 500ml']);
    expect(names('6920000000070')).toEqual(['酱油 500ml']);
    expect(matchGoods([{ name: '大米' }, { name: '米' }], '米').map((g) => g.name)).toEqual(['米', '大米']);
  });
  it('matches nothing for letters no name spells, or for a mixed query', () => {
    expect(names('xyz')).toEqual([]);
    expect(names('dm大')).toEqual([]);
  });
  it('an empty query keeps everything in order', () => {
    expect(names('  ')).toEqual(goods.map((g) => g.name));
  });
  it('letters in a name match as typed without pinyin', () => {
    expect(matchGoods([{ name: 'Coca-Cola 330ml', initials: '', pinyin: '' }], 'cola')).toHaveLength(1);
  });
});
