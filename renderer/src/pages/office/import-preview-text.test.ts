import { describe, expect, it } from 'vitest';
import { format } from '../../i18n/messages';
import { changeLine } from './import-preview-text';
import { officeMessages, type OfficeKey } from './text';

const txIn = (lang: 'zh' | 'en') => (key: OfficeKey, vars?: Record<string, string | number>) => format(officeMessages[lang][key], vars);

describe('import preview lines', () => {
  it('says a member field old → new with the member named, in either language', () => {
    const c = { field: 'relation', member: '王小英', from: '女儿', to: '儿子' } as const;
    expect(changeLine(c, txIn('zh'))).toBe('王小英 · 与户主关系：女儿 → 儿子');
    expect(changeLine(c, txIn('en'))).toBe('王小英 · Relation: 女儿 → 儿子');
  });

  it('words the codes and the empty values, and a new member as one line', () => {
    expect(changeLine({ field: 'partyMember', member: '李四', from: 'no', to: 'yes' }, txIn('en'))).toBe('李四 · Party member: No → Yes');
    expect(changeLine({ field: 'phone', from: '', to: '13700001111' }, txIn('zh'))).toBe('电话：（空） → 13700001111');
    expect(changeLine({ field: 'member', member: '张小明', from: '', to: '张小明' }, txIn('zh'))).toBe('新成员：张小明');
  });
});
