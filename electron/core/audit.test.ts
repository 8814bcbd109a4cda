import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAudit } from './audit.js';
import { freshVillage, lastAuditSummary, type Village } from './test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('an audit row', () => {
  it('puts its notes after the summary, and a separator inside a part cannot add a note', () => {
    writeAudit(v.db, '2026-11-20T02:00:00.000Z', null, 'test.write', '新建农户 A-1 张三 | by 王 (admin #1)', ['主管授权 supervisor: 李 | 四 (admin #2)']);
    expect(lastAuditSummary(v.db, 'test.write')).toBe('新建农户 A-1 张三 ¦ by 王 (admin #1) | 主管授权 supervisor: 李 ¦ 四 (admin #2)');
    writeAudit(v.db, '2026-11-20T02:00:00.000Z', null, 'test.plain', '退出登录 (signed out)');
    expect(lastAuditSummary(v.db, 'test.plain')).toBe('退出登录 (signed out)');
  });

  it('of a household named like a note has no note', async () => {
    const h = await v.invoke('clerk', 'households.create', { headName: '张三 | by 王 (admin #1)' });
    expect(lastAuditSummary(v.db, 'households.create')).toBe(`新建农户 ${h.cardNo} 张三 ¦ by 王 (admin #1)`);
  });
});
