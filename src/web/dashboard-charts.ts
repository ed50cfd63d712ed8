/**
 * The region dashboard's charts: each one the SVG ECharts draws and the same numbers as a table (for screen readers
 * and for anyone who wants the figures), both made from the dashboard model here so they cannot disagree.
 */
import { seriesChartSvg, type Series, type SeriesData } from './charts.ts';
import type { RegionDashboard } from './model.ts';

export interface DashboardChart {
  id: string;
  title: string;
  svg: string;
  /** The same chart drawn for a phone's width, so its text stays legible there. */
  narrowSvg: string;
  /** The chart's numbers: a header row, then one row per category. */
  head: string[];
  rows: { label: string; cells: string[] }[];
}

/** Agencies shown in a per-agency chart (the rest are in the rankings' CSV). */
const AGENCIES = 15;

const percent = (count: number | null, base: number | null) => (count === null || !base ? null : Math.round((count / base) * 1000) / 10);
const cell = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);

function chart(id: string, title: string, data: SeriesData, height: number): DashboardChart {
  const units = data.series.map((s) => data.axes[s.axis ?? 0].unit);
  return {
    id,
    title,
    svg: seriesChartSvg(data, { width: 640, height }),
    narrowSvg: seriesChartSvg(data, { width: 360, height: height + 20 }),
    head: [data.horizontal ? '机关' : '年度', ...data.series.map((s, i) => `${s.name}（${units[i]}）`)],
    rows: data.labels.map((label, i) => ({ label, cells: data.series.map((s) => cell(s.values[i])) })),
  };
}

export function dashboardCharts(d: RegionDashboard): DashboardChart[] {
  const measure = (id: string) => d.measures.find((m) => m.id === id)!;
  const years = d.trend.map((t) => `${t.year}年`);
  const counts = (id: string): Series => ({ name: measure(id).counts, values: d.trend.map((t) => t.measures[id]?.count ?? null) });
  const bases = (id: string): Series => ({ name: measure(id).base!, values: d.trend.map((t) => t.measures[id]?.base ?? null) });
  const rates = (id: string): Series => ({
    name: measure(id).name,
    kind: 'line',
    values: d.trend.map((t) => percent(t.measures[id]?.count ?? null, t.measures[id]?.base ?? null)),
  });
  const top = (by: (m: RegionDashboard['members'][number]) => number | null) =>
    d.members.filter((m) => (by(m) ?? 0) > 0).sort((a, b) => by(b)! - by(a)! || (a.agency < b.agency ? -1 : 1)).slice(0, AGENCIES);
  const busiest = top((m) => m.values.applications ?? null);
  const flagged = top((m) => m.errors + m.warnings);
  const barHeight = (n: number) => 90 + 26 * Math.max(n, 1);
  return [
    chart('applications', '历年依申请公开：新收申请与办理结果', { labels: years, series: ['applications', 'granted', 'partially_granted', 'denied'].map(counts), axes: [{ unit: '件' }] }, 340),
    chart('appeals', '历年行政复议、行政诉讼案件数', { labels: years, series: [bases('review_corrected'), bases('litigation_corrected')], axes: [{ unit: '件' }] }, 340),
    chart('corrected', '历年行政复议、行政诉讼纠错率', { labels: years, series: [rates('review_corrected'), rates('litigation_corrected')], axes: [{ unit: '%', percent: true }] }, 340),
    chart(
      'agency-applications',
      `${d.year ?? ''}年度各机关新收申请数（前${AGENCIES}名）`,
      { labels: busiest.map((m) => m.agency), series: [{ name: measure('applications').counts, values: busiest.map((m) => m.values.applications) }], axes: [{ unit: '件' }], horizontal: true },
      barHeight(busiest.length),
    ),
    chart(
      'agency-findings',
      `${d.year ?? ''}年度各机关核查发现的问题（前${AGENCIES}名）`,
      {
        labels: flagged.map((m) => m.agency),
        series: [
          { name: '错误', values: flagged.map((m) => m.errors), stack: 'findings' },
          { name: '警告', values: flagged.map((m) => m.warnings), stack: 'findings' },
        ],
        axes: [{ unit: '个' }],
        horizontal: true,
      },
      barHeight(flagged.length),
    ),
  ];
}
