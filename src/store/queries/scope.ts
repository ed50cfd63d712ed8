/**
 * What a question is asked of: a region (with every region under it) and a year. The members of a scope are the
 * current versions of the reports of the agencies in it, one common table expression every question starts from.
 */
import { sql, type Kysely, type QueryCreator } from 'kysely';
import { agencyKey, splitPlaces } from '../../roster/index.ts';
import { StoreError } from '../errors.ts';
import { placesIn } from '../regions.ts';
import type { Database } from '../schema.ts';

export interface Scope {
  /** The region and its sub-regions; every region when absent. */
  regionId?: number | null;
  /** The report year; every year when absent. */
  year?: number | null;
}

/** One report of a scope, at its current version. */
export interface MemberRow {
  version_id: number;
  report_id: number;
  agency_id: number;
  year: number | null;
  agency: string;
  level: string | null;
  region_id: number | null;
  published: string | null;
}

export type WithMembers = QueryCreator<Database & { tree: { id: number }; member: MemberRow }>;

/** `tree` (the region and its descendants, by region.parent_id) and `member` (the scope's current versions). */
export function withMembers(db: Kysely<Database>, scope: Scope): WithMembers {
  return db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('region')
        .select('id')
        .where('id', '=', scope.regionId ?? -1)
        .unionAll((qb) => qb.selectFrom('region as r').innerJoin('tree as t', 't.id', 'r.parent_id').select('r.id')),
    )
    .with('member', (qb) =>
      qb
        .selectFrom('report_version as v')
        .innerJoin('report as r', 'r.id', 'v.report_id')
        .innerJoin('agency as a', 'a.id', 'r.agency_id')
        .select(['v.id as version_id', 'r.id as report_id', 'r.agency_id', 'r.year', 'a.name as agency', 'a.level', 'a.region_id', 'v.published'])
        .where('v.is_current', '=', true)
        .$if(scope.year != null, (q) => q.where('r.year', '=', scope.year!))
        .$if(scope.regionId != null, (q) => q.where('a.region_id', 'in', qb.selectFrom('tree').select('tree.id'))),
    );
}

/** Names in a fixed byte order on both engines (a server's locale would otherwise decide ties). */
export const C = sql.raw('collate "C"');

export interface RegionRef {
  id: number;
  name: string;
  /** Outermost place first, ending with the region itself. */
  path: string[];
}

/** Each region's full path from the root, for the regions `start` selects (ids in `ids`, or named `name`). */
export async function regionPaths(db: Kysely<Database>, start: { ids: number[] } | { name: string }): Promise<RegionRef[]> {
  const where = 'ids' in start ? sql`id = any(${start.ids}::int[])` : sql`name = ${start.name}`;
  const { rows } = await sql<{ id: number; names: string[] }>`
    with recursive up(start, parent_id, names) as (
      select id, parent_id, array[name] from region where ${where}
      union all
      select u.start, r.parent_id, array_prepend(r.name, u.names) from up u join region r on r.id = u.parent_id)
    select start as id, names from up where parent_id is null order by start`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.names.at(-1)!, path: r.names }));
}

/** The region a text names (淮安市, 江苏省淮安市): the one whose path ends with those places; else a StoreError. */
export async function findRegion(db: Kysely<Database>, text: string): Promise<RegionRef> {
  const places = placesIn(text).length ? placesIn(text) : [text.trim()];
  const candidates = await regionPaths(db, { name: places.at(-1)! });
  const found = candidates.filter((c) => c.path.slice(-places.length).join('/') === places.join('/'));
  if (found.length === 1) return found[0];
  if (!found.length) throw new StoreError('input', `数据库中没有地区“${text}”`, `no region "${text}" in the store`);
  const paths = found.map((f) => f.path.join('')).join('、');
  throw new StoreError('input', `地区“${text}”不止一个（${paths}），请写出上级地区`, `region "${text}" is ambiguous: ${paths}`);
}

export interface AgencyRef {
  id: number;
  name: string;
  level: string | null;
  region_id: number | null;
}

/**
 * The agency a name means: by any of its names (aliases, compared loosely), else the one agency whose name is this
 * one with more leading places (洪泽区人民政府 → 淮安市洪泽区人民政府); else a StoreError.
 */
export async function findAgency(db: Kysely<Database>, name: string): Promise<AgencyRef> {
  const key = agencyKey(name);
  const select = db.selectFrom('agency as a').select(['a.id', 'a.name', 'a.level', 'a.region_id']);
  const byAlias = await select.innerJoin('agency_alias as x', 'x.agency_id', 'a.id').where('x.key', '=', key).executeTakeFirst();
  if (byAlias) return byAlias;
  const longer = await select.where('a.core', '=', splitPlaces(key).rest).where('a.key', 'like', `%${key}`).execute();
  if (longer.length === 1) return longer[0];
  const why = longer.length ? `不止一个（${longer.map((a) => a.name).join('、')}）` : '不在数据库中';
  throw new StoreError('input', `机关“${name}”${why}`, `agency "${name}" ${longer.length ? 'is ambiguous' : 'is not in the store'}`);
}

/** The latest year the scope has reports of (a question without a year is about the latest). */
export async function latestYear(db: Kysely<Database>, scope: Scope): Promise<number | null> {
  const row = await withMembers(db, { regionId: scope.regionId })
    .selectFrom('member')
    .select((eb) => eb.fn.max('member.year').as('year'))
    .executeTakeFirst();
  return row?.year ?? null;
}
