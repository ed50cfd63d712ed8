/** The HTML pages: each route reads through `WebData` and renders a view of src/web. */
import type { Context } from 'hono';
import { ReportPage } from '../web/report-page.tsx';
import { compareLinkFor } from '../web/compare-page.tsx';
import { ListPage, type ListQuery } from '../web/list-page.tsx';
import { OverviewPage } from '../web/overview-page.tsx';
import { AgencyPage, RegionsPage } from '../web/region-page.tsx';
import { UploadPage } from '../web/forms-pages.tsx';
import { barChartSvg } from '../web/charts.ts';
import { SEVERITY_ZH, yearZh } from '../web/words.ts';
import type { AppContext } from './context.ts';
import { csvResponse } from './csv.ts';
import { invalidRequest, notFound, type AppEnv, type RequestIssue } from './http.ts';
import { page, viewerOf } from './render.tsx';
import { YearQuery } from './roster-schemas.ts';
import { ReportFilterQuery, reportFilter, ReviewBody } from './schemas.ts';
import { uploadedFiles } from './upload.ts';

/** Parses with a request schema; a failure is a 400 naming the field. */
export function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: RequestIssue[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidRequest(result.error.issues[0]);
}

export function reportId(c: Context): number {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw notFound();
  return id;
}

/** The report list's columns in its CSV. */
const REPORT_COLUMNS = [
  ['id', '编号'], ['agency', '机关'], ['region', '地区'], ['level', '层级'], ['year', '年度'], ['format', '格式'], ['errors', '错误'],
  ['warnings', '警告'], ['infos', '提示'], ['source', '文件'], ['importedAt', '导入时间'],
].map(([key, label]) => ({ key, label }));

const LIST_FIELDS = ['region', 'year', 'agency', 'level', 'format', 'has_errors', 'rule', 'q'] as const;
const listQuery = (c: Context): ListQuery => Object.fromEntries(LIST_FIELDS.flatMap((k) => (c.req.query(k) ? [[k, c.req.query(k)]] : [])));
/** Blank form fields are no filter. */
export const filled = (c: Context) => Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));

export function registerPages(ctx: AppContext): void {
  const { data } = ctx;
  const viewer = (c: Context<AppEnv>) => viewerOf(c, ctx.options.mode === 'server')!;

  // The deadline check is of the year asked for, else of the latest year with reports.
  ctx.route('GET', '/', 'viewer', async (c) => {
    const overview = await data.overview();
    const latest = Math.max(...overview.byYear.flatMap((y) => (y.year === null ? [] : [y.year])));
    const year = c.req.query('year') ? parsed(YearQuery, c.req.query()).year : Number.isFinite(latest) ? latest : undefined;
    const deadlines = year === undefined ? undefined : await data.deadlines(year);
    return page(c, <OverviewPage viewer={viewer(c)} overview={overview} deadlines={deadlines} />);
  });

  // The overview's charts, as SVG images (see src/web/charts.ts).
  const svg = (c: Context, body: string) => c.body(body, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-cache' });
  ctx.route('GET', '/charts/reports-by-year.svg', 'viewer', async (c) => {
    const byYear = (await data.overview()).byYear.toReversed(); // oldest first, as a time axis reads
    return svg(c, barChartSvg({ labels: byYear.map((y) => yearZh(y.year)), values: byYear.map((y) => y.count) }));
  });
  ctx.route('GET', '/charts/findings-by-rule.svg', 'viewer', async (c) => {
    const { byRule, bySeverity } = await data.overview();
    const top = byRule.slice(0, 12);
    const severities = bySeverity.map((s) => `${SEVERITY_ZH[s.severity]} ${s.count}`).join(' · ');
    return svg(c, barChartSvg({ labels: top.map((r) => r.rule), values: top.map((r) => r.count), horizontal: true }, { width: 640, height: 60 + 28 * Math.max(1, top.length) }).replace('</svg>', `<title>${severities}</title></svg>`));
  });

  ctx.route('GET', '/reports', 'viewer', async (c) => {
    const query = parsed(ReportFilterQuery, filled(c));
    const { total, items } = await data.listReports(reportFilter(query));
    return page(c, <ListPage viewer={viewer(c)} query={listQuery(c)} total={total} items={items} limit={query.limit} offset={query.offset} />);
  });

  ctx.route('GET', '/reports.csv', 'viewer', async (c) => {
    const query = parsed(ReportFilterQuery, { ...filled(c), limit: c.req.query('limit') ?? 500 });
    const { items } = await data.listReports(reportFilter(query));
    return csvResponse(c, 'reports.csv', REPORT_COLUMNS, items);
  });

  ctx.route('GET', '/reports/:id', 'viewer', async (c) => {
    const detail = await data.getReport(reportId(c));
    if (!detail) throw notFound();
    const agency = detail.summary.agency ? await data.agencyYears(detail.summary.agency) : undefined;
    return page(c, <ReportPage detail={detail} viewer={viewer(c)} compare={compareLinkFor(agency, detail.summary.year)} />);
  });

  // The original is always a download: a report's HTML must never run in the app's origin.
  ctx.route('GET', '/reports/:id/source', 'viewer', async (c) => {
    const file = await data.sourceFile(reportId(c));
    if (!file) throw notFound();
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });

  ctx.route('POST', '/reports/:id/findings/:key/review', 'reviewer', async (c) => {
    const id = reportId(c);
    const input = parsed(ReviewBody, await c.req.parseBody());
    const ok = await data.reviewFinding(id, c.req.param('key') ?? '', { ...input, by: c.get('session')!.user });
    if (!ok) throw notFound();
    return c.redirect(`/reports/${id}`, 303);
  });

  ctx.route('POST', '/reports/:id/recheck', 'reviewer', async (c) => {
    const id = reportId(c);
    if (!(await data.recheck(id))) throw notFound();
    return c.redirect(`/reports/${id}`, 303);
  });

  ctx.route('GET', '/regions', 'viewer', async (c) => page(c, <RegionsPage viewer={viewer(c)} tree={await data.regionTree()} />));

  ctx.route('GET', '/agencies/:name', 'viewer', async (c) => {
    const agency = await data.agencyYears(c.req.param('name') ?? '');
    if (!agency) throw notFound();
    return page(c, <AgencyPage viewer={viewer(c)} agency={agency} />);
  });

  const uploadView = (c: Context<AppEnv>, results?: Awaited<ReturnType<typeof data.importFiles>>) =>
    page(c, <UploadPage viewer={viewer(c)} maxFiles={ctx.uploadLimits.maxFiles} maxMb={ctx.uploadLimits.maxTotalBytes / 2 ** 20} results={results} />);

  ctx.route('GET', '/upload', 'reviewer', (c) => uploadView(c));

  ctx.route('POST', '/upload', 'reviewer', async (c) => {
    const { files, refused } = await uploadedFiles(c, ctx.uploadLimits);
    const results = files.length ? await data.importFiles(files) : [];
    return uploadView(c, [...results, ...refused]);
  });
}
