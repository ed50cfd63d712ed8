/** The ledger API's shapes, declared once with zod: they validate the queries (pages and API) and make /api/openapi.json. */
import { z } from '@hono/zod-openapi';
import { APPLICANT_COLUMNS } from '../ledger/index.ts';
import { STATUS_ORDER } from '../web/ledger-model.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const statuses = STATUS_ORDER as unknown as [string, ...string[]];
const applicantTypes = APPLICANT_COLUMNS.map((c) => c.id) as [string, ...string[]];

export const LedgerListQuery = z
  .object({
    status: z.enum(statuses).optional().openapi({ description: 'overdue 已超期 · due-soon 即将到期 · waiting 中止计时 · open 办理中 · concluded 已办结' }),
    year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: '收到申请的年份' }),
    applicant_type: z.enum(applicantTypes).optional().openapi({ description: '申请人类型（表三的列 id）' }),
    no: z.string().max(40).optional().openapi({ description: '只看这一编号的申请' }),
    as_of: isoDate.optional().openapi({ description: '按这一天计算状态（默认今天，北京时间）' }),
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
