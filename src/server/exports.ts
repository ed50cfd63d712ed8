/**
 * Downloads: one report as XLSX, CSV (one line per cell) and Report JSON through the renderers of src/render, and the
 * list pages without a CSV of their own (the overview's counts, the regions with their counts, an agency's years) as CSV.
 */
import type { Context } from 'hono';
import { renderCsv } from '../render/csv.ts';
import { renderXlsx } from '../render/xlsx.ts';
import type { RegionNode, ReportDetail } from '../web/model.ts';
import { SEVERITY_ZH, yearZh } from '../web/words.ts';
import type { AppContext } from './context.ts';
import { csvResponse, download } from './csv.ts';
import { notFound } from './http.ts';
import { reportId } from './pages.tsx';

const columns = (pairs: [string, string][]) => pairs.map(([key, label]) => ({ key, label }));

/** "某局2024年度", the name an export of the report is saved under. */
const exportName = ({ summary }: ReportDetail) => `${summary.agency ?? `报告${summary.id}`}${summary.year === null ? '' : yearZh(summary.year)}`;

export function registerExports(ctx: AppContext): void {
  const { data } = ctx;
  const detailOf = async (c: Context) => {
    const detail = await data.getReport(reportId(c));
    if (!detail) throw notFound();
    return detail;
  };

  ctx.route('GET', '/reports/:id/export.xlsx', 'viewer', async (c) => {
    const detail = await detailOf(c);
    return download(c, `${exportName(detail)}.xlsx`, await renderXlsx(detail.report), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
  ctx.route('GET', '/reports/:id/export.csv', 'viewer', async (c) => {
    const detail = await detailOf(c);
    return download(c, `${exportName(detail)}.csv`, renderCsv(detail.report), 'text/csv; charset=utf-8');
  });
  ctx.route('GET', '/reports/:id/export.json', 'viewer', async (c) => {
    const detail = await detailOf(c);
    return download(c, `${exportName(detail)}.json`, JSON.stringify(detail.report, null, 2), 'application/json; charset=utf-8');
  });

  ctx.route('GET', '/overview.csv', 'viewer', async (c) => {
    const o = await data.overview();
    const rows = [
      ...o.byYear.map((y) => ({ group: '按年度', item: yearZh(y.year), count: y.count })),
      ...o.byRegion.map((r) => ({ group: '按地区', item: r.region ?? '地区不明', count: r.count })),
      ...o.bySeverity.map((s) => ({ group: '问题按严重程度', item: SEVERITY_ZH[s.severity], count: s.count })),
      ...o.byRule.map((r) => ({ group: '问题按规则', item: r.rule, count: r.count })),
    ];
    return csvResponse(c, '总览.csv', columns([['group', '分类'], ['item', '项目'], ['count', '数量']]), rows);
  });

  ctx.route('GET', '/regions.csv', 'viewer', async (c) => {
    const rows = flatten(await data.regionTree(), []);
    return csvResponse(c, '地区.csv', columns([['region', '地区'], ['reports', '报告数（含下级地区）']]), rows);
  });

  ctx.route('GET', '/agencies/:name/years.csv', 'viewer', async (c) => {
    const agency = await data.agencyYears(c.req.param('name') ?? '');
    if (!agency) throw notFound();
    const rows = agency.years.map((y) => ({ year: yearZh(y.year), reportId: y.reportId, errors: y.errors }));
    return csvResponse(c, `${agency.agency}历年报告.csv`, columns([['year', '年度'], ['reportId', '报告编号'], ['errors', '错误']]), rows);
  });
}

/** One line per region, outermost place first, with its report count (sub-regions included). */
function flatten(nodes: RegionNode[], path: string[]): { region: string; reports: number }[] {
  return nodes.flatMap((node) => [{ region: [...path, node.name].join(''), reports: node.reports }, ...flatten(node.children, [...path, node.name])]);
}
