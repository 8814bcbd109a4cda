import type { Result } from '@shared/core/contract';
import type { OfficeKey } from './text';

type FieldChange = Result<'households.importPreview'>['households'][number]['changes'][number];
type Tx = (key: OfficeKey, vars?: Record<string, string | number>) => string;

/** One preview line in the reader's language, e.g. "王小英 · 与户主关系：女儿 → 儿子". */
export function changeLine(c: FieldChange, tx: Tx): string {
  const label = tx(`chg_${c.field}`);
  if (c.field === 'member') return tx('chgAdded', { label, name: c.to });
  const value = (v: string) => (v === '' ? tx('empty') : c.field === 'partyMember' ? tx(v === 'yes' ? 'yes' : 'no') : v);
  return tx('chgLine', { who: c.member ? `${c.member} · ` : '', label, from: value(c.from), to: value(c.to) });
}
