/** The ledger as JSON under /api/ledger: the same lists and drafts as the pages, with the same agency limit. */
import { z } from '@hono/zod-openapi';
import { beijingToday, ledgerRow, type LedgerRow } from '../web/ledger-model.ts';
import { errors, json, route } from './api.ts';
import type { AppContext } from './context.ts';
import type { LedgerWrite } from './data.ts';
import { notFound } from './http.ts';
import { ledgerAgency, ledgerCalendar, mayOpen } from './ledger-access.ts';
import { draftYear, ledgerList, listQueryOf } from './ledger-query.ts';
import {
  DraftQuery, LedgerAgencyParam, LedgerApplicationParam, LedgerApplicationSchema, LedgerDraftSchema, LedgerEventBody, LedgerListQuery,
  LedgerListSchema, LedgerReceivedBody, LedgerTable2Body, LedgerWriteSchema,
} from './ledger-schemas.ts';
import { recordEvent, recordTable2, registerApplication, type WriteResult } from './ledger-write.ts';
import { ErrorSchema } from './schemas.ts';

/** A JSON body as the form's strings (the same checks and the same rules read it). */
const asValues = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));

export function registerLedgerApi(ctx: AppContext): void {
  const { app } = ctx;
  const refused = json(LedgerWriteSchema, '规则拒绝：issues 说明原因（field 为相关字段）');
  const answer = (result: WriteResult, row?: LedgerRow) => ({
    accepted: result.accepted,
    issues: result.accepted
      ? result.write.issues
      : Object.entries(result.errors).flatMap(([field, messages]) => messages.map((zh) => ({ ...issueOf(result.write, zh, field), field }))),
    ...(row && { row }),
  });

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
    route(ctx, 'editor', {
      method: 'post', path: '/api/ledger/{agency}/applications', summary: '登记一件申请（收到申请）；规则拒绝时 422',
      request: { params: LedgerAgencyParam, body: { content: { 'application/json': { schema: LedgerReceivedBody } }, required: true } },
      responses: { 201: json(LedgerWriteSchema, '已登记'), 400: errors[400], 401: errors[401], 403: errors[403], 422: refused },
    }),
    async (c) => {
      const agency = ledgerAgency(c);
      const values = asValues(c.req.valid('json'));
      const result = await registerApplication(ctx.data.ledger, agency, values, c.get('session')!.user);
      if (!result.accepted) return c.json(answer(result), 422);
      const application = (await ctx.data.ledger.application(agency, values.no.trim()))!;
      return c.json(answer(result, ledgerRow(application, beijingToday(), ledgerCalendar())), 201);
    },
  );

  app.openapi(
    route(ctx, 'editor', {
      method: 'post', path: '/api/ledger/{agency}/applications/{no}/events', summary: '记录一个办理事项；规则拒绝时 422，当前状态不适用时 409',
      request: { params: LedgerApplicationParam, body: { content: { 'application/json': { schema: LedgerEventBody } }, required: true } },
      responses: {
        200: json(LedgerWriteSchema, '已记录（issues 为警告）'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
        409: json(ErrorSchema, '该申请当前不能记录这一事项'), 422: refused,
      },
    }),
    async (c) => {
      const agency = ledgerAgency(c);
      const { no } = c.req.valid('param');
      const result = await recordEvent(ctx.data.ledger, agency, no, asValues(c.req.valid('json')), c.get('session')!.user);
      if (!result.accepted) return c.json(answer(result), 422);
      const application = (await ctx.data.ledger.application(agency, no))!;
      return c.json(answer(result, ledgerRow(application, beijingToday(), ledgerCalendar())), 200);
    },
  );

  app.openapi(
    route(ctx, 'editor', {
      method: 'put', path: '/api/ledger/{agency}/table2', summary: '填写一年的表二（主动公开）：保存为新版本，空值为 null；数值有误时 422',
      request: { params: LedgerAgencyParam, query: DraftQuery, body: { content: { 'application/json': { schema: LedgerTable2Body } }, required: true } },
      responses: { 200: json(LedgerWriteSchema, '已保存'), 400: errors[400], 401: errors[401], 403: errors[403], 422: refused },
    }),
    async (c) => {
      const agency = ledgerAgency(c);
      const result = await recordTable2(ctx.data.ledger, agency, draftYear(c), c.req.valid('json'), c.get('session')!.user);
      return c.json(result, result.accepted ? 200 : 422);
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

/** The rule's issue behind a message, when a rule gave it; a blank or invalid field has the code `field`. */
function issueOf(write: LedgerWrite | undefined, zh: string, field: string) {
  const issue = write?.issues.find((i) => i.zh === zh);
  return issue ?? { code: 'field', severity: 'error' as const, zh, en: `${field}: blank, or not one of its choices` };
}
