import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './charts';

// Only the parts the reports draw: the whole of ECharts would triple the reports chunk.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * A live chart on screen (tooltips, resizes with its box). userData: its labels are the village's own
 * names (categories, items), so the chart as a whole is marked as data.
 */
export function EChart({ option, height = 300, testId, userData }: { option: ChartOption; height?: number; testId?: string; userData?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} data-user-text={userData || undefined} />;
}

/** The same chart as an SVG string, drawn once at a fixed size: what the A4 report prints. */
export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ ...option, tooltip: undefined });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export function PrintChart({ option, width = 680, height = 260 }: { option: ChartOption; width?: number; height?: number }) {
  // ECharts escapes the category and item names it writes into the SVG's text nodes.
  return <div className="print-chart" dangerouslySetInnerHTML={{ __html: chartSvg(option, width, height) }} />;
}
