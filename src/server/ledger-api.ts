/** The ledger as JSON under /api/ledger: the same lists and drafts as the pages, with the same agency limit. */
import { z } from '@hono/zod-openapi';
import { beijingToday, ledgerRow } from '../web/ledger-model.ts';
import { errors, json, route } from './api.ts';
import type { AppContext } from './context.ts';
import { notFound } from './http.ts';
import { ledgerAgency, ledgerCalendar, mayOpen } from './ledger-access.ts';
import { draftYear, ledgerList, listQueryOf } from './ledger-query.ts';
import {
  DraftQuery, LedgerAgencyParam, LedgerApplicationParam, LedgerApplicationSchema, LedgerDraftSchema, LedgerListQuery, LedgerListSchema,
} from './ledger-schemas.ts';

export function registerLedgerApi(ctx: AppContext): void {
  const { app } = ctx;

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/ledger', summary: '可查看的台账（机关名称）',
      responses: { 200: json(z.object({ agencies: z.array(z.string()) }), '机关'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json({ agencies: (await ctx.data.ledger.agencies()).filter((a) => mayOpen(c, a)) }, 200),
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/ledger/{agency}/applications', summary: '一个机关台账中的申请：答复期限与状态（超期在前）',
      request: { params: LedgerAgencyParam, query: LedgerListQuery },
      responses: { 200: json(LedgerListSchema, '申请'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const agency = ledgerAgency(c);
      const query = listQueryOf(c);
      const items = ledgerList(await ctx.data.ledger.applications(agency), query);
      return c.json({ agency, asOf: query.as_of ?? beijingToday(), items }, 200);
    },
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/ledger/{agency}/applications/{no}', summary: '一件申请：状态与全部办理记录',
      request: { params: LedgerApplicationParam },
      responses: { 200: json(LedgerApplicationSchema, '申请'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const agency = ledgerAgency(c);
      const application = await ctx.data.ledger.application(agency, c.req.valid('param').no);
      if (!application) throw notFound();
      const row = ledgerRow(application, beijingToday(), ledgerCalendar());
      return c.json({ row, events: application.events as unknown as z.infer<typeof LedgerApplicationSchema>['events'] }, 200);
    },
  );

  app.openapi(
    route(ctx, 'viewer', {
      method: 'get', path: '/api/ledger/{agency}/draft', summary: '由台账生成的年度报告草稿、核查发现与不能定稿的原因',
      request: { params: LedgerAgencyParam, query: DraftQuery },
      responses: { 200: json(LedgerDraftSchema, '草稿'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const agency = ledgerAgency(c);
      const year = draftYear(c);
      const built = await ctx.data.ledger.draft(agency, year);
      const issues = built.issues.map(({ application, issue }) => ({ application, code: issue.code, severity: issue.severity, zh: issue.zh }));
      return c.json({ report: built.report as unknown as Record<string, unknown>, blocking: built.blocking, issues, final: built.final }, 200);
    },
  );
}
