/**
 * The JSON API under /api: every route declared with its schemas (they validate the request and make
 * /api/openapi.json) and its required role. Writes need the session's token in the X-CSRF-Token header.
 */
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { AppContext } from './context.ts';
import type { Access } from './auth.ts';
import { guard, notFound } from './http.ts';
import { XXGK_VERSION } from '../report/version.ts';
import {
  AgencyParam, AgencyYearsSchema, DashboardQuery, ErrorSchema, FindingParam, IdParam, ImportResultSchema, OverviewSchema, RegionDashboardSchema, RegionSchema,
  ReportDetailSchema, ReportFilterQuery, reportFilter, ReportListSchema, ReviewBody, SessionSchema,
} from './schemas.ts';
import { uploadedFiles } from './upload.ts';

export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
export const errors = {
  400: json(ErrorSchema, '请求参数有误'),
  401: json(ErrorSchema, '未登录'),
  403: json(ErrorSchema, '无权限或 CSRF 令牌错误'),
  404: json(ErrorSchema, '未找到'),
};

/** A route with its role: the guard runs before validation, and the role goes into the route table. */
export function route<R extends Omit<RouteConfig, 'middleware'>>(ctx: AppContext, access: Access, config: R) {
  ctx.record(config.method, config.path, access);
  return createRoute({ ...config, middleware: [guard(access)] as const, security: access === 'public' ? [] : [{ session: [] }] });
}

export function registerApi(ctx: AppContext): void {
  const { app, data } = ctx;

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/session', summary: '当前会话（含写操作所需的 CSRF 令牌）',
      responses: { 200: json(SessionSchema, '会话'), 401: errors[401] },
    }),
    (c) => {
      const s = c.get('session')!;
      return c.json({ user: s.user, role: s.role, agency: s.agency, csrf: s.csrf }, 200);
    },
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/reports', summary: '报告列表（筛选、全文检索、分页）',
      request: { query: ReportFilterQuery },
      responses: { 200: json(ReportListSchema, '报告列表'), 400: errors[400], 401: errors[401] },
    }),
    async (c) => c.json(await data.listReports(reportFilter(c.req.valid('query'))), 200),
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/reports/{id}', summary: '一份报告：Report JSON、各版本、问题及审核状态',
      request: { params: IdParam },
      responses: { 200: json(ReportDetailSchema, '报告'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const detail = await data.getReport(c.req.valid('param').id);
      if (!detail) throw notFound();
      return c.json(detail as unknown as z.infer<typeof ReportDetailSchema>, 200);
    },
  );

  app.openapi(
    route(ctx, 'reviewer', {
      method: 'put', path: '/api/reports/{id}/findings/{key}/review', summary: '确认或驳回一个问题（附意见）',
      request: { params: FindingParam, body: { content: { 'application/json': { schema: ReviewBody } }, required: true } },
      responses: { 200: json(z.object({ ok: z.literal(true) }), '已保存'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const { id, key } = c.req.valid('param');
      const ok = await data.reviewFinding(id, key, { ...c.req.valid('json'), by: c.get('session')!.user });
      if (!ok) throw notFound();
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    route(ctx, 'reviewer', {
      method: 'post', path: '/api/reports/{id}/recheck', summary: '重新核查当前版本（审核状态保留）',
      request: { params: IdParam },
      responses: { 200: json(z.object({ ok: z.literal(true) }), '已核查'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      if (!(await data.recheck(c.req.valid('param').id))) throw notFound();
      return c.json({ ok: true as const }, 200);
    },
  );

  // Uploads are checked by uploadedFiles (count, total size, each file's reader limit); the body is documented only.
  const upload = route(ctx, 'reviewer', {
    method: 'post', path: '/api/reports', summary: '上传报告文件（multipart，字段 files，可多个）',
    request: {
      body: {
        content: { 'multipart/form-data': { schema: z.object({ files: z.array(z.string().openapi({ format: 'binary' })) }) } },
        required: true,
      },
    },
    responses: { 200: json(z.array(ImportResultSchema), '每个文件的结果，按上传顺序'), 401: errors[401], 403: errors[403], 413: json(ErrorSchema, '超出上传限制') },
  });
  app.openAPIRegistry.registerPath(upload);
  app.post('/api/reports', ...upload.middleware, async (c) => {
    const { files, refused } = await uploadedFiles(c, ctx.uploadLimits);
    const results = files.length ? await data.importFiles(files) : [];
    return c.json([...results, ...refused], 200);
  });

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/overview', summary: '总览：按年度、地区、严重程度、规则计数，最近导入',
      responses: { 200: json(OverviewSchema, '总览'), 401: errors[401] },
    }),
    async (c) => c.json(await data.overview(), 200),
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/regions', summary: '地区树（各地区报告数）',
      responses: { 200: json(z.array(RegionSchema), '地区树'), 401: errors[401] },
    }),
    async (c) => c.json(await data.regionTree(), 200),
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/regions/{id}/dashboard', summary: '一个地区一年的汇总：报表合计、历年指标、机关对比与排名、下级地区',
      request: { params: IdParam, query: DashboardQuery },
      responses: { 200: json(RegionDashboardSchema, '地区汇总'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { year, limit, offset } = c.req.valid('query');
      const dashboard = await data.regionDashboard(c.req.valid('param').id, year, { limit, offset });
      if (!dashboard) throw notFound();
      return c.json(dashboard, 200);
    },
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/agencies/{name}', summary: '一个机关历年的报告',
      request: { params: AgencyParam },
      responses: { 200: json(AgencyYearsSchema, '历年报告'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const agency = await data.agencyYears(c.req.valid('param').name);
      if (!agency) throw notFound();
      return c.json(agency, 200);
    },
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'xxgk_session' });
  ctx.record('GET', '/api/openapi.json', 'public');
  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: { title: 'xxgk 政府信息公开年报核查 API', version: XXGK_VERSION },
  });
}
