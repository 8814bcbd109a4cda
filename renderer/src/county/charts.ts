import type { ChartOption } from '../pages/reports/charts';

/**
 * ECharts options for the county dashboard, as plain data (tested beside this file). Colours follow
 * the village reports: awards green, deductions red, redemptions amber.
 */
const colors = { awarded: '#2f8a4c', deducted: '#c0392b', goods: '#d97706', services: '#b45309' };
const font = { fontFamily: '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif' };

export interface Figures {
  awarded: number;
  deducted: number;
  redeemedGoods: number;
  redeemedServices: number;
}
export interface FigureLabels {
  awarded: string;
  deducted: string;
  goods: string;
  services: string;
}

function bars(categories: string[], rows: Figures[], l: FigureLabels, rotate: boolean): ChartOption {
  const series = (name: string, key: keyof Figures, color: string, stack?: string) => ({
    name,
    type: 'bar',
    stack,
    data: rows.map((r) => r[key]),
    itemStyle: { color },
  });
  return {
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [l.awarded, l.deducted, l.goods, l.services], top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: rotate ? 72 : 32 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: rotate ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      series(l.awarded, 'awarded', colors.awarded),
      series(l.deducted, 'deducted', colors.deducted),
      series(l.goods, 'redeemedGoods', colors.goods, 'redeemed'),
      series(l.services, 'redeemedServices', colors.services, 'redeemed'),
    ],
  };
}

/** One group of bars per village: points awarded, deducted, and redeemed (goods and services stacked). */
export function villageChart(villages: (Figures & { name: string })[], l: FigureLabels): ChartOption {
  return bars(
    villages.map((v) => v.name),
    villages,
    l,
    villages.length > 6,
  );
}

/** The same figures by month, January to December. */
export function monthChart(byMonth: (Figures & { month: number })[], l: FigureLabels, monthName: (m: number) => string): ChartOption {
  return bars(
    byMonth.map((m) => monthName(m.month)),
    byMonth,
    l,
    false,
  );
}

/** Stock funding by source, in yuan: a pie with each source's name. */
export function fundingChart(rows: { source: string; fen: number }[], sourceName: (s: string) => string): ChartOption {
  return {
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'item', valueFormatter: (v: number) => `¥${v.toFixed(2)}` },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n¥{c}' },
        data: rows.map((r) => ({ name: sourceName(r.source), value: Math.round(r.fen) / 100 })),
      },
    ],
  };
}

/** Redemption by item (points), goods and services in their own colours, the largest on top. */
export function itemChart(items: { kind: 'goods' | 'service'; name: string; points: number }[], top = 12): ChartOption {
  const shown = items.slice(0, top).reverse();
  return {
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 110, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((i) => i.name), axisLabel: { width: 100, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: shown.map((i) => ({ value: i.points, itemStyle: { color: i.kind === 'goods' ? colors.goods : colors.services } })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}
