/**
 * Rankings of a year's reports (in a region, or everywhere): applications received, shares of results granted,
 * partially granted and denied, 纠错率 of reviews and suits (the measures of src/format), findings per report, and
 * reports published late. Each is one statement over the scope's current versions; ties keep a fixed order.
 */
import { sql, type AliasedSelectQueryBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { deadlineFor, LEVELS, type AgencyLevel } from '../../format/index.ts';
import { MEASURES, measureById, type MeasureId } from '../../format/measures.ts';
import type { Database } from '../schema.ts';
import { regionRef } from './region.ts';
import { C, latestYear, withMembers, type Scope } from './scope.ts';
import type { Column, Table, Value } from './table.ts';

export type RankingId = MeasureId | 'findings' | 'late';

export interface RankingDef {
  id: RankingId;
  name: string;
  /** Whether the value is a share (shown as a percentage). */
  share: boolean;
  /** Headers of the two numbers a value is made of (a share's count and base; absent for a plain count). */
  parts?: [string, string];
}

export const RANKINGS: readonly RankingDef[] = [
  ...MEASURES.map((m): RankingDef => ({ id: m.id, name: m.name, share: m.denominator !== undefined, ...(m.denominator && { parts: ['计数', '基数'] }) })),
  { id: 'findings', name: '问题数', share: false, parts: ['错误', '警告'] },
  { id: 'late', name: '逾期天数', share: false, parts: ['发布日期', '法定期限'] },
];

export interface RankRow extends Record<string, Value> {
  rank: number;
  agency: string;
  region: string | null;
  level: string | null;
  report_id: number;
  value: number;
  numerator: Value;
  denominator: Value;
}

export interface Ranking extends Table<RankRow> {
  ranking: RankingDef;
  year: number | null;
  region: string | null;
}

export interface RankOptions {
  /** A region (text or id) with the regions under it; everywhere when absent. */
  region?: string | number;
  /** Default: the latest year with reports in the scope. */
  year?: number;
  /** At most this many rows (the top). */
  limit?: number;
}

/**
 * @example
 *   const top = await rank(store.db, 'applications', { year: 2023, region: '淮安市', limit: 10 });
 *   top.rows[0]; // { rank: 1, agency: '淮安市公安局', value: 215, … }
 */
export async function rank(db: Kysely<Database>, id: RankingId, options: RankOptions = {}): Promise<Ranking> {
  const ranking = RANKINGS.find((r) => r.id === id);
  if (!ranking) throw new Error(`unknown ranking ${id}`);
  const region = options.region === undefined ? null : await regionRef(db, options.region);
  const scope: Scope = { regionId: region?.id, year: options.year ?? (await latestYear(db, { regionId: region?.id })) };
  const scored = scores(db, id, scope);
  const value = sql<number>`s.value`;
  const rows = await db
    .selectFrom(scored)
    .select(sql<number>`rank() over (order by ${value} desc)::int`.as('rank'))
    .selectAll('s')
    .orderBy(value, 'desc')
    .orderBy(sql`s.agency ${C}`)
    .orderBy('s.report_id')
    .$if(options.limit !== undefined, (q) => q.limit(options.limit!))
    .execute();
  const columns: Column[] = [
    { key: 'rank', label: '名次', kind: 'number' },
    { key: 'agency', label: '机关' },
    { key: 'region', label: '地区' },
    { key: 'value', label: ranking.name, kind: ranking.share ? 'share' : 'number' },
    ...(ranking.parts ?? []).map((label, i): Column => ({ key: ['numerator', 'denominator'][i], label, kind: id === 'late' ? 'text' : 'number' })),
  ];
  return { ranking, year: scope.year ?? null, region: region?.path.join('') ?? null, columns, rows: rows as RankRow[] };
}

interface Scored {
  report_id: number;
  agency: string;
  region: string | null;
  level: string | null;
  value: number;
  numerator: Value;
  denominator: Value;
}

const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** One row per report of the scope that has a value: agency, region, level, the value and what it is made of. */
function scores(db: Kysely<Database>, id: RankingId, scope: Scope): AliasedSelectQueryBuilder<Scored, 's'> {
  const base = withMembers(db, scope)
    .selectFrom('member as m')
    .leftJoin('region as g', 'g.id', 'm.region_id')
    .select(['m.report_id', 'm.agency', 'g.name as region', 'm.level'])
    .groupBy(['m.report_id', 'm.agency', 'g.name', 'm.level']);
  if (id === 'findings') {
    return base
      .leftJoin('finding as f', 'f.version_id', 'm.version_id')
      .select([
        sql<number>`count(f.id)::int`.as('value'),
        sql<number>`(count(f.id) filter (where f.severity = 'error'))::int`.as('numerator'),
        sql<number>`(count(f.id) filter (where f.severity = 'warning'))::int`.as('denominator'),
      ])
      .$castTo<Scored>()
      .as('s');
  }
  if (id === 'late') {
    const deadline = deadlineSql(scope.year ?? 0);
    return base
      .select([sql<number>`(m.published::date - ${deadline}::date)`.as('value'), 'm.published as numerator', deadline.as('denominator')])
      .where(sql<SqlBool>`m.published ~ ${ISO_DATE} and m.published > ${deadline}`)
      .groupBy('m.published')
      .$castTo<Scored>()
      .as('s');
  }
  const measure = measureById(id)!;
  const sumOf = (keys: string[]) => sql<number | null>`(sum(c.num::numeric) filter (where c.key in (${sql.join(keys)})))::float8`;
  const numerator = sumOf(measure.numerator);
  const denominator = measure.denominator ? sumOf(measure.denominator) : sql<null>`null::float8`;
  const keys = [...measure.numerator, ...(measure.denominator ?? [])];
  return base
    .innerJoin('cell as c', (j) => j.onRef('c.version_id', '=', 'm.version_id').on('c.key', 'in', keys))
    .select([
      (measure.denominator ? sql<number>`${numerator} / ${denominator}` : numerator).as('value'),
      numerator.as('numerator'),
      denominator.as('denominator'),
    ])
    // A blank count is unknown, not 0: it has no share (and would sort first, as nulls do in descending order).
    .having(measure.denominator ? sql<SqlBool>`${numerator} is not null and ${denominator} > 0` : sql<SqlBool>`${numerator} is not null`)
    .$castTo<Scored>()
    .as('s');
}

/** The deadline of a report of the year by its agency's level; the most lenient one when the level is unknown. */
function deadlineSql(year: number): RawBuilder<string> {
  const lenient = LEVELS.reduce((a: AgencyLevel, b) => (deadlineFor(a, year) >= deadlineFor(b, year) ? a : b));
  const cases = LEVELS.map((l) => sql`when ${l.id} then ${deadlineFor(l, year)}`);
  return sql<string>`(case m.level ${sql.join(cases, sql` `)} else ${deadlineFor(lenient, year)} end)`;
}
