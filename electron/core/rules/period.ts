import { lastDayOfMonth, parts, ymd } from './date-math.js';

export type Quarter = 1 | 2 | 3 | 4;
export interface Period {
  from: string;
  to: string;
}

/** Inclusive village dates: Q3 ends on 30 September and Q4 starts on 1 October, whatever UTC says. */
export function quarterPeriod(year: number, quarter: Quarter): Period {
  const first = (quarter - 1) * 3 + 1;
  return { from: ymd(year, first, 1), to: lastDayOfMonth(year, first + 2) };
}

export function quarterOf(date: string): Quarter {
  return (Math.floor((parts(date).month - 1) / 3) + 1) as Quarter;
}

export type BoardBasis = 'quarter' | 'ytd';

/** A village on year-to-date boards ranks everything since 1 January up to the quarter's end. */
export function boardPeriod(year: number, quarter: Quarter, basis: BoardBasis): Period {
  const q = quarterPeriod(year, quarter);
  return basis === 'ytd' ? { from: ymd(year, 1, 1), to: q.to } : q;
}

export function monthPeriod(year: number, month: number): Period {
  return { from: ymd(year, month, 1), to: lastDayOfMonth(year, month) };
}

export function yearPeriod(year: number): Period {
  return { from: ymd(year, 1, 1), to: ymd(year, 12, 31) };
}

/**
 * The report presets. The three progress reports are cumulative from 1 January: the half-year
 * report at the end of June, the three-quarter one at the end of September, the annual summary.
 */
export type ReportPreset =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: Quarter }
  | { kind: 'year'; year: number }
  | { kind: 'progress'; year: number; which: 'june' | 'september' | 'annual' };

export function presetPeriod(p: ReportPreset): Period {
  switch (p.kind) {
    case 'month':
      return monthPeriod(p.year, p.month);
    case 'quarter':
      return quarterPeriod(p.year, p.quarter);
    case 'year':
      return yearPeriod(p.year);
    case 'progress':
      return { from: ymd(p.year, 1, 1), to: p.which === 'june' ? ymd(p.year, 6, 30) : p.which === 'september' ? ymd(p.year, 9, 30) : ymd(p.year, 12, 31) };
  }
}

export function presetTitle(p: ReportPreset): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}年${p.month}月积分工作月报`;
    case 'quarter':
      return `${p.year}年第${p.quarter}季度积分工作季报`;
    case 'year':
      return `${p.year}年度积分工作统计`;
    case 'progress':
      return p.which === 'june'
        ? `${p.year}年上半年积分制工作进展报告（截至6月底）`
        : p.which === 'september'
          ? `${p.year}年前三季度积分制工作进展报告（截至9月底）`
          : `${p.year}年度积分制工作总结`;
  }
}

/** A period inside one points year, since points never carry over 1 January. */
export function periodWithinYear(year: number, from?: string, to?: string): Period | { error: string; reason: 'period_outside_year' | 'date_range_reversed' } {
  const y = yearPeriod(year);
  const p = { from: from ?? y.from, to: to ?? y.to };
  if (p.from < y.from || p.to > y.to) return { error: `统计区间须在 ${year} 年内 (period must lie within the year)`, reason: 'period_outside_year' };
  if (p.from > p.to) return { error: '开始日期不能晚于结束日期 (from is after to)', reason: 'date_range_reversed' };
  return p;
}
