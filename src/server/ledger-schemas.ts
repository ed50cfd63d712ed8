/** The ledger API's shapes, declared once with zod: they validate the queries (pages and API) and make /api/openapi.json. */
import { z } from '@hono/zod-openapi';
import { APPLICANT_COLUMNS, isIsoDate, type EventType } from '../ledger/index.ts';
import { EVENT_FIELDS, NUMBER_FIELD } from '../web/ledger-fields.ts';
import { STATUS_ORDER } from '../web/ledger-model.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/**
 * A day asked for: a real date within the years a ledger date may take (src/ledger/day.ts). Working days are counted
 * day by day, so 9999-12-31 would hold a request for seconds, and 9999-99-99 (after every real date) for ever.
 */
const askedDay = z.string().refine(isIsoDate, '须为1990年至2100年间实际存在的日期，如2025-03-01');
const statuses = STATUS_ORDER as unknown as [string, ...string[]];
const applicantTypes = APPLICANT_COLUMNS.map((c) => c.id) as [string, ...string[]];

export const LedgerListQuery = z
  .object({
    status: z.enum(statuses).optional().openapi({ description: 'overdue 已超期 · due-soon 即将到期 · waiting 中止计时 · open 办理中 · concluded 已办结' }),
    year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: '收到申请的年份' }),
    applicant_type: z.enum(applicantTypes).optional().openapi({ description: '申请人类型（表三的列 id）' }),
    no: z.string().max(40).optional().openapi({ description: '只看这一编号的申请' }),
    as_of: askedDay.optional().openapi({ description: '按这一天计算状态（默认今天，北京时间）；1990-01-01 至 2100-12-31', format: 'date' }),
  })
  .openapi('LedgerListQuery');

export const DraftQuery = z.object({
  year: z.coerce.number().int().min(2019).max(2100).optional().openapi({ description: '报告年度（默认今年）' }),
});

export const LedgerAgencyParam = z.object({ agency: z.string().min(1).max(200).openapi({ param: { name: 'agency', in: 'path' } }) });
export const LedgerApplicationParam = LedgerAgencyParam.extend({ no: z.string().min(1).max(40).openapi({ param: { name: 'no', in: 'path' } }) });

export const LedgerRowSchema = z
  .object({
    id: z.string(),
    received: isoDate.nullable(),
    applicantType: z.string().nullable(),
    state: z.string(),
    due: isoDate.nullable(),
    status: z.enum(statuses),
    remaining: z.number().int().nullable(),
    concluded: isoDate.nullable(),
    late: z.boolean(),
  })
  .openapi('LedgerRow');

export const LedgerListSchema = z.object({ agency: z.string(), asOf: isoDate, items: z.array(LedgerRowSchema) }).openapi('LedgerList');

export const LedgerEventSchema = z
  .object({ type: z.string(), by: z.string(), at: z.string() })
  .passthrough()
  .openapi('LedgerEvent', { description: 'A ledger event (src/ledger/model.ts): received, replied, appeal_filed …' });

export const LedgerApplicationSchema = z
  .object({ row: LedgerRowSchema, events: z.array(LedgerEventSchema) })
  .openapi('LedgerApplication');

export const LedgerDraftSchema = z
  .object({
    report: z.record(z.unknown()).openapi({ description: 'Report JSON (docs/report.schema.json)' }),
    blocking: z.array(z.object({ zh: z.string(), en: z.string() })),
    issues: z.array(z.object({ application: z.string(), code: z.string(), severity: z.enum(['error', 'warning']), zh: z.string() })),
    final: z.boolean(),
  })
  .openapi('LedgerDraft');

/** An event's body, from the one declaration of its fields (src/web/ledger-fields.ts); `by` and `at` come from the session. */
function eventBody(type: EventType) {
  const fields = EVENT_FIELDS[type].map((f) => {
    const base = f.kind === 'number' ? z.number() : f.choices ? z.enum(f.choices.map((c) => c.value) as [string, ...string[]]) : z.string().max(2000);
    return [f.name, (f.required ? base : base.optional()).openapi({ description: f.label })] as const;
  });
  return z.object({ type: z.literal(type), ...Object.fromEntries(fields) });
}

const EVENT_TYPES = Object.keys(EVENT_FIELDS).filter((t) => t !== 'received') as EventType[];
const eventBodies = EVENT_TYPES.map(eventBody) as unknown as [ReturnType<typeof eventBody>, ...ReturnType<typeof eventBody>[]];

export const LedgerEventBody = z.discriminatedUnion('type', eventBodies).openapi('LedgerEventInput');

export const LedgerReceivedBody = eventBody('received')
  .omit({ type: true })
  .extend({ no: z.string().min(1).max(40).openapi({ description: NUMBER_FIELD.label }) })
  .openapi('LedgerApplicationInput');

const cell = z.number().nullable();

export const LedgerTable2Body = z
  .record(z.union([cell, z.record(cell)]))
  .openapi('LedgerTable2Input', { description: 'Report JSON table2 (keys as docs/report.schema.json): each value a non-negative number, or null for blank' });

export const LedgerWriteSchema = z
  .object({
    accepted: z.boolean(),
    issues: z.array(
      z.object({ code: z.string(), severity: z.enum(['error', 'warning']), zh: z.string(), en: z.string(), field: z.string().optional().openapi({ description: '相关字段（空为整张表单）' }) }),
    ),
    row: LedgerRowSchema.optional(),
  })
  .openapi('LedgerWrite');
