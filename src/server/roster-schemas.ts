/** The roster's and the deadline check's API shapes (zod: they validate requests and make /api/openapi.json). */
import { z } from '@hono/zod-openapi';

const value = z.union([z.string(), z.number(), z.null()]);
const columns = z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['text', 'number', 'share']).optional() }));

export const DataTableSchema = z
  .object({ columns, rows: z.array(z.record(value)) })
  .openapi('DataTable', { description: '表格：列（key 与中文表头）和行（按列的 key 取值；空白为 null）' });

export const RosterSchema = z
  .object({
    columns,
    rows: z.array(z.object({ agency: z.string(), aliases: z.string(), region: z.string(), level: z.string(), parent: z.string() })),
  })
  .openapi('Roster', { description: '机关名册，列与 xxgk roster export 相同：机关、别名（分号分隔）、地区、级别、上级' });

export const DeadlinesSchema = z
  .object({ year: z.number().int(), missing: DataTableSchema, late: DataTableSchema })
  .openapi('Deadlines', { description: '某年度：名册中没有报告的机关（missing），发布晚于法定期限的报告（late，含 report_id）' });

export const YearQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).openapi({ description: '报告年度', param: { name: 'year', in: 'query' } }),
});
