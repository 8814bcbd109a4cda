import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, freshVillage, household, householdWithPoints, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const search = async (q: string) => (await v.invoke('shop', 'households.search', { q })).items;
const names = async (q: string) => (await search(q)).map((i) => i.headName);

describe('households.create', () => {
  it('generates consecutive card numbers when none is given, and adds the head as a member', async () => {
    const a = await household(v, { headName: '张三丰' });
    const b = await household(v, { headName: '李四' });
    expect([a.cardNo, b.cardNo]).toEqual(['66010001', '66010002']);
    expect(a.members).toMatchObject([{ name: '张三丰', relation: '户主' }]);
    expect(a.account).toMatchObject({ year: 2026, score: 0, available: 0 });
  });

  it('a duplicate card number is a CONFLICT and writes nothing', async () => {
    await household(v, { headName: '张三丰', cardNo: 'HY-0012' });
    await expectRefused(v, 'clerk', 'households.create', { headName: '李四', cardNo: 'HY-0012' }, 'CONFLICT');
  });

  it('a generated card number skips one already taken by hand', async () => {
    await household(v, { headName: '张三丰', cardNo: '66010001' });
    expect((await household(v, { headName: '李四' })).cardNo).toBe('66010002');
  });

  it('refuses bad input and other roles without writing', async () => {
    await expectRefused(v, 'clerk', 'households.create', { headName: '' }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'households.create', { headName: '张'.repeat(33) }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'households.create', { headName: '张三', cardNo: '12' }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'households.create', { headName: '张三', members: [{ name: '张三', idNo: '123' }] }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'households.create', { headName: '张三', village: '红阳村' }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'households.create', { headName: '张三' }, 'FORBIDDEN');
  });

  it('households.get masks ID numbers and refuses an unknown id', async () => {
    const h = await household(v, { headName: '张三丰', members: [{ name: '张三丰', idNo: '11010519491231002X' }] });
    const got = await v.invoke('shop', 'households.get', { id: h.id });
    expect(got.household.members[0].idNoMasked).toBe('**************002X');
    expect(JSON.stringify(got)).not.toContain('110105');
    await expectRefused(v, 'shop', 'households.get', { id: 9999 }, 'NOT_FOUND');
  });
});

describe('households.search', () => {
  beforeEach(async () => {
    await household(v, { headName: '李四', cardNo: '88001234', phone: '13800005678' });
    await household(v, { headName: '王五', phone: '13900001234' });
    await household(v, { headName: '张三丰', cardNo: '1234', phone: '13700009999' });
    await household(v, {
      headName: '赵六',
      members: [
        { name: '赵六', relation: '户主' },
        { name: '张三丰', relation: '父亲' },
      ],
    });
    await household(v, { headName: '张三', cardNo: '5555' });
  });

  it('by card number: the exact card comes first', async () => {
    const items = await search('1234');
    expect(items[0]).toMatchObject({ cardNo: '1234', headName: '张三丰' });
    expect(await names('88001234')).toEqual(['李四']);
  });

  it('by the last 4 digits of a phone', async () => {
    expect(await names('5678')).toEqual(['李四']);
    expect(await names('1234')).toEqual(['张三丰', '王五']);
  });

  it('by name substring, head or member', async () => {
    expect((await names('三丰')).sort()).toEqual(['张三丰', '赵六'].sort());
    expect(await names('王')).toEqual(['王五']);
    expect(await names('张三')).toContain('张三');
    expect((await names('张三'))[0]).toBe('张三'); // the exact name first
  });

  it('by pinyin initials, of the head or of a member, exact initials first', async () => {
    const zsf = await names('zsf');
    expect(zsf[0]).toBe('张三丰');
    expect(zsf.sort()).toEqual(['张三丰', '赵六'].sort());
    expect(await names('ZSF')).toHaveLength(2);
    expect(await names('ww')).toEqual(['王五']);
    expect((await names('zs'))[0]).toBe('张三');
  });

  it('returns score and available for this year', async () => {
    const h = await householdWithPoints(v, 42, { headName: '钱七', cardNo: '7777' });
    expect((await search('7777'))[0]).toMatchObject({ id: h.id, score: 42, available: 42 });
  });

  it('never lists a household twice, even when its card and its phone both match', async () => {
    await household(v, { headName: '孙八', cardNo: '12349999', phone: '13600001234' });
    const items = await search('1234');
    expect(items.map((i) => i.cardNo)).toEqual([...new Set(items.map((i) => i.cardNo))]);
  });

  it('stops at the limit: the exact card, then card prefixes in card order, then phones; initials likewise', async () => {
    await household(v, { headName: '孙八', cardNo: '12349999' });
    await household(v, { headName: '周九', cardNo: '12340001' });
    await household(v, { headName: '吴十', phone: '13500001234' });
    const found = async (q: string, limit: number) => (await v.invoke('shop', 'households.search', { q, limit })).items.map((i) => i.headName);
    expect(await found('1234', 20)).toEqual(['张三丰', '周九', '孙八', '王五', '吴十']);
    expect(await found('1234', 3)).toEqual(['张三丰', '周九', '孙八']);
    expect(await found('1234', 1)).toEqual(['张三丰']);
    expect(await found('1234', 4)).toEqual(['张三丰', '周九', '孙八', '王五']);
    expect(await found('zs', 1)).toEqual(['张三']);
    expect(await found('zs', 3)).toHaveLength(3);
  });

  it('finds nothing for an unknown card; a provider and a viewer may search, an empty query is refused', async () => {
    expect(await search('99999999')).toEqual([]);
    expect((await v.invoke('viewer', 'households.search', { q: 'zsf' })).items.length).toBe(2);
    expect((await v.invoke('barber', 'households.search', { q: 'zsf' })).items.length).toBe(2);
    await expectRefused(v, 'shop', 'households.search', { q: '' }, 'INVALID_INPUT');
  });
});
