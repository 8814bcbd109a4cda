import type { Result } from '@shared/core/contract';

/**
 * ECharts options for the reports, as plain data: the same option draws the chart on screen and the
 * SVG on the printed A4 report. Colours follow the app: awards green, deductions red, redemptions amber.
 */
export type Summary = Result<'reports.summary'>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ChartOption = Record<string, any>;

const colors = { awarded: '#2f8a4c', deducted: '#c0392b', redeemed: '#d97706' };
const font = { fontFamily: '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif' };

export interface ChartLabels {
  awarded: string;
  deducted: string;
  redeemed: string;
  other: string;
  /** "2026-03" as the axis says it: "3月" / "Mar". */
  month(yearMonth: string): string;
}

export function categoryChart(s: Summary, l: ChartLabels): ChartOption {
  const cats = s.points.byCategory;
  return {
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [l.awarded, l.deducted], top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: cats.map((c) => c.category), axisLabel: { interval: 0, rotate: cats.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: l.awarded, type: 'bar', data: cats.map((c) => c.awarded), itemStyle: { color: colors.awarded }, label: { show: true, position: 'top' } },
      { name: l.deducted, type: 'bar', data: cats.map((c) => c.deducted), itemStyle: { color: colors.deducted }, label: { show: true, position: 'top' } },
    ],
  };
}

export function monthChart(s: Summary, l: ChartLabels): ChartOption {
  return {
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [l.awarded, l.deducted, l.redeemed], top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: s.months.map((m) => l.month(m.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: l.awarded, type: 'bar', data: s.months.map((m) => m.awarded), itemStyle: { color: colors.awarded } },
      { name: l.deducted, type: 'bar', data: s.months.map((m) => m.deducted), itemStyle: { color: colors.deducted } },
      { name: l.redeemed, type: 'line', data: s.months.map((m) => m.redeemed), itemStyle: { color: colors.redeemed }, lineStyle: { width: 3 } },
    ],
  };
}

/** Where the redeemed points went: the biggest items, the rest as one slice so the pie stays readable. */
export function redemptionChart(s: Summary, l: ChartLabels, top = 7): ChartOption {
  const all = [...s.redemptions.byItem, ...s.redemptions.byService].sort((a, b) => b.points - a.points);
  const slices = all.slice(0, top).map((i) => ({ name: i.name, value: i.points }));
  const rest = all.slice(top).reduce((n, i) => n + i.points, 0);
  if (rest > 0) slices.push({ name: l.other, value: rest });
  return {
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{ type: 'pie', radius: ['35%', '68%'], data: slices, label: { formatter: '{b}\n{c}' } }],
  };
}

/** source names a funding source in the language (the summary's own label is the server's Chinese). */
export function fundingChart(s: Summary, source: (key: string) => string): ChartOption {
  const items = s.stock.funding.items;
  return {
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: ¥{c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: '65%',
        data: items.filter((f) => f.receivedValueFen > 0).map((f) => ({ name: source(f.fundingSource), value: f.receivedValueFen / 100 })),
        label: { formatter: '{b}\n¥{c}' },
      },
    ],
  };
}

/** Participation as a whole percentage for display; the data stays as two integer counts. */
export function participationPercent(p: { households: number; withPoints: number }): string {
  return p.households ? `${((p.withPoints / p.households) * 100).toFixed(1)}%` : '—';
}
