/** The year-over-year comparison's request and response shapes (src/web/compare.ts), for validation and OpenAPI. */
import { z } from '@hono/zod-openapi';

const year = z.coerce.number().int().min(1990).max(2100);

export const CompareQuery = z
  .object({
    year: year.optional().openapi({ description: '本年度（默认：该机关最近的年度）' }),
    with: year.optional().openapi({ description: '对比年度（默认：本年度之前最近的年度）' }),
  })
  .openapi('CompareQuery');

/** The page's query: also whether to show every row (`rows=all`) or only the changed ones. */
export const ComparePageQuery = CompareQuery.extend({ rows: z.enum(['all', 'changed']).optional() });

const SideSchema = z
  .object({ state: z.enum(['number', 'blank', 'slash', 'absent', 'unread']), value: z.number().nullable() })
  .openapi('CompareSide', { description: 'number 数值 · blank 空白（不作0计） · slash 填“/” · absent 该年无此项 · unread 无法读取' });

const CellSchema = z.object({
  key: z.string().openapi({ description: 'Report JSON 路径，如 table3.granted.6' }),
  row: z.string(),
  label: z.string(),
  then: SideSchema,
  now: SideSchema,
  delta: z.number().nullable().openapi({ description: '本年−对比年；两年都是数值时才有' }),
  percent: z.number().nullable().openapi({ description: '变化率（%），一位小数；对比年为正数时才有' }),
  changed: z.boolean(),
});

const TableSchema = z.object({
  id: z.enum(['table2', 'table3', 'table4']),
  name: z.string(),
  versions: z.object({ then: z.enum(['2019', '2021']).nullable(), now: z.enum(['2019', '2021']).nullable() }),
  cells: z.array(CellSchema),
  changed: z.number().int(),
});

const CarryOverSchema = z.object({
  over: z.string(),
  forward: z.string(),
  columns: z.array(z.object({ column: z.string(), over: SideSchema, forward: SideSchema, agree: z.boolean().nullable() })),
});

const SectionSchema = z.object({
  number: z.string(),
  title: z.string(),
  status: z.enum(['same', 'changed', 'too-long', 'too-different', 'absent']),
  present: z.object({ then: z.boolean(), now: z.boolean() }),
  segments: z.object({ then: z.number().int(), now: z.number().int() }),
  parts: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
});

const YearReportSchema = z.object({ year: z.number().int(), reportId: z.number().int() });

export const CompareSchema = z
  .object({
    agency: z.string(),
    years: z.array(z.number().int()),
    then: YearReportSchema,
    now: YearReportSchema,
    comparison: z.object({ tables: z.array(TableSchema), carryOver: CarryOverSchema.optional(), sections: z.array(SectionSchema) }),
  })
  .openapi('Comparison');
