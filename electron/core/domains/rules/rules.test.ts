import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshVillage, lastAuditSummary, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('a scoring rule edit in the audit log', () => {
  it('names each changed field, before and after', async () => {
    const rule = await v.invoke('admin', 'rules.save', { category: '邻里', name: '调解纠纷', kind: 'award', points: 5 });
    expect(lastAuditSummary(v.db, 'rules.save')).toBe(`保存评分条目 #${rule.id} 邻里/调解纠纷`);
    await v.invoke('admin', 'rules.save', {
      id: rule.id,
      category: '邻里',
      name: '调解纠纷',
      kind: 'deduction',
      minPoints: 3,
      maxPoints: 8,
      capPerYear: 20,
      active: false,
    });
    expect(lastAuditSummary(v.db, 'rules.save')).toBe(
      `保存评分条目 #${rule.id} 邻里/调解纠纷 | 类型 加分 → 扣分；分值 5 → 无；最低分 无 → 3；最高分 无 → 8；每年上限 无 → 20；启用 是 → 否`,
    );
  });
});
