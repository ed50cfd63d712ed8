/**
 * A region's place in the tree for its dashboard: the regions directly under it with their report counts (their
 * own sub-regions included), the agencies of the region itself a page at a time, and the members that have not
 * reported for a year.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { C, withMembers } from './scope.ts';
import { levelName } from './table.ts';

export interface SubRegion {
  id: number;
  name: string;
  kind: string;
  /** Reports of the year in it and under it. */
  yearReports: number;
  /** Reports of every year in it and under it. */
  reports: number;
}

export async function subRegions(db: Kysely<Database>, regionId: number, year: number | null): Promise<SubRegion[]> {
  const { rows } = await sql<SubRegion>`
    with recursive below(id, top) as (
      select id, id from region where parent_id = ${regionId}
      union all
      select r.id, b.top from region r join below b on r.parent_id = b.id)
    select g.id, g.name, g.kind, (count(r.id) filter (where r.year = ${year}))::int as "yearReports", count(r.id)::int as reports
    from region g join below b on b.top = g.id
    left join agency a on a.region_id = b.id left join report r on r.agency_id = a.id
    group by g.id, g.name, g.kind order by g.name ${C}`.execute(db);
  return rows;
}

export interface RegionAgency {
  name: string;
  level: string | null;
  /** Reports of every year. */
  reports: number;
  /** Its report of the year asked about; null when it has none. */
  reportId: number | null;
}

/** The agencies whose region is this one (not its sub-regions), by name, `limit` from `offset`; and how many in all. */
export async function regionAgencyPage(
  db: Kysely<Database>,
  regionId: number,
  year: number | null,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: RegionAgency[] }> {
  const [{ n }] = await db.selectFrom('agency').select((eb) => eb.fn.countAll<number>().as('n')).where('region_id', '=', regionId).execute();
  const rows = await db
    .selectFrom('agency as a')
    .leftJoin('report as r', 'r.agency_id', 'a.id')
    .select([
      'a.name',
      'a.level',
      sql<number>`count(r.id)::int`.as('reports'),
      sql<number | null>`max(r.id) filter (where r.year = ${year})`.as('reportId'),
    ])
    .where('a.region_id', '=', regionId)
    .groupBy(['a.id', 'a.name', 'a.level'])
    .orderBy(sql`a.name ${C}`)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(n), items: rows.map((r) => ({ ...r, level: levelName(r.level) })) };
}

export interface MissingMember {
  name: string;
  level: string | null;
  region: string | null;
  /** The latest year it has a report of; null when it has none (a roster names it). */
  lastYear: number | null;
}

/**
 * Agencies in the region or under it with no report of the year: an anti-join on the year's reports (report_year),
 * then the latest year of just those agencies.
 */
export async function missingMembers(db: Kysely<Database>, regionId: number, year: number | null): Promise<MissingMember[]> {
  const rows = await withMembers(db, { regionId })
    .selectFrom('agency as a')
    .leftJoin('region as g', 'g.id', 'a.region_id')
    .select([
      'a.name',
      'a.level',
      'g.name as region',
      (eb) => eb.selectFrom('report as l').select((x) => x.fn.max('l.year').as('y')).whereRef('l.agency_id', '=', 'a.id').as('lastYear'),
    ])
    .where('a.region_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('report as r').select('r.id').whereRef('r.agency_id', '=', 'a.id').where('r.year', '=', year))))
    .orderBy(sql`a.name ${C}`)
    .execute();
  return rows.map((r) => ({ ...r, level: levelName(r.level), lastYear: r.lastYear ?? null }));
}
