import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshVillage, lastAuditSummary, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('a change of the village settings in the audit log', () => {
  it('gives the notice period before and after, or says nothing changed', async () => {
    const before = (await v.invoke('admin', 'office.settings.get', {})).noticeDays;
    await v.invoke('admin', 'office.settings.set', { noticeDays: before + 2 });
    expect(lastAuditSummary(v.db, 'office.settings.set')).toBe(`村务设置 | 公示天数 ${before} → ${before + 2}`);
    await v.invoke('admin', 'office.settings.set', { noticeDays: before + 2 });
    expect(lastAuditSummary(v.db, 'office.settings.set')).toBe('村务设置 | 无变化');
  });
});
