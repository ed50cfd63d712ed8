/**
 * Year over year for one agency: the page, its CSV and its JSON, over two reports read through `WebData` (the
 * agency's years, then each report) and compared by src/web/compare.ts.
 */
import type { z } from '@hono/zod-openapi';
import { compareReports, type CompareView } from '../web/compare.ts';
import { ComparePage, compareCsv } from '../web/compare-page.tsx';
import { errors, json, route } from './api.ts';
import { ComparePageQuery, CompareQuery, CompareSchema } from './compare-schema.ts';
import type { AppContext } from './context.ts';
import { csvResponse } from './csv.ts';
import type { WebData } from './data.ts';
import { notFound, WebError } from './http.ts';
import { page, viewerOf } from './render.tsx';
import { AgencyParam } from './schemas.ts';
import { filled, parsed } from './pages.tsx';

/** The two years asked for, by default the latest and the one before it; 404 when the agency lacks either. */
export async function loadComparison(data: WebData, name: string, query: z.infer<typeof CompareQuery>): Promise<CompareView> {
  const agency = await data.agencyYears(name);
  if (!agency) throw notFound();
  const dated = agency.years.filter((y): y is typeof y & { year: number } => y.year !== null).sort((a, b) => b.year - a.year);
  const asked = query.year ?? dated[0]?.year;
  const other = query.with ?? dated.find((y) => asked !== undefined && y.year < asked)?.year;
  if (asked === undefined || other === undefined) {
    throw new WebError(404, 'no-pair', '该机关没有可比较的两个年度的报告', 'the agency has no two years to compare');
  }
  // The later year is always "this year": differences and per cents run from the earlier one, whichever was named first.
  const [nowYear, thenYear] = asked >= other ? [asked, other] : [other, asked];
  if (nowYear === thenYear) throw new WebError(400, 'invalid', '请选择两个不同的年度', 'choose two different years');
  const pick = async (year: number) => {
    const entry = dated.find((y) => y.year === year);
    const detail = entry && (await data.getReport(entry.reportId));
    if (!detail) throw new WebError(404, 'no-year', `该机关没有${year}年度的报告`, `the agency has no report for ${year}`);
    return { year, reportId: entry.reportId, report: detail.report };
  };
  const [then, now] = [await pick(thenYear), await pick(nowYear)];
  return {
    agency: agency.agency,
    years: [...new Set(dated.map((y) => y.year))],
    then: { year: then.year, reportId: then.reportId },
    now: { year: now.year, reportId: now.reportId },
    comparison: compareReports(then.report, now.report),
  };
}

export function registerCompare(ctx: AppContext): void {
  const { app, data } = ctx;

  ctx.route('GET', '/agencies/:name/compare', 'viewer', async (c) => {
    const query = parsed(ComparePageQuery, filled(c));
    const view = await loadComparison(data, c.req.param('name') ?? '', query);
    return page(c, <ComparePage viewer={viewerOf(c, ctx.options.mode === 'server')!} view={view} all={query.rows === 'all'} />);
  });

  ctx.route('GET', '/agencies/:name/compare.csv', 'viewer', async (c) => {
    const view = await loadComparison(data, c.req.param('name') ?? '', parsed(CompareQuery, filled(c)));
    const { columns, rows } = compareCsv(view);
    return csvResponse(c, `${view.agency}${view.now.year}与${view.then.year}年度比较.csv`, columns, rows);
  });

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/agencies/{name}/compare', summary: '一个机关两个年度的比较：表格各单元格的差值与变化率、结转衔接、各部分文字逐词比较',
      request: { params: AgencyParam, query: CompareQuery },
      responses: { 200: json(CompareSchema, '比较结果'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await loadComparison(data, c.req.valid('param').name, c.req.valid('query')), 200),
  );
}
