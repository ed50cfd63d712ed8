/**
 * The request and response shapes of the API, declared once with zod: the same schemas validate requests (API and
 * page forms alike) and generate /api/openapi.json.
 */
import { z } from '@hono/zod-openapi';
import { ROLES } from './auth.ts';
import type { ReportFilter } from './data.ts';

const int = (min: number) => z.coerce.number().int().min(min);

export const ReportFilterQuery = z
  .object({
    region: z.string().max(100).optional().openapi({ description: '地区名称' }),
    year: int(1990).max(2100).optional().openapi({ description: '年度' }),
    agency: z.string().max(200).optional().openapi({ description: '机关名称（包含）' }),
    level: z.string().max(40).optional().openapi({ description: '机关层级 id' }),
    format: z.enum(['2021', '2019', 'free']).optional().openapi({ description: '格式版本' }),
    has_errors: z.enum(['true', 'false']).optional().openapi({ description: '只看有（true）或没有（false）错误的报告' }),
    rule: z.string().max(80).optional().openapi({ description: '规则 id' }),
    q: z.string().max(200).optional().openapi({ description: '正文全文检索' }),
    limit: int(1).max(500).default(50),
    offset: int(0).max(1_000_000).default(0),
  })
  .openapi('ReportFilter');

/** The query as the data layer takes it; empty strings from a blank form field mean "no filter". */
export function reportFilter(query: z.infer<typeof ReportFilterQuery>): ReportFilter {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    region: text(query.region),
    year: query.year,
    agency: text(query.agency),
    level: text(query.level),
    format: query.format,
    hasErrors: query.has_errors === undefined ? undefined : query.has_errors === 'true',
    rule: text(query.rule),
    q: text(query.q),
    limit: query.limit,
    offset: query.offset,
  };
}

export const ReportSummarySchema = z
  .object({
    id: z.number().int(),
    agency: z.string().nullable(),
    region: z.string().nullable(),
    level: z.string().nullable(),
    year: z.number().int().nullable(),
    format: z.string(),
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    source: z.string(),
    importedAt: z.string(),
  })
  .openapi('ReportSummary');

export const ReportListSchema = z.object({ total: z.number().int(), items: z.array(ReportSummarySchema) }).openapi('ReportList');

export const ReviewStatusSchema = z.enum(['open', 'confirmed', 'dismissed']);

export const ReviewBody = z
  .object({
    status: ReviewStatusSchema.openapi({ description: 'open 待审核 · confirmed 确认 · dismissed 驳回' }),
    comment: z.string().max(2000).default(''),
  })
  .openapi('ReviewInput');

const ReviewStateSchema = z.object({
  status: ReviewStatusSchema,
  by: z.string().nullable().optional(),
  at: z.string().nullable().optional(),
  comment: z.string().nullable().optional(),
});

const FindingSchema = z
  .object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string() })
  .passthrough()
  .openapi('Finding', { description: 'The Finding of docs/report-json.md' });

export const ReportDetailSchema = z
  .object({
    summary: ReportSummarySchema,
    report: z.record(z.unknown()).openapi({ description: 'Report JSON (docs/report.schema.json)' }),
    findings: z.array(z.object({ key: z.string(), finding: FindingSchema, review: ReviewStateSchema })),
    versions: z.array(
      z.object({ version: z.number().int(), sha256: z.string(), source: z.string(), importedAt: z.string(), current: z.boolean() }),
    ),
  })
  .openapi('ReportDetail');

export const ImportResultSchema = z
  .object({
    name: z.string(),
    status: z.enum(['imported', 'unchanged', 'new-version', 'unreadable']),
    reportId: z.number().int().optional(),
    error: z.string().optional(),
  })
  .openapi('ImportResult');

export const OverviewSchema = z
  .object({
    reports: z.number().int(),
    byYear: z.array(z.object({ year: z.number().int().nullable(), count: z.number().int() })),
    byRegion: z.array(z.object({ region: z.string().nullable(), count: z.number().int() })),
    bySeverity: z.array(z.object({ severity: z.enum(['error', 'warning', 'info']), count: z.number().int() })),
    byRule: z.array(z.object({ rule: z.string(), count: z.number().int() })),
    recent: z.array(ReportSummarySchema),
  })
  .openapi('Overview');

/** A region with its report count; `children` are regions of the same shape (zod-to-openapi has no recursive schemas). */
export const RegionSchema = z
  .object({
    id: z.number().int().openapi({ description: '地区编号（0：地区不明）' }),
    name: z.string(),
    kind: z.string(),
    reports: z.number().int().openapi({ description: '历年报告数（含下级地区）' }),
    children: z.array(z.record(z.unknown())).openapi({ description: '下级地区，结构同 Region' }),
  })
  .openapi('Region');

export const DashboardQuery = z.object({
  year: int(1990).max(2100).optional().openapi({ description: '年度（默认：该地区最近一年）' }),
  limit: int(1).max(500).default(100).openapi({ description: '本级机关每页条数' }),
  offset: int(0).max(1_000_000).default(0).openapi({ description: '本级机关从第几条起' }),
});

const count = z.number().nullable();
const ranked = z.object({ rank: z.number().int(), agency: z.string(), reportId: z.number().int(), value: z.number() });

export const RegionDashboardSchema = z
  .object({
    region: z.object({ id: z.number().int(), name: z.string(), path: z.array(z.string()), kind: z.string() }),
    year: z.number().int().nullable(),
    years: z.array(z.number().int()),
    format: z.string(),
    reports: z.number().int().openapi({ description: '汇总的报告份数' }),
    missing: z.array(z.object({ name: z.string(), level: z.string().nullable(), region: z.string().nullable(), lastYear: z.number().int().nullable() })),
    rollup: z.array(z.object({ key: z.string(), label: z.string(), sum: count, filled: z.number().int(), reported: z.number().int() })),
    trend: z.array(z.object({ year: z.number().int(), reports: z.number().int(), measures: z.record(z.object({ count, base: count })) })),
    measures: z.array(z.object({ id: z.string(), name: z.string(), counts: z.string(), base: z.string().nullable() })),
    members: z.array(
      z.object({
        reportId: z.number().int(),
        agency: z.string(),
        region: z.string().nullable(),
        level: z.string().nullable(),
        values: z.record(count),
        errors: z.number().int(),
        warnings: z.number().int(),
      }),
    ),
    rankings: z.array(z.object({ id: z.string(), name: z.string(), share: z.boolean(), rows: z.array(ranked) })),
    children: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), yearReports: z.number().int(), reports: z.number().int() })),
    agencies: z.object({
      total: z.number().int(),
      offset: z.number().int(),
      limit: z.number().int(),
      items: z.array(z.object({ name: z.string(), level: z.string().nullable(), reports: z.number().int(), reportId: z.number().int().nullable() })),
    }),
  })
  .openapi('RegionDashboard');

export const AgencyYearsSchema = z
  .object({
    agency: z.string(),
    years: z.array(z.object({ year: z.number().int().nullable(), reportId: z.number().int(), errors: z.number().int() })),
  })
  .openapi('AgencyYears');

export const SessionSchema = z
  .object({ user: z.string(), role: z.enum(ROLES), agency: z.string().optional(), csrf: z.string() })
  .openapi('Session', { description: 'Send csrf as the X-CSRF-Token header on every write.' });

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string() }) })
  .openapi('Error');

export const IdParam = z.object({ id: int(1).openapi({ param: { name: 'id', in: 'path' } }) });
export const FindingParam = IdParam.extend({ key: z.string().max(200).openapi({ param: { name: 'key', in: 'path' } }) });
export const AgencyParam = z.object({ name: z.string().max(200).openapi({ param: { name: 'name', in: 'path' } }) });
