/** The roster and the year's missing and late reports as JSON. */
import { errors, json, route } from './api.ts';
import type { AppContext } from './context.ts';
import { DeadlinesSchema, RosterSchema, YearQuery } from './roster-schemas.ts';

export function registerRosterApi(ctx: AppContext): void {
  const { app, data } = ctx;

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/roster', summary: '机关名册（与 xxgk roster export 的列相同）',
      responses: { 200: json(RosterSchema, '名册'), 401: errors[401] },
    }),
    async (c) => c.json(await data.roster(), 200),
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/deadlines', summary: '某年度缺报（名册中没有报告的机关）与逾期发布的报告',
      request: { query: YearQuery },
      responses: { 200: json(DeadlinesSchema, '缺报与逾期'), 400: errors[400], 401: errors[401] },
    }),
    async (c) => c.json(await data.deadlines(c.req.valid('query').year), 200),
  );
}
