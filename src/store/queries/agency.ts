/** One agency across years: every cell of each year's current version side by side, with its findings counted. */
import type { Kysely } from 'kysely';
import { VERSIONS } from '../../format/index.ts';
import type { Database } from '../schema.ts';
import { findAgency, regionPaths, type AgencyRef } from './scope.ts';
import { cellDefs, cellValue, type Column, type Table, type Value } from './table.ts';

export interface AgencyHistory extends Table {
  agency: AgencyRef & { region: string[] };
  years: number[];
}

/**
 * One row per quantity (publication date, version, format, findings by severity, then every cell in template
 * order), one column per year.
 *
 * @example
 *   const h = await agencyHistory(store.db, '石嘴山市卫生健康委');
 *   h.rows.find((r) => r.key === 'table3.new_received.6'); // { key, label: '表三·…·总计', '2022': 12, '2023': 15 }
 */
export async function agencyHistory(db: Kysely<Database>, name: string): Promise<AgencyHistory> {
  const agency = await findAgency(db, name);
  const versions = await db
    .selectFrom('report as r')
    .innerJoin('report_version as v', 'v.report_id', 'r.id')
    .leftJoin('finding as f', 'f.version_id', 'v.id')
    .select((eb) => [
      'r.year',
      'v.id',
      'v.version',
      'v.format_version',
      'v.published',
      eb.fn.count<number>('f.id').filterWhere('f.severity', '=', 'error').as('errors'),
      eb.fn.count<number>('f.id').filterWhere('f.severity', '=', 'warning').as('warnings'),
      eb.fn.count<number>('f.id').filterWhere('f.severity', '=', 'info').as('infos'),
    ])
    .where('r.agency_id', '=', agency.id)
    .where('r.year', 'is not', null)
    .where('v.is_current', '=', true)
    .groupBy(['r.year', 'v.id'])
    .orderBy('r.year')
    .execute();
  const cells = versions.length
    ? await db.selectFrom('cell').select(['version_id', 'key', 'num', 'mark', 'status']).where('version_id', 'in', versions.map((v) => v.id)).execute()
    : [];
  const years = versions.map((v) => v.year!);
  const row = (key: string, label: string, of: (v: (typeof versions)[number]) => Value) =>
    Object.fromEntries([['key', key], ['label', label], ...versions.map((v) => [String(v.year), of(v)])]) as Record<string, Value>;
  const valueOf = new Map(cells.map((c) => [`${c.version_id}/${c.key}`, cellValue(c)]));
  // Every cell some year reports (a 2021 report may carry a 2019 table 二), labelled as its own format names it.
  const present = new Set(cells.map((c) => c.key));
  const formats = VERSIONS.map((f) => f.id).sort((a, b) => Number(versions.at(-1)?.format_version === b) - Number(versions.at(-1)?.format_version === a));
  const defs = (await cellDefs(db, formats)).filter((d) => present.has(d.key));
  const rows = [
    row('published', '发布日期', (v) => v.published),
    row('version', '版本', (v) => v.version),
    row('format_version', '格式', (v) => v.format_version),
    row('findings.error', '问题·错误', (v) => Number(v.errors)),
    row('findings.warning', '问题·警告', (v) => Number(v.warnings)),
    row('findings.info', '问题·提示', (v) => Number(v.infos)),
    ...defs.map((d) => row(d.key, d.label, (v) => valueOf.get(`${v.id}/${d.key}`) ?? null)),
  ];
  const columns: Column[] = [
    { key: 'key', label: '单元格', kind: 'text' },
    { key: 'label', label: '项目', kind: 'text' },
    ...years.map((y) => ({ key: String(y), label: `${y}年度`, kind: 'number' as const })),
  ];
  const [path] = agency.region_id === null ? [undefined] : await regionPaths(db, { ids: [agency.region_id] });
  return { agency: { ...agency, region: path?.path ?? [] }, years, columns, rows };
}
