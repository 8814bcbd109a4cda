// Award candidate lists (星级党员, 文明户, 孝道家庭, 道德模范) and the recorded decisions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, freshVillage, household, ownEvents, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
  await v.moveClock('2026-12-10T10:00:00+08:00');
});
afterEach(() => v.close());

const rule = (category: string, kind: 'award' | 'deduction') =>
  v.invoke('admin', 'rules.save', { category, name: `${category}${kind === 'award' ? '加分' : '扣分'}`, kind, minPoints: 1, maxPoints: 1000 });

let r: Record<string, number>;
async function rules() {
  r = {
    general: (await rule('乡风文明', 'award')).id,
    generalDed: (await rule('环境卫生', 'deduction')).id,
    filial: (await rule('孝老爱亲', 'award')).id,
    filialDed: (await rule('孝老爱亲', 'deduction')).id,
    party: (await rule('党员先锋', 'award')).id,
  };
}

async function give(householdId: number, ruleId: number, points: number, occurredOn = '2026-06-01', personId?: number, approve = true) {
  const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [householdId], ruleId, points, occurredOn, personId });
  if (approve) await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'approve' });
  return entries[0].id;
}

describe('awards.candidates', () => {
  let zhang: Awaited<ReturnType<typeof household>>;
  let li: Awaited<ReturnType<typeof household>>;
  let wang: Awaited<ReturnType<typeof household>>;
  let zhao: Awaited<ReturnType<typeof household>>;

  beforeEach(async () => {
    await rules();
    zhang = await household(v, {
      headName: '张三',
      members: [
        { name: '张三', relation: '户主', partyMember: true },
        { name: '张小明', relation: '儿子' },
      ],
    });
    li = await household(v, {
      headName: '李四',
      members: [
        { name: '李四', relation: '户主' },
        { name: '李红', relation: '女儿', partyMember: true },
      ],
    });
    wang = await household(v, { headName: '王五', members: [{ name: '王五', relation: '户主', partyMember: true }] });
    zhao = await household(v, { headName: '赵六' });
    // 张: 20 filial + 30 general (10 by 张三, a party member) = 50
    await give(zhang.id, r.filial, 20);
    await give(zhang.id, r.party, 10, '2026-03-01', zhang.members[0].id);
    await give(zhang.id, r.general, 20, '2026-04-01', zhang.members[1].id);
    // 李: 30 filial, then a filial deduction -5 = 25 net; 25 general by 李红 (party member) => 50 total
    await give(li.id, r.filial, 30);
    await give(li.id, r.filialDed, 5, '2026-07-01');
    await give(li.id, r.party, 25, '2026-05-01', li.members[1].id);
    // 王: 15 filial; a filial deduction that was reversed (no longer stands); 10 by 王五 (party); 50 pending
    await give(wang.id, r.filial, 15);
    const ded = await give(wang.id, r.filialDed, 8, '2026-08-01');
    await v.invoke('clerk', 'points.reverse', { entryId: ded, reason: '核实不属实' });
    await give(wang.id, r.party, 10, '2026-05-01', wang.members[0].id);
    await give(wang.id, r.general, 500, '2026-09-01', wang.members[0].id, false);
    // 赵: negative overall
    await give(zhao.id, r.generalDed, 10);
  });

  it('文明户: households by year score, ties sharing a rank, none at or below zero', async () => {
    const { items } = await v.invoke('viewer', 'awards.candidates', { award: 'civilized_household', year: 2026 });
    expect(items.map((i) => [i.headName, i.rank, i.score])).toEqual([
      ['张三', 1, 50],
      ['李四', 1, 50],
      ['王五', 3, 25],
    ]);
    expect(items[0]).not.toHaveProperty('personId');
  });

  it('孝道家庭: 孝老爱亲 points with no standing deduction there, ranked by those points', async () => {
    const list = await v.invoke('viewer', 'awards.candidates', { award: 'filial_family', year: 2026 });
    expect(list.category).toBe('孝老爱亲');
    // 李四 has a standing filial deduction; 王五's was reversed, so he stays in.
    expect(list.items.map((i) => [i.headName, i.rank, i.score, i.householdScore])).toEqual([
      ['张三', 1, 20, 50],
      ['王五', 2, 15, 25],
    ]);
  });

  it('星级党员: party members by the points attributed to them', async () => {
    const { items } = await v.invoke('viewer', 'awards.candidates', { award: 'star_party_member', year: 2026 });
    expect(items.map((i) => [i.personName, i.headName, i.rank, i.score])).toEqual([
      ['李红', '李四', 1, 25],
      ['张三', '张三', 2, 10],
      ['王五', '王五', 2, 10],
    ]);
  });

  it('道德模范: every person with attributed points, party member or not', async () => {
    const { items } = await v.invoke('viewer', 'awards.candidates', { award: 'moral_model', year: 2026 });
    expect(items.map((i) => [i.personName, i.rank, i.score])).toEqual([
      ['李红', 1, 25],
      ['张小明', 2, 20],
      ['张三', 3, 10],
      ['王五', 3, 10],
    ]);
  });

  it('another year has its own points', async () => {
    const { items } = await v.invoke('viewer', 'awards.candidates', { award: 'civilized_household', year: 2025 });
    expect(items).toEqual([]);
  });

  it('the decision is recorded, append-only, and the latest one stands', async () => {
    const first = await v.invoke('review', 'awards.decide', {
      award: 'civilized_household',
      year: 2026,
      householdId: li.id,
      decision: 'awarded',
      note: '村民代表会议表决',
    });
    expect(first).toMatchObject({ rank: 1, score: 50, decision: 'awarded' });
    await v.invoke('review', 'awards.decide', { award: 'civilized_household', year: 2026, householdId: li.id, decision: 'not_awarded', note: '复议' });
    const { items } = await v.invoke('viewer', 'awards.candidates', { award: 'civilized_household', year: 2026 });
    expect(items.find((i) => i.householdId === li.id)!.decision).toMatchObject({ decision: 'not_awarded', note: '复议', userName: '钱监督' });
    expect(items.find((i) => i.householdId === zhang.id)!.decision).toBeNull();
    const history = await v.invoke('viewer', 'awards.decisions', { year: 2026 });
    expect(history.items.map((d) => d.decision)).toEqual(['not_awarded', 'awarded']);
    expect(ownEvents(v.db, 'award.decide')).toHaveLength(2);
    expect(() => v.db.prepare('DELETE FROM award_decisions').run()).toThrow(/append-only/);
  });

  it('people may choose someone off the list; a person award needs the person', async () => {
    const off = await v.invoke('review', 'awards.decide', { award: 'civilized_household', year: 2026, householdId: zhao.id, decision: 'awarded' });
    expect(off).toMatchObject({ rank: null, score: 0 });
    await expectRefused(v, 'review', 'awards.decide', { award: 'moral_model', year: 2026, householdId: li.id, decision: 'awarded' }, 'INVALID_INPUT');
    await expectRefused(
      v,
      'review',
      'awards.decide',
      { award: 'moral_model', year: 2026, householdId: zhang.id, personId: li.members[1].id, decision: 'awarded' },
      'NOT_FOUND',
    );
    await expectRefused(
      v,
      'review',
      'awards.decide',
      { award: 'filial_family', year: 2026, householdId: zhang.id, personId: zhang.members[0].id, decision: 'awarded' },
      'INVALID_INPUT',
    );
    await expectRefused(v, 'clerk', 'awards.decide', { award: 'civilized_household', year: 2026, householdId: zhang.id, decision: 'awarded' }, 'FORBIDDEN');
    await expectRefused(v, 'review', 'awards.candidates', { award: 'best_dancer', year: 2026 }, 'INVALID_INPUT');
    const d = await v.invoke('review', 'awards.decide', {
      award: 'moral_model',
      year: 2026,
      householdId: li.id,
      personId: li.members[1].id,
      decision: 'awarded',
    });
    expect(d).toMatchObject({ rank: 1, score: 25 });
  });

  it('exports a candidate list to Excel', async () => {
    const x = await v.invoke('viewer', 'awards.export', { award: 'star_party_member', year: 2026 });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.xlsxBase64, 'base64') as never);
    const ws = wb.getWorksheet('星级党员')!;
    expect(ws.getRow(3).values).toEqual([undefined, '名次', '姓名', '户主', '卡号', '组', '积分', '评议结果']);
    expect(ws.getRow(4).values).toEqual([undefined, 1, '李红', '李四', expect.any(String), '', 25, '待定']);
  });
});
