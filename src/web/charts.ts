/**
 * Charts drawn on the server as SVG by ECharts (no DOM, no script in the page): the page shows them as images, so
 * the SVG's own styles never meet the page's CSP, and the counting tables beside them carry the same numbers as text.
 */
import * as echarts from 'echarts';

export interface BarData {
  labels: string[];
  values: number[];
  /** Bars along the y axis: long labels (rule ids, agencies) stay readable. */
  horizontal?: boolean;
}

// Single quotes: zrender writes the family into a double-quoted style attribute as it is.
const FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export function barChartSvg(data: BarData, size = { width: 640, height: 320 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  const category = { type: 'category' as const, data: data.labels, axisLabel: { fontFamily: FONT, interval: 0 } };
  const value = { type: 'value' as const, minInterval: 1, axisLabel: { fontFamily: FONT } };
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: data.horizontal ? 170 : 50, right: 30, top: 20, bottom: 40 },
    xAxis: data.horizontal ? value : category,
    yAxis: data.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: data.values, itemStyle: { color: '#1f5fbf' }, label: { show: true, position: data.horizontal ? 'right' : 'top' } }],
  });
  try {
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
