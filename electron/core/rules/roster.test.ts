import { describe, expect, it } from 'vitest';
import { groupRoster, mapHeaders, parsePartyMember, type RawRow } from './roster.js';

const row = (n: number, cells: RawRow['cells']): RawRow => ({ row: n, cells });

describe('roster grouping', () => {
  it("groups member rows by card number, the head first, and fills the head's relation", () => {
    const { households, errors } = groupRoster([
      row(2, {
        cardNo: '66010001',
        headName: '张三丰',
        group: '第一组',
        phone: '13800005678',
        memberName: '张三丰',
        idNo: '11010519491231002x',
        partyMember: '是',
      }),
      row(3, { cardNo: '66010001', headName: '张三丰', memberName: '李秀英', relation: '妻子' }),
      row(4, { cardNo: '66010002', headName: '刘䶮', group: '第二组' }),
    ]);
    expect(errors).toEqual([]);
    expect(households).toEqual([
      {
        row: 2,
        cardNo: '66010001',
        headName: '张三丰',
        group: '第一组',
        phone: '13800005678',
        members: [
          { row: 2, name: '张三丰', relation: '户主', idNo: '11010519491231002X', partyMember: true },
          { row: 3, name: '李秀英', relation: '妻子', idNo: '', partyMember: false },
        ],
      },
      {
        row: 4,
        cardNo: '66010002',
        headName: '刘䶮',
        group: '第二组',
        phone: '',
        members: [{ row: 4, name: '刘䶮', relation: '户主', idNo: '', partyMember: false }],
      },
    ]);
  });

  it('without a card, groups by head and group; a row with neither continues the one above', () => {
    const { households, errors } = groupRoster([
      row(2, { headName: '王五', group: '一组', memberName: '王五' }),
      row(3, { memberName: '王小五', relation: '儿子' }),
      row(4, { headName: '王五', group: '二组' }),
      row(5, {}),
      row(6, { headName: '王五', group: '一组', memberName: '赵兰', relation: '妻子' }),
    ]);
    expect(errors).toEqual([]);
    expect(households.map((h) => [h.headName, h.group, h.members.map((m) => m.name)])).toEqual([
      ['王五', '一组', ['王五', '王小五', '赵兰']],
      ['王五', '二组', ['王五']],
    ]);
  });

  it('reports every bad row with its row number and a reason', () => {
    const { errors } = groupRoster([
      row(2, { cardNo: '66010001', headName: '张三丰', idNo: '11010519491231020X' }),
      row(3, { cardNo: '66010001', headName: '李四', memberName: '李四' }),
      row(4, { cardNo: '12', headName: '赵六' }),
      row(5, { headName: '钱七', phone: 'abc' }),
      row(6, { headName: '孙八', partyMember: '也许' }),
      row(7, { headName: '周九', idNo: '11010519491231002X' }),
      row(8, { headName: '吴十', idNo: '11010519491231002X' }),
      row(9, { headName: '郑一' }),
      row(10, { headName: '郑一' }),
      row(11, { group: '三组' }),
    ]);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 8, 10, 11]);
    expect(errors.find((e) => e.row === 2)!.message).toMatch(/校验位/);
    expect(errors.find((e) => e.row === 3)!.message).toMatch(/户主是「张三丰」/);
    expect(errors.find((e) => e.row === 8)!.message).toMatch(/与第 7 行重复/);
    expect(errors.find((e) => e.row === 10)!.message).toMatch(/已有一行/);
    expect(errors.find((e) => e.row === 11)!.message).toMatch(/户主/);
  });

  it('a cell with a control character is a row error; CJK Ext B and emoji are not', () => {
    const { households, errors } = groupRoster([
      row(2, { headName: '张三\u0007', group: '一组' }),
      row(3, { headName: '李四', memberName: '李\u0085四' }),
      row(4, { headName: '王五', relation: '户主\u007f' }),
      row(5, { headName: '𠮷田', group: '二组😀' }),
    ]);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(errors[0].message).toMatch(/「户主姓名」含控制字符/);
    expect(errors[1].message).toMatch(/「成员姓名」含控制字符/);
    expect(households.map((h) => h.headName)).toEqual(['𠮷田']);
  });

  it('accepts an ID number masked by an export as "keep the one on file"', () => {
    const { households, errors } = groupRoster([row(2, { cardNo: '66010001', headName: '张三丰', idNo: '**************002X' })]);
    expect(errors).toEqual([]);
    expect(households[0].members[0].idNo).toBe('**************002X');
  });

  it('reads party membership in the words rosters use', () => {
    expect([parsePartyMember('中共党员'), parsePartyMember('群众'), parsePartyMember(''), parsePartyMember('Y'), parsePartyMember('?')]).toEqual([
      true,
      false,
      false,
      true,
      null,
    ]);
  });

  it("maps headers by name or alias, in any order, and requires the head's name", () => {
    expect(mapHeaders(['姓名', '户主*', '身份证号码', '备注']).columns).toEqual({ memberName: 0, headName: 1, idNo: 2 });
    expect(mapHeaders(['姓名', '电话']).missing).toEqual(['户主姓名']);
  });
});
