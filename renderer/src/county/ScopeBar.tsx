import type { HTMLAttributes, ReactNode } from 'react';
import { useCounty } from './CountyApp';
import { useCountyText } from './text';
import { scopeOptions } from './view';

export interface Scope {
  areaCode: string;
  year: number;
}

/** Area (only the user's own and below) and year, as native selects: keyboard first, one Tab each. */
export function ScopeBar({ scope, onChange, children }: { scope: Scope; onChange: (s: Scope) => void; children?: ReactNode }) {
  const tx = useCountyText();
  const { areas, user, today } = useCounty();
  const options = scopeOptions(areas, user.areaCode);
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2];
  return (
    <div className="county-toolbar">
      <label>
        {tx('area')}
        <select className="native-select" data-testid="county-scope" value={scope.areaCode} onChange={(e) => onChange({ ...scope, areaCode: e.target.value })}>
          {options.map((a) => (
            <option key={a.code} value={a.code}>
              {a.level === 'village' ? '\u3000' : ''}
              {a.name}（{tx(`level_${a.level}` as 'level_town')}）
            </option>
          ))}
        </select>
      </label>
      <label>
        {tx('year')}
        <select
          className="native-select narrow"
          data-testid="county-year"
          value={scope.year}
          onChange={(e) => onChange({ ...scope, year: Number(e.target.value) })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {children}
    </div>
  );
}

/** A table of villages: one row a village (data-code for tests), paged past `pageSize`, scrolling sideways on a narrow screen. */
export function villageTable<T extends { code: string }>(rows: T[], testId: string, pageSize: number, scrollX: number) {
  return {
    rowKey: 'code' as const,
    size: 'small' as const,
    dataSource: rows,
    pagination: rows.length > pageSize ? { pageSize, showSizeChanger: false } : (false as const),
    scroll: { x: scrollX },
    onRow: (v: T) => ({ 'data-testid': testId, 'data-code': v.code }) as HTMLAttributes<HTMLElement>,
  };
}
