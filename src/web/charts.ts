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

/**
 * Drawings already made, by what they show: a chart takes ECharts about 10 ms, and a dashboard draws ten of them for
 * every request. Bounded; emptied when full.
 */
const drawn = new Map<string, string>();
const DRAWN_MAX = 500;

function once(kind: string, data: unknown, size: { width: number; height: number }, draw: () => string): string {
  const key = JSON.stringify([kind, data, size]);
  let svg = drawn.get(key);
  if (svg === undefined) {
    if (drawn.size >= DRAWN_MAX) drawn.clear();
    svg = draw();
    drawn.set(key, svg);
  }
  return svg;
}

export function barChartSvg(data: BarData, size = { width: 640, height: 320 }): string {
  return once('bar', data, size, () => drawBars(data, size));
}

function drawBars(data: BarData, size: { width: number; height: number }): string {
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

export interface Series {
  name: string;
  /** One per label; null draws nothing there (blank is not zero). */
  values: (number | null)[];
  kind?: 'bar' | 'line';
  /** The value axis it is read on (index into `axes`). */
  axis?: number;
  /** Bars of one stack are drawn on top of each other. */
  stack?: string;
}

export interface SeriesData {
  labels: string[];
  series: Series[];
  /** Value axes with their unit in Chinese (件, %): one, or two for counts beside rates. */
  axes: { unit: string; percent?: boolean }[];
  /** Bars along the y axis: long labels (agencies) stay readable. */
  horizontal?: boolean;
}

/** Widest label a horizontal chart leaves room for: 190 px, or 40% of a narrow chart; longer ones end in an ellipsis. */
const labelWidth = (width: number) => Math.min(190, Math.round(width * 0.4));

/**
 * Several series over one category axis, with a legend and named units. Every bar and point carries its value; a
 * value label that would overlap another is left out (the table beside the chart has every number).
 */
export function seriesChartSvg(data: SeriesData, size = { width: 640, height: 340 }): string {
  return once('series', data, size, () => drawSeries(data, size));
}

function drawSeries(data: SeriesData, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  const labels = labelWidth(size.width);
  const category = {
    type: 'category' as const,
    data: data.labels,
    axisLabel: { fontFamily: FONT, interval: 0, ...(data.horizontal && { width: labels, overflow: 'truncate' as const }) },
  };
  const values = data.axes.map((a, i) => ({
    type: 'value' as const,
    name: a.unit,
    nameTextStyle: { fontFamily: FONT },
    minInterval: a.percent ? undefined : 1,
    ...(a.percent && { min: 0, max: 100 }),
    splitLine: { show: i === 0 },
    axisLabel: { fontFamily: FONT, formatter: a.percent ? '{value}%' : '{value}' },
  }));
  const single = data.series.length === 1;
  // A narrow chart's legend takes two lines.
  const legendHeight = single ? 0 : size.width < 500 ? 46 : 26;
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    color: ['#1f5fbf', '#2e9d6a', '#e09b1a', '#c62828', '#7b4fb3', '#5d6575'],
    legend: { show: !single, top: 0, textStyle: { fontFamily: FONT } },
    grid: { left: data.horizontal ? labels + 20 : 50, right: data.axes.length > 1 ? 60 : 40, top: 30 + legendHeight, bottom: 30 },
    xAxis: data.horizontal ? values : category,
    yAxis: data.horizontal ? { ...category, inverse: true } : values,
    series: data.series.map((s) => ({
      type: s.kind ?? 'bar',
      name: s.name,
      data: s.values,
      stack: s.stack,
      [data.horizontal ? 'xAxisIndex' : 'yAxisIndex']: s.axis ?? 0,
      label: {
        show: !s.stack,
        position: s.kind === 'line' ? 'top' : data.horizontal ? 'right' : 'top',
        formatter: data.axes[s.axis ?? 0]?.percent ? '{c}%' : '{c}',
      },
      labelLayout: { hideOverlap: true },
    })),
  });
  try {
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** An SVG as an image address the page can carry (the CSP allows data: images, and an image runs no script). */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
