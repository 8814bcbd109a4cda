import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approved, goods, household, recordPending, redeem, rid, users, freshVillage, type Village } from '@shared/core/test-support';
import { readableSummary, summaryText } from './audit-summary';

const cjk = /[\u3400-\u9fff]/;
/** The app's own words of a summary: what is left once the quoted figures and names are taken out. */
const ownWords = (summary: string) =>
  readableSummary(summary, 'en')
    .filter((p) => !p.value)
    .map((p) => p.text)
    .join('');

describe('audit summaries in words', () => {
  it('read the figures out of a recorded line and say them in English', () => {
    expect(summaryText('兑换 A-000012 户#7 30 分', 'en')).toBe('Receipt A-000012: household #7, 30 points');
    expect(summaryText('作废 A-000012: 扫错 | 主管授权 supervisor: 王主任 (admin #1)', 'en')).toBe(
      'Voided A-000012: 扫错; authorised by supervisor 王主任 (admin #1)',
    );
    expect(summaryText('评优 2026 文明户 户#3: 未评上', 'en')).toBe('Award 2026 Civilised household, household #3: not awarded');
    expect(summaryText('评优 2026 文明户 户#3 成员#9: 评上 (全村推荐)', 'en')).toBe(
      'Award 2026 Civilised household, household #3, member #9: awarded (全村推荐)',
    );
    expect(summaryText('录入积分 条目#32 1 户', 'en')).toBe('Recorded points: rule #32, 1 household');
    expect(summaryText('录入积分 条目#32 2 户', 'en')).toBe('Recorded points: rule #32, 2 households');
    expect(summaryText('本机角色：单机 → 村委会', 'en')).toBe("This PC's role: one-PC village → village office");
  });

  it('turn recorded parameters into field: value, in either language', () => {
    expect(summaryText('村务设置: {"noticeDays":7,"villageName":"东山村"}', 'en')).toBe('Village settings: notice days: 7; village name: 东山村');
    expect(summaryText('村务设置: {"noticeDays":7,"villageName":"东山村"}', 'zh')).toBe('村务设置: 公示天数：7；村名：东山村');
    expect(summaryText('{"householdId":3,"lines":[{"itemId":2,"qty":1}]}', 'en')).toBe('household: 3; lines: itemId 2 qty 1');
  });

  it('say what an edit changed, field by field, the values as recorded', () => {
    expect(summaryText('保存商品 #3 大米 | 积分 50 → 60；启用 是 → 否', 'en')).toBe('Saved goods #3 大米; points 50 → 60; active yes → no');
    expect(summaryText('村务设置 | 公示天数 7 → 5', 'en')).toBe('Village settings; notice days 7 → 5');
    expect(summaryText('修改用户 clerk #3 | 角色 "clerk" → "clerk,reviewer"；启用 是 → 否', 'en')).toBe(
      'Edited user clerk #3; roles clerk → clerk,reviewer; active yes → no',
    );
    expect(summaryText('保存评分条目 #4 邻里/调解纠纷 | 类型 加分 → 扣分；每年上限 无 → 20', 'en')).toBe(
      'Saved scoring rule #4 邻里/调解纠纷; kind award → deduction; yearly cap none → 20',
    );
    // Quoted text is the record's, even when it reads like one of the app's words.
    expect(readableSummary('名称 "大米" → "是"', 'en')).toEqual([
      { text: 'name ' },
      { text: '大米', value: true },
      { text: ' → ' },
      { text: '是', value: true },
    ]);
    // A name written with the separator's broken bar (core/audit.ts) stays in the line it came in.
    expect(summaryText('新建农户 A-1 张三 ¦ by 王 (admin #1)', 'en')).toBe('New household A-1 张三 ¦ by 王 (admin #1)');
    // Not a change note unless every part names a known field: shown as recorded.
    expect(readableSummary('口味 "甜" → "咸"', 'en')).toEqual([{ text: '口味 "甜" → "咸"', value: true }]);
    expect(summaryText('村务设置 | 公示天数 7 → 5', 'zh')).toBe('村务设置；公示天数 7 → 5');
  });

  it('mark what they quote, so the page can tell the village data from its own words', () => {
    const parts = readableSummary('新建农户 DS-0001 张三丰', 'en');
    expect(parts).toEqual([{ text: 'New household ' }, { text: 'DS-0001', value: true }, { text: ' ' }, { text: '张三丰', value: true }]);
    // A line this build cannot read stays as recorded, all of it marked as quoted.
    expect(readableSummary('以后才有的新说法', 'en')).toEqual([{ text: '以后才有的新说法', value: true }]);
    expect(readableSummary('以后才有的新说法', 'zh')).toEqual([{ text: '以后才有的新说法' }]);
  });
});

describe("a village's real audit rows", () => {
  let v: Village;
  beforeEach(async () => {
    v = await freshVillage();
  });
  afterEach(() => v.close());

  it('all read in English with no Chinese of their own', async () => {
    const h = await household(v, { headName: '张三丰' });
    await approved(v, h.id, 'award', 200);
    const pending = await recordPending(v, h.id, 'award', 5);
    await v.invoke('review', 'points.review', { entryIds: [pending], decision: 'reject', reason: '照片不清' });
    const oil = await goods(v, { name: '食用油', points: 20 });
    const requestId = rid();
    const r = await redeem(v, h.id, [{ itemId: oil.id, qty: 1 }], { requestId });
    await redeem(v, h.id, [{ itemId: oil.id, qty: 1 }], { requestId });
    await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    await v.invoke('admin', 'office.settings.set', { noticeDays: 3 });
    await v.invoke('admin', 'office.settings.set', { noticeDays: 3 });
    await v.invoke('shop', 'catalog.save', { id: oil.id, kind: 'goods', name: '花生油', unit: '桶', points: 25, limitPerHouseholdPerYear: 2, active: false });
    const rule = await v.invoke('admin', 'rules.save', { category: '邻里', name: '调解纠纷', kind: 'award', points: 5 });
    await v.invoke('admin', 'rules.save', { id: rule.id, category: '邻里', name: '调解纠纷', kind: 'award', minPoints: 3, maxPoints: 8, capPerYear: 20 });
    await v.invoke('admin', 'calendar.set', { mode: 'any' });
    const cashier = await v.invoke('admin', 'users.create', { username: 'cashier2', name: '陈二', pin: '204060', roles: ['shopkeeper'] });
    await v.invoke('admin', 'users.update', { id: cashier.id, roles: ['shopkeeper', 'viewer'], name: '陈小二' });
    await v.invoke('admin', 'backup.configure', { keep: 10 });
    await v.invoke('admin', 'boards.configure', { basis: 'ytd' });
    await v.invoke('shop', 'stock.count', { itemId: oil.id, countedQty: 8, reason: '破损' });
    await v.invoke('shop', 'day.close', {});

    const rows = v.db.prepare('SELECT method, summary FROM audit ORDER BY id').all() as { method: string; summary: string }[];
    expect(rows.length).toBeGreaterThan(12);
    for (const row of rows) {
      const own = ownWords(row.summary);
      expect(own, `${row.method}: ${row.summary}`).not.toMatch(cjk);
      // Not merely passed through as quoted: some of the words are the app's own.
      expect(own.trim(), `${row.method}: ${row.summary}`).not.toBe('');
    }
  });
});
