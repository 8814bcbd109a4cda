import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, expectError, freshVillage, household, type Village } from '../../test-support.js';
import { fixtureIdNo, rosterXlsx, villageRoster } from './roster-fixture.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const b64 = (buf: Buffer) => buf.toString('base64');
const importRoster = async (buf: Buffer) => v.invoke('clerk', 'households.import', { xlsxBase64: b64(buf) });

async function readBack(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
  return wb;
}

describe('households.import', () => {
  it('imports 300 households (900 members) in one call, well within seconds', async () => {
    const file = await rosterXlsx(villageRoster(300));
    const t0 = performance.now();
    const r = await importRoster(file);
    const ms = performance.now() - t0;
    expect(r).toEqual({ created: 300, updated: 0, unchanged: 0, errors: [] });
    expect(count(v.db, 'households')).toBe(300);
    expect(count(v.db, 'members')).toBe(900);
    expect(ms).toBeLessThan(5000);
    // Generated card numbers, unique and searchable at the counter.
    const cards = v.db.prepare('SELECT card_no FROM households ORDER BY id').all() as { card_no: string }[];
    expect(new Set(cards.map((c) => c.card_no)).size).toBe(300);
    expect(cards[0].card_no).toBe('66010001');
    const found = await v.invoke('shop', 'households.search', { q: '0007' }); // household 8's phone 13900000007
    expect(found.items.map((i) => i.headName)).toEqual(['赵建华']);
  });

  it('a file with one bad row imports nothing and reports each bad row by its number', async () => {
    const rows = villageRoster(5);
    rows[4] = { ...rows[4], idNo: '460031195001010011' }; // wrong check digit
    rows[7] = { ...rows[7], partyMember: '也许' };
    const r = await importRoster(await rosterXlsx(rows));
    expect(r.created).toBe(0);
    expect(r.errors.map((e) => e.row)).toEqual([6, 9]); // sheet rows: header is row 1
    expect(r.errors[0].message).toMatch(/校验位/);
    expect(count(v.db, 'households')).toBe(0);
    expect(count(v.db, 'members')).toBe(0);
  });

  it('re-importing its own export changes nothing; an edited export updates in place and adds members', async () => {
    await importRoster(await rosterXlsx(villageRoster(4)));
    const exported = await v.invoke('clerk', 'households.export', {});
    // ID numbers leave the office masked.
    const wb = await readBack(exported.xlsxBase64);
    const ws = wb.getWorksheet('农户花名册')!;
    expect(ws.rowCount).toBe(1 + 12);
    expect(String(ws.getRow(2).getCell(7).value)).toMatch(/^\*{14}\d{3}[\dX]$/);
    expect(await v.invoke('clerk', 'households.import', { xlsxBase64: exported.xlsxBase64 })).toEqual({ created: 0, updated: 0, unchanged: 4, errors: [] });

    ws.getRow(2).getCell(4).value = '13700001111'; // phone of household 1
    ws.addRow([ws.getRow(2).getCell(1).value, ws.getRow(2).getCell(2).value, ws.getRow(2).getCell(3).value, '', '张新生', '孙子', '', '否']);
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await importRoster(edited)).toEqual({ created: 0, updated: 1, unchanged: 3, errors: [] });
    const h = v.db.prepare('SELECT id, phone FROM households WHERE card_no = ?').get(String(ws.getRow(2).getCell(1).value)) as { id: number; phone: string };
    expect(h.phone).toBe('13700001111');
    const got = await v.invoke('clerk', 'households.get', { id: h.id });
    expect(got.household.members.map((m) => m.name)).toContain('张新生');
    // The masked numbers kept the ones on file.
    expect((v.db.prepare('SELECT id_no FROM members WHERE household_id = ? ORDER BY id').get(h.id) as { id_no: string }).id_no).toBe(fixtureIdNo(0));
  });

  it('refuses an ID number already on another household, and a masked number that is not the one on file', async () => {
    await household(v, { headName: '赵六', members: [{ name: '赵六', idNo: fixtureIdNo(0) }] });
    const r = await importRoster(await rosterXlsx(villageRoster(1)));
    expect(r.errors).toEqual([{ row: 2, message: expect.stringMatching(/已登记在 66010001 户 赵六 名下/) }]);
    const masked = await importRoster(await rosterXlsx([{ headName: '钱七', memberName: '钱七', idNo: '**************1234' }]));
    expect(masked.errors[0].message).toMatch(/隐藏/);
    expect(count(v.db, 'households')).toBe(1);
  });

  it('reads a roster with a title row, columns in another order and cells Excel made numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['红阳村农户花名册']);
    ws.addRow(['姓名', '户主', '电话', '小组', '身份证号码', '政治面貌', '卡号']);
    ws.addRow(['王五', '王五', 13800001234, '一组', fixtureIdNo(1), '群众', 88001234]);
    ws.addRow(['', '', '', '', fixtureIdNo(2), '中共党员', '']); // continues the household above: the head again is a duplicate...
    const r = await importRoster(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.errors).toEqual([{ row: 4, message: expect.stringMatching(/已有一行/) }]);
    ws.getRow(4).getCell(1).value = '王小五';
    const ok = await importRoster(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok).toMatchObject({ created: 1, errors: [] });
    const h = v.db.prepare("SELECT * FROM households WHERE card_no = '88001234'").get() as { id: number; phone: string; grp: string };
    expect(h).toMatchObject({ phone: '13800001234', grp: '一组' });
    const members = (await v.invoke('clerk', 'households.get', { id: h.id })).household.members;
    expect(members.map((m) => [m.name, m.relation, m.partyMember])).toEqual([
      ['王五', '户主', false],
      ['王小五', '', true],
    ]);
  });

  it('an ID number Excel stored as a number has lost digits and is refused with the fix', async () => {
    const r = await importRoster(await rosterXlsx([{ headName: '李四', idNo: 460031195001010000 }]));
    expect(r.errors[0].message).toMatch(/文本/);
  });

  it('a file that is not a workbook, or has no header, is INVALID_INPUT', async () => {
    expectError(await v.call('clerk', 'households.import', { xlsxBase64: Buffer.from('hello').toString('base64') }), 'INVALID_INPUT');
    const noHeader = await rosterXlsx([], { headers: ['甲', '乙'] });
    const e = expectError(await v.call('clerk', 'households.import', { xlsxBase64: b64(noHeader) }), 'INVALID_INPUT');
    expect(e.message).toMatch(/表头/);
    expectError(await v.call('shop', 'households.import', { xlsxBase64: b64(noHeader) }), 'FORBIDDEN');
  });

  it('the template has the header and an example, and imports as it stands', async () => {
    const t = await v.invoke('clerk', 'households.template', {});
    expect(t.fileName).toMatch(/模板/);
    const wb = await readBack(t.xlsxBase64);
    expect((wb.getWorksheet('农户花名册')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      '卡号',
      '户主姓名',
      '村民小组',
      '联系电话',
      '成员姓名',
      '与户主关系',
      '身份证号',
      '是否党员',
    ]);
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    // Its example rows are skipped, so importing it unchanged writes nothing.
    expect(await v.invoke('clerk', 'households.import', { xlsxBase64: t.xlsxBase64 })).toEqual({ created: 0, updated: 0, unchanged: 0, errors: [] });
    expect(count(v.db, 'households')).toBe(0);
  });

  it("the template's example can never match a real household, even one with the example's head and group", async () => {
    const real = await household(v, { headName: '张三丰', group: '第一村民小组', phone: '13912345678', members: [{ name: '张三丰' }] });
    const t = await v.invoke('clerk', 'households.template', {});
    const preview = await v.invoke('clerk', 'households.importPreview', { xlsxBase64: t.xlsxBase64 });
    expect(preview).toMatchObject({ created: 0, updated: 0, unchanged: 0, examples: 2, households: [], errors: [] });
    await v.invoke('clerk', 'households.import', { xlsxBase64: t.xlsxBase64, planId: preview.planId });
    const after = await v.invoke('clerk', 'households.get', { id: real.id });
    expect([after.household.phone, after.household.members.map((m) => m.name)]).toEqual(['13912345678', ['张三丰']]);
  });
});

describe('households.importPreview', () => {
  const tables = () => ({ households: count(v.db, 'households'), members: count(v.db, 'members'), audit: count(v.db, 'audit') });

  it('shows what an import would do, household by household, and writes nothing', async () => {
    const before = tables();
    const p = await v.invoke('clerk', 'households.importPreview', { xlsxBase64: b64(await rosterXlsx(villageRoster(3))) });
    expect(tables()).toEqual(before);
    expect(p).toMatchObject({ created: 3, updated: 0, unchanged: 0, errors: [], examples: 0 });
    expect(p.planId).toMatch(/^[0-9a-f]{16}$/);
    expect(p.households.map((h) => [h.kind, h.members.length, h.changes])).toEqual([
      ['new', 3, []],
      ['new', 3, []],
      ['new', 3, []],
    ]);
    expectError(await v.call('shop', 'households.importPreview', { xlsxBase64: b64(await rosterXlsx(villageRoster(1))) }), 'FORBIDDEN');
  });

  it('a changed household lists each field old → new (ID numbers masked); confirming writes exactly that plan', async () => {
    await importRoster(await rosterXlsx(villageRoster(2)));
    const rows = villageRoster(2);
    rows[0] = { ...rows[0], cardNo: '66010001', phone: '13700001111' };
    rows[1] = { ...rows[1], cardNo: '66010001', relation: '儿子' };
    rows[2] = { ...rows[2], cardNo: '66010001', idNo: fixtureIdNo(40) };
    for (const r of rows.slice(3)) r.cardNo = '66010002';
    const file = b64(await rosterXlsx(rows));
    const p = await v.invoke('clerk', 'households.importPreview', { xlsxBase64: file });
    expect(p).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const changed = p.households.find((h) => h.kind === 'changed')!;
    expect(changed.cardNo).toBe('66010001');
    expect(changed.changes).toEqual([
      { field: 'phone', from: expect.any(String), to: '13700001111' },
      { field: 'relation', member: rows[1].memberName, from: expect.any(String), to: '儿子' },
      // The fixture's third member had no ID number on file, so it goes from nothing to a masked number.
      { field: 'idNo', member: rows[2].memberName, from: '', to: expect.stringMatching(/^\*+\d{4}$/) },
    ]);
    expect(JSON.stringify(p)).not.toContain(fixtureIdNo(40));
    expect(await v.invoke('clerk', 'households.import', { xlsxBase64: file, planId: p.planId })).toEqual({ created: 0, updated: 1, unchanged: 1, errors: [] });
    expect((v.db.prepare("SELECT phone FROM households WHERE card_no = '66010001'").get() as { phone: string }).phone).toBe('13700001111');
  });

  it('a confirmation for a plan the database no longer matches is refused and writes nothing', async () => {
    await importRoster(await rosterXlsx(villageRoster(1)));
    const rows = villageRoster(1).map((r) => ({ ...r, cardNo: '66010001', phone: '13700002222' }));
    const file = b64(await rosterXlsx(rows));
    const p = await v.invoke('clerk', 'households.importPreview', { xlsxBase64: file });
    const id = (v.db.prepare("SELECT id FROM households WHERE card_no = '66010001'").get() as { id: number }).id;
    await v.invoke('clerk', 'households.update', { id, group: '第九村民小组' });
    const before = tables();
    const e = expectError(await v.call('clerk', 'households.import', { xlsxBase64: file, planId: p.planId }), 'CONFLICT');
    expect(e.reason).toBe('import_plan_changed');
    expect(tables()).toEqual(before);
    expect((v.db.prepare('SELECT phone FROM households WHERE id = ?').get(id) as { phone: string }).phone).not.toBe('13700002222');
    expectError(await v.call('clerk', 'households.import', { xlsxBase64: file, planId: 'not-a-plan' }), 'INVALID_INPUT');
  });

  it('exports one group', async () => {
    await importRoster(await rosterXlsx(villageRoster(8)));
    const wb = await readBack((await v.invoke('viewer', 'households.export', { group: '第二村民小组' })).xlsxBase64);
    const ws = wb.getWorksheet('农户花名册')!;
    expect(ws.rowCount).toBe(1 + 2 * 3);
    for (let r = 2; r <= ws.rowCount; r++) expect(ws.getRow(r).getCell(3).value).toBe('第二村民小组');
  });
});

describe('households.update / saveMember / list', () => {
  it('edits the household and reissues the card; the old card no longer finds it', async () => {
    const h = await household(v, { headName: '张三丰', phone: '13800005678' });
    const r = await v.invoke('clerk', 'households.update', { id: h.id, cardNo: 'HY-0099', group: '第三村民小组', phone: '13911112222' });
    expect(r.household).toMatchObject({ cardNo: 'HY-0099', group: '第三村民小组', phone: '13911112222' });
    expect((await v.invoke('shop', 'households.search', { q: '2222' })).items.map((i) => i.cardNo)).toEqual(['HY-0099']);
    expect((await v.invoke('shop', 'households.search', { q: h.cardNo })).items).toEqual([]);
    const other = await household(v, { headName: '李四' });
    expectError(await v.call('clerk', 'households.update', { id: other.id, cardNo: 'HY-0099' }), 'CONFLICT');
  });

  it('adds and edits members; the ID number is stored whole, shown masked, kept when not resent; members are never deleted', async () => {
    const h = await household(v, { headName: '张三丰' });
    let r = await v.invoke('clerk', 'households.saveMember', {
      householdId: h.id,
      name: '张翠山',
      relation: '儿子',
      idNo: '11010519491231002x',
      partyMember: true,
    });
    const son = r.household.members[1];
    expect(son).toMatchObject({ name: '张翠山', relation: '儿子', idNoMasked: '**************002X', partyMember: true, active: true });
    r = await v.invoke('clerk', 'households.saveMember', { householdId: h.id, id: son.id, name: '张翠山', active: false });
    expect(r.household.members[1]).toMatchObject({ idNoMasked: '**************002X', partyMember: true, active: false });
    expect((v.db.prepare('SELECT id_no FROM members WHERE id = ?').get(son.id) as { id_no: string }).id_no).toBe('11010519491231002X');
    expectError(await v.call('clerk', 'households.saveMember', { householdId: h.id, name: '某', idNo: '11010519491231003X' }), 'INVALID_INPUT');
    const other = await household(v, { headName: '李四' });
    expectError(await v.call('clerk', 'households.saveMember', { householdId: other.id, name: '李某', idNo: '11010519491231002X' }), 'CONFLICT');
    expectError(await v.call('clerk', 'households.saveMember', { householdId: other.id, id: son.id, name: '张翠山' }), 'NOT_FOUND');
  });

  it("lists the roster by group with this year's accounts, filtered by name, card or initials", async () => {
    await importRoster(await rosterXlsx(villageRoster(12)));
    const all = await v.invoke('viewer', 'households.list', {});
    expect(all.total).toBe(12);
    expect(all.groups).toEqual([
      { group: '第一村民小组', households: 3 },
      { group: '第二村民小组', households: 3 },
      { group: '第三村民小组', households: 3 },
      { group: '第四村民小组', households: 3 },
    ]);
    expect(all.items[0]).toMatchObject({ memberCount: 3, score: 0, available: 0 });
    expect((await v.invoke('viewer', 'households.list', { q: '张建华' })).items.map((i) => i.headName)).toEqual(['张建华']);
    expect((await v.invoke('viewer', 'households.list', { q: 'zjh' })).items.map((i) => i.headName).sort()).toEqual(['周建华', '张建华', '赵建华'].sort());
    expect((await v.invoke('viewer', 'households.list', { group: '第二村民小组', limit: 2 })).items).toHaveLength(2);
    expectError(await v.call('shop', 'households.list', {}), 'FORBIDDEN');
  });
});
