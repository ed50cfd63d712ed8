/**
 * The questions the web app's pages ask: report lists with filters and full-text search, one report with its
 * findings (report and cross-year) and their reviews, counts for the overview, the region tree, one agency's years,
 * a report's original file. Plain rows out; the server shapes nothing further.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Finding, Report } from '../report/types.ts';
import { spacedWords } from '../text/segment.ts';
import type { Database, ReviewState } from './schema.ts';

type Db = Kysely<Database>;

export interface ReportQuery {
  region?: string;
  year?: number;
  agency?: string;
  level?: string;
  format?: string;
  hasErrors?: boolean;
  rule?: string;
  q?: string;
  limit: number;
  offset: number;
}

export interface ReportRow {
  id: number;
  agency: string | null;
  region: string | null;
  level: string | null;
  year: number | null;
  format: string;
  errors: number;
  warnings: number;
  infos: number;
  source: string;
  importedAt: string;
}

/** Times as the pages show them: UTC, to the minute. */
const minute = (d: unknown) => new Date(d as string).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** Reports with their current version, agency, region and finding counts by severity. */
function reportsQuery(db: Db) {
  const count = (severity: string) =>
    sql<number>`(select count(*) from finding f where f.version_id = v.id and f.severity = ${severity})::int`;
  return db
    .selectFrom('report as r')
    .innerJoin('report_version as v', (j) => j.onRef('v.report_id', '=', 'r.id').on('v.is_current', '=', true))
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .leftJoin('region as g', 'g.id', 'a.region_id')
    .select([
      'r.id', 'a.name as agency', 'g.name as region', 'a.level', 'r.year', 'v.format_version as format', 'v.path as source',
      'v.imported_at', 'v.id as version_id', count('error').as('errors'), count('warning').as('warnings'), count('info').as('infos'),
    ]);
}

type RawRow = { id: number; agency: string; region: string | null; level: string | null; year: number | null; format: string; source: string; imported_at: unknown; errors: number; warnings: number; infos: number };

const rowOf = (r: RawRow): ReportRow => ({
  id: r.id, agency: r.agency, region: r.region, level: r.level, year: r.year, format: r.format, errors: Number(r.errors),
  warnings: Number(r.warnings), infos: Number(r.infos), source: basename(r.source), importedAt: minute(r.imported_at),
});

/** The file name of a stored path, for display (the folder it was imported from says nothing to a reviewer). */
function basename(path: string): string {
  return path.split(/[\\/]/).at(-1) || path;
}

/** Region ids of a named region and everything under it. */
async function regionIds(db: Db, name: string): Promise<number[]> {
  const all = await db.selectFrom('region').select(['id', 'name', 'parent_id']).execute();
  const out = new Set(all.filter((r) => r.name === name).map((r) => r.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of all) if (r.parent_id !== null && out.has(r.parent_id) && !out.has(r.id)) (out.add(r.id), (grew = true));
  }
  return [...out];
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The filters as one condition on the current version `v` (agency and year filters as a semi-join on its report), so
 * the count can run on report_version alone: with no filter it reads one small index instead of joining three tables.
 */
function versionFilter(query: ReportQuery, regions: number[] | undefined): Expression<SqlBool> {
  const agency: RawBuilder<unknown>[] = [];
  if (regions) agency.push(sql`a.region_id in (${sql.join(regions)})`);
  if (query.agency) agency.push(sql`a.name like ${like(query.agency)}`);
  if (query.level) agency.push(sql`a.level = ${query.level}`);
  const report = query.year === undefined ? agency : [sql`r.year = ${query.year}`, ...agency];
  const reports = agency.length ? sql`report r join agency a on a.id = r.agency_id` : sql`report r`;
  const all: RawBuilder<unknown>[] = [sql`v.is_current`];
  if (report.length) all.push(sql`v.report_id in (select r.id from ${reports} where ${sql.join(report, sql` and `)})`);
  if (query.format) all.push(sql`v.format_version = ${query.format}`);
  if (query.hasErrors !== undefined) {
    const errors = sql`exists (select 1 from finding f where f.version_id = v.id and f.severity = 'error')`;
    all.push(query.hasErrors ? errors : sql`not ${errors}`);
  }
  if (query.rule) all.push(sql`exists (select 1 from finding f where f.version_id = v.id and f.rule = ${query.rule})`);
  if (query.q) all.push(sql`v.search @@ plainto_tsquery('simple', ${spacedWords(query.q)})`);
  return sql<SqlBool>`(${sql.join(all, sql` and `)})`;
}

/**
 * How many current versions pass the filter. A word found in most reports makes the planner scan the table, reading
 * every version's compressed tsvector; the GIN index counts them without opening one (10,000 reports, PostgreSQL:
 * 235 ms → 50 ms), so a search counts with sequential scans off.
 */
async function countVersions(db: Db, filter: Expression<SqlBool>, search: boolean): Promise<number> {
  const count = (tx: Db) => tx.selectFrom('report_version as v').where(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (!search) return Number((await count(db)).n);
  return db.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    return Number((await count(tx)).n);
  });
}

export async function listReports(db: Db, query: ReportQuery): Promise<{ total: number; items: ReportRow[] }> {
  const regions = query.region ? await regionIds(db, query.region) : undefined;
  if (regions && !regions.length) return { total: 0, items: [] };
  const filter = versionFilter(query, regions);
  const total = await countVersions(db, filter, query.q !== undefined);
  // The year again on the page's own report row: the planner then reads that year's range of report_year instead
  // of every report in year order (it does not carry a condition through the semi-join).
  const page = reportsQuery(db).where(filter).$if(query.year !== undefined, (q) => q.where('r.year', '=', query.year!));
  const rows = await page.orderBy('r.year', 'desc').orderBy('a.name').orderBy('r.id').limit(query.limit).offset(query.offset).execute();
  return { total, items: rows.map(rowOf) };
}

export interface FindingRow {
  key: string;
  finding: Finding;
  review: { status: ReviewState; by: string | null; at: string | null; comment: string | null };
}

export interface ReportRecord {
  summary: ReportRow;
  report: Report;
  findings: FindingRow[];
  versions: { version: number; sha256: string; source: string; importedAt: string; current: boolean }[];
}

/** One report's current version with every finding (its own, then the cross-year ones) and their reviews. */
export async function reportRecord(db: Db, id: number): Promise<ReportRecord | undefined> {
  const row = await reportsQuery(db).select('v.body').where('r.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const findings = await db
    .selectFrom('finding as f')
    .leftJoin('review as w', (j) => j.on('w.report_id', '=', id).onRef('w.fingerprint', '=', 'f.fingerprint'))
    .select(['f.fingerprint', 'f.detail', 'w.state', 'w.reviewer', 'w.comment', 'w.at'])
    .where('f.version_id', '=', row.version_id)
    .orderBy('f.scope', 'desc') // 'report' before 'pair'
    .orderBy('f.seq')
    .execute();
  const versions = await db
    .selectFrom('report_version')
    .select(['version', 'sha256', 'path', 'imported_at', 'is_current'])
    .where('report_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return {
    summary: rowOf(row),
    report: row.body,
    findings: findings.map((f) => ({
      key: f.fingerprint,
      finding: f.detail,
      review: { status: f.state ?? 'open', by: f.reviewer, at: f.at ? minute(f.at) : null, comment: f.comment },
    })),
    versions: versions.map((v) => ({ version: v.version, sha256: v.sha256, source: basename(v.path), importedAt: minute(v.imported_at), current: v.is_current })),
  };
}

/** Whether the report's current version has a finding with this fingerprint (a review needs one to point at). */
export async function hasFinding(db: Db, reportId: number, fingerprint: string): Promise<boolean> {
  const row = await db
    .selectFrom('finding as f')
    .innerJoin('report_version as v', 'v.id', 'f.version_id')
    .select('f.id')
    .where('v.report_id', '=', reportId)
    .where('v.is_current', '=', true)
    .where('f.fingerprint', '=', fingerprint)
    .executeTakeFirst();
  return row !== undefined;
}

export async function reportExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('report').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export interface OverviewCounts {
  reports: number;
  byYear: { year: number | null; count: number }[];
  byRegion: { region: string | null; count: number }[];
  bySeverity: { severity: Finding['severity']; count: number }[];
  byRule: { rule: string; count: number }[];
  recent: ReportRow[];
}

/**
 * Counts by year and by region in one pass over the current reports, by severity and by rule in one pass over their
 * findings (grouping sets): each pass is a join over every report, the page's main cost.
 */
export async function overviewCounts(db: Db): Promise<OverviewCounts> {
  const current = db.selectFrom('report_version as v').where('v.is_current', '=', true);
  const reports = await current
    .innerJoin('report as r', 'r.id', 'v.report_id')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .leftJoin('region as g', 'g.id', 'a.region_id')
    .select(['r.year', 'g.name as region', sql<number>`grouping(r.year)`.as('by_region'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(sql`grouping sets ((r.year), (g.name))`)
    .orderBy('by_region')
    .orderBy('r.year', 'desc')
    .orderBy('count', 'desc')
    .orderBy('g.name')
    .execute();
  const byYear = reports.filter((r) => Number(r.by_region) === 0);
  const byRegion = reports.filter((r) => Number(r.by_region) === 1).slice(0, 30);
  const findings = await current
    .innerJoin('finding as f', 'f.version_id', 'v.id')
    .select(['f.severity', 'f.rule', sql<number>`grouping(f.severity)`.as('by_rule'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(sql`grouping sets ((f.severity), (f.rule))`)
    .orderBy('by_rule')
    .orderBy('count', 'desc')
    .orderBy('f.rule')
    .orderBy('f.severity')
    .execute();
  const bySeverity = findings.filter((f) => Number(f.by_rule) === 0);
  const byRule = findings.filter((f) => Number(f.by_rule) === 1);
  const recent = await reportsQuery(db).orderBy('v.imported_at', 'desc').orderBy('v.id', 'desc').limit(10).execute();
  const n = (x: unknown) => Number(x);
  return {
    reports: byYear.reduce((s, y) => s + n(y.count), 0),
    byYear: byYear.map((y) => ({ year: y.year, count: n(y.count) })),
    byRegion: byRegion.map((r) => ({ region: r.region, count: n(r.count) })),
    bySeverity: bySeverity.map((s) => ({ severity: s.severity as Finding['severity'], count: n(s.count) })),
    byRule: byRule.map((r) => ({ rule: r.rule, count: n(r.count) })),
    recent: recent.map(rowOf),
  };
}

export interface RegionBranch {
  id: number;
  name: string;
  kind: string;
  /** Reports of every year of the agencies in it and under it. */
  reports: number;
  children: RegionBranch[];
}

/**
 * Every region with its report count (sub-regions included), as a forest: two grouped reads, so the page stays small
 * however many reports and agencies there are (a region's agencies are on its dashboard). Reports of agencies with
 * no region come last as 地区不明 (id 0).
 */
export async function regionForest(db: Db): Promise<RegionBranch[]> {
  const regions = await db.selectFrom('region').select(['id', 'name', 'kind', 'parent_id']).orderBy('name').execute();
  const counts = await db
    .selectFrom('report as r')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .select(['a.region_id', (eb) => eb.fn.countAll<number>().as('reports')])
    .groupBy('a.region_id')
    .execute();
  const own = new Map(counts.map((c) => [c.region_id ?? 0, Number(c.reports)]));
  const branches = new Map(regions.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, reports: 0, children: [] } as RegionBranch]));
  const roots: RegionBranch[] = [];
  for (const r of regions) (r.parent_id !== null && branches.get(r.parent_id) ? branches.get(r.parent_id)!.children : roots).push(branches.get(r.id)!);
  const total = (b: RegionBranch): number => (b.reports = (own.get(b.id) ?? 0) + b.children.reduce((n, c) => n + total(c), 0));
  roots.forEach(total);
  const loose = own.get(0);
  return loose ? [...roots, { id: 0, name: '地区不明', kind: 'unknown', reports: loose, children: [] }] : roots;
}

/** One agency (by its name or any alias) and its reports by year with their error counts. */
export async function agencyReports(db: Db, name: string): Promise<{ agency: string; years: { year: number | null; reportId: number; errors: number }[] } | undefined> {
  const agency = await db
    .selectFrom('agency as a')
    .leftJoin('agency_alias as s', 's.agency_id', 'a.id')
    .select(['a.id', 'a.name'])
    .where((eb) => eb.or([eb('a.name', '=', name), eb('s.name', '=', name)]))
    .executeTakeFirst();
  if (!agency) return undefined;
  const rows = await reportsQuery(db).where('a.id', '=', agency.id).orderBy('r.year', 'desc').execute();
  return { agency: agency.name, years: rows.map((r) => ({ year: r.year, reportId: r.id, errors: Number(r.errors) })) };
}

/** The original file of a report's current version. */
export async function originalFile(db: Db, reportId: number): Promise<{ name: string; mediaType: string; bytes: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('report_version as v')
    .innerJoin('blob as b', 'b.sha256', 'v.sha256')
    .select(['v.path', 'b.bytes', sql<string>`v.body->'source'->>'media_type'`.as('media_type')])
    .where('v.report_id', '=', reportId)
    .where('v.is_current', '=', true)
    .executeTakeFirst();
  return row && { name: basename(row.path), mediaType: row.media_type ?? 'application/octet-stream', bytes: row.bytes };
}

/** Whether nothing was ever imported (the server imports the bundled samples then). */
export async function isEmpty(db: Db): Promise<boolean> {
  const any = await db.selectFrom('report_version').select('id').union(db.selectFrom('unreadable').select(sql<number>`0`.as('id'))).limit(1).execute();
  return any.length === 0;
}
