/**
 * A region in a year: its members (the current reports of every agency in it and in the regions under it) and the
 * sum of their cells, cell by cell. A cell every member left blank stays blank in the sum (blank is not zero).
 */
import { sql, type Kysely } from 'kysely';
import { VERSIONS, versionForYear, type FormatVersionId } from '../../format/index.ts';
import { StoreError } from '../errors.ts';
import type { Database } from '../schema.ts';
import { C, findRegion, latestYear, regionPaths, withMembers, type RegionRef, type Scope } from './scope.ts';
import { cellDefs, levelName, type Table } from './table.ts';

export interface RegionYear {
  region: RegionRef;
  year: number | null;
}

/** A region named by text (淮安市, 江苏省淮安市) or id, and the year asked about (default: its latest). */
export async function regionYear(db: Kysely<Database>, region: string | number, year?: number | null): Promise<RegionYear> {
  const ref = await regionRef(db, region);
  return { region: ref, year: year ?? (await latestYear(db, { regionId: ref.id })) };
}

/** The scope's members: agency, level, region, report and version, by agency name. */
export async function regionMembers(db: Kysely<Database>, scope: Scope): Promise<Table> {
  const rows = await withMembers(db, scope)
    .selectFrom('member as m')
    .leftJoin('region as g', 'g.id', 'm.region_id')
    .innerJoin('report_version as v', 'v.id', 'm.version_id')
    .select(['m.agency', 'm.level', 'g.name as region', 'm.year', 'm.published', 'm.report_id', 'v.version', 'v.format_version'])
    .orderBy(sql`m.agency ${C}`)
    .orderBy('m.year')
    .execute();
  return {
    columns: [
      { key: 'agency', label: '机关' },
      { key: 'level', label: '级别' },
      { key: 'region', label: '地区' },
      { key: 'year', label: '年度', kind: 'number' },
      { key: 'published', label: '发布日期' },
      { key: 'report_id', label: '报告编号', kind: 'number' },
      { key: 'version', label: '版本', kind: 'number' },
      { key: 'format_version', label: '格式' },
    ],
    rows: rows.map((r) => ({ ...r, level: levelName(r.level) })),
  };
}

/** The format a year's reports use (the latest for an unknown year or one before the templates). */
export function yearFormat(year: number | null): FormatVersionId {
  const version = year === null ? 'free' : versionForYear(year);
  return version === 'free' ? VERSIONS[0].id : version;
}

/** A region named by text (淮安市, 江苏省淮安市) or by id. */
export async function regionRef(db: Kysely<Database>, region: string | number): Promise<RegionRef> {
  if (typeof region !== 'number') return findRegion(db, region);
  const [ref] = await regionPaths(db, { ids: [region] });
  if (!ref) throw new StoreError('input', `数据库中没有编号为 ${region} 的地区`, `no region ${region} in the store`);
  return ref;
}

export interface RegionSum extends Table, RegionYear {
  /** How many reports were summed. */
  members: number;
}

/**
 * Every cell summed over the region's members in one statement: the sum (blank when no member has a number there),
 * how many members have a number there, and how many report the cell at all.
 *
 * @example
 *   const sum = await regionSum(store.db, '淮安市', 2023);
 *   sum.rows.find((r) => r.key === 'table3.new_received.6')?.sum; // applications received across the city
 */
export async function regionSum(db: Kysely<Database>, region: string | number, year?: number | null): Promise<RegionSum> {
  const where = await regionYear(db, region, year);
  const scope = { regionId: where.region.id, year: where.year };
  const sums = await withMembers(db, scope)
    .selectFrom('cell as c')
    .innerJoin('member as m', 'm.version_id', 'c.version_id')
    .select((eb) => [
      'c.key',
      // Exact decimal addition: the same total on every engine and in every order.
      sql<number | null>`sum(c.num::numeric)::float8`.as('sum'),
      eb.fn.count<number>('c.num').as('filled'),
      eb.fn.countAll<number>().as('reported'),
    ])
    .groupBy('c.key')
    .execute();
  const [{ n }] = await withMembers(db, scope).selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const byKey = new Map(sums.map((s) => [s.key, s]));
  // The year's format gives the rows; a cell only the other format has appears when some member reported it.
  const own = yearFormat(where.year);
  const formats = VERSIONS.map((v) => v.id).sort((a, b) => Number(b === own) - Number(a === own));
  const ownKeys = new Set((await cellDefs(db, [own])).map((d) => d.key));
  const defs = (await cellDefs(db, formats)).filter((d) => byKey.has(d.key) || ownKeys.has(d.key));
  const rows = defs.map((d) => {
    const s = byKey.get(d.key);
    return { key: d.key, label: d.label, sum: s?.sum ?? null, filled: Number(s?.filled ?? 0), reported: Number(s?.reported ?? 0) };
  });
  return {
    ...where,
    members: Number(n),
    columns: [
      { key: 'key', label: '单元格' },
      { key: 'label', label: '项目' },
      { key: 'sum', label: '合计', kind: 'number' },
      { key: 'filled', label: '填数机关', kind: 'number' },
      { key: 'reported', label: '列有此项', kind: 'number' },
    ],
    rows,
  };
}
